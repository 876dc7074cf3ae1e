// /healthz says the process is alive; /readyz says it can serve (dependencies answer, not shutting
// down). Kubernetes routes traffic by readiness and restarts by liveness.
import type { App } from './server.js';

export interface Readiness {
  /** Called on SIGTERM: readiness fails at once so the load balancer stops sending traffic. */
  markShuttingDown(): void;
}

export function registerHealthRoutes(
  app: App,
  options: { version: string; roles: readonly string[]; checks: Record<string, () => Promise<void>> },
): Readiness {
  let shuttingDown = false;
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok', version: options.version }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const results: Record<string, string> = {};
    await Promise.all(
      Object.entries(options.checks).map(async ([name, check]) => {
        try {
          await Promise.race([check(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout after 2 s')), 2000).unref())]);
          results[name] = 'ok';
        } catch (error) {
          results[name] = `failing: ${(error as Error).message}`;
        }
      }),
    );
    const ready = !shuttingDown && Object.values(results).every((r) => r === 'ok');
    reply.code(ready ? 200 : 503).header('cache-control', 'no-store');
    return { status: ready ? 'ready' : shuttingDown ? 'shutting down' : 'not ready', roles: options.roles, checks: results };
  });
  return { markShuttingDown: () => void (shuttingDown = true) };
}
