// NATS_URL may carry credentials (nats://user:password@host, or a token as nats://token@host); the
// NATS client ignores URL userinfo, so the bus passes them as options (the drill's cluster has auth).
import { describe, expect, it } from 'vitest';
import { natsConnectOptions } from '../../src/events/jetstream-bus.js';

describe('natsConnectOptions', () => {
  it('moves user and password out of the URL', () => {
    expect(natsConnectOptions('nats://thmnayah:s%40cret@nats:4222')).toEqual({ servers: 'nats://nats:4222', user: 'thmnayah', pass: 's@cret' });
  });
  it('takes a lone user as a token', () => {
    expect(natsConnectOptions('nats://tok3n@nats:4222')).toEqual({ servers: 'nats://nats:4222', token: 'tok3n' });
  });
  it('leaves a URL without credentials alone', () => {
    expect(natsConnectOptions('nats://127.0.0.1:4222')).toEqual({ servers: 'nats://127.0.0.1:4222' });
  });
});
