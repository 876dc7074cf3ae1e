// Which real services the tests can reach. On a developer machine a missing service skips the tests
// that need it; CI sets THMNAYAH_REQUIRE_SERVICES=1 so that a missing service fails instead.
import { Socket } from 'node:net';

export const requireServices = process.env.THMNAYAH_REQUIRE_SERVICES === '1';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const TEST_NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

/** True when something accepts TCP connections at the URL's host and port (loopback only in tests). */
export function reachable(url: string, defaultPort: number, timeoutMs = 1000): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(Number(port || defaultPort), hostname.replace(/^\[|\]$/g, ''), () => done(true));
  });
}

/** Resolves whether to run tests that need `name`; throws when CI requires it and it is missing. */
export async function serviceAvailable(name: string, url: string, defaultPort: number): Promise<boolean> {
  const ok = await reachable(url, defaultPort);
  if (!ok && requireServices) throw new Error(`${name} is required (THMNAYAH_REQUIRE_SERVICES=1) but not reachable at ${url}`);
  return ok;
}
