// /healthz says the process is alive; /readyz says it can serve (dependencies answer, not shutting
// down). Kubernetes routes traffic by readiness and restarts by liveness.
import type { App } from './server.js';

export interface Readiness {
  /** Called on SIGTERM: readiness fails at once so the load balancer stops sending traffic. */
  markShuttingDown(): void;
}

export function registerHealthRoutes(
  app: App,
  options: {
    version: string;
    roles: readonly string[];
    checks: Record<string, () => Promise<void>>;
    /**
     * Checks reported but not required: the server serves without them (Redis is a shared cache and the
     * rate limits' store; without it a pod answers from the database and its own cache). Failing readiness
     * on them would take every pod out of the load balancer at once for an optimisation.
     */
    optional?: readonly string[];
  },
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
    const ready = !shuttingDown && Object.entries(results).every(([name, r]) => r === 'ok' || options.optional?.includes(name));
    for (const name of options.optional ?? []) if (results[name] && results[name] !== 'ok') results[name] = results[name]!.replace(/^failing/, 'degraded');
    reply.code(ready ? 200 : 503).header('cache-control', 'no-store');
    return { status: ready ? 'ready' : shuttingDown ? 'shutting down' : 'not ready', roles: options.roles, checks: results };
  });
  return { markShuttingDown: () => void (shuttingDown = true) };
}
