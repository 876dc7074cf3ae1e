// Which Node runs AsyncLocalStorage without promise hooks (tracing-start.ts warns on Node 22 when not):
// the flags as Node reads them, from the command line and NODE_OPTIONS.
import { describe, expect, it } from 'vitest';
import { asyncContextFrame } from '../../src/platform/telemetry/tracing.js';

describe('asyncContextFrame', () => {
  it('is on for Node 22 and 23 only with the experimental flag', () => {
    expect(asyncContextFrame('22.23.3', [])).toBe(false);
    expect(asyncContextFrame('22.23.3', ['--enable-source-maps', '--experimental-async-context-frame'])).toBe(true);
    expect(asyncContextFrame('23.1.0', ['--experimental-async-context-frame'])).toBe(true);
  });

  it('is on by default from Node 24, unless turned off', () => {
    expect(asyncContextFrame('24.0.0', [])).toBe(true);
    expect(asyncContextFrame('24.0.0', ['--no-async-context-frame'])).toBe(false);
  });

  it('is off before Node 22, whatever the flags', () => {
    expect(asyncContextFrame('20.20.2', ['--experimental-async-context-frame'])).toBe(false);
  });
});
