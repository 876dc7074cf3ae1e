// Admin routes: run a task (streamed NDJSON progress, then the result) and manage CMS users.
import { PassThrough } from 'node:stream';
import { Type } from 'typebox';
import { Compile } from 'typebox/compile';
import type { Platform } from '../platform.js';
import type { App } from '../platform/http/server.js';
import { HttpProblem } from '../platform/http/problem.js';
import { toProblem } from '../platform/http/errors.js';
import { problems } from '../platform/http/schemas.js';
import type { Task } from '../platform/tasks.js';

export interface TaskLine {
  type: 'progress' | 'result' | 'error';
  done?: number;
  total?: number;
  label?: string;
  result?: unknown;
  problem?: unknown;
}

export function registerAdminRoutes(app: App, platform: Platform, tasks: Task[]) {
  const byName = new Map(tasks.map((task) => [task.name, { task, check: Compile(task.args) }]));

  app.get('/api/cms/admin/tasks', {
    config: { role: 'admin' },
    schema: {
      tags: ['Admin'], summary: 'List administrative tasks',
      response: { 200: Type.Object({ tasks: Type.Array(Type.Object({ name: Type.String(), description: Type.String(), args: Type.Unknown() })) }), ...problems(401, 403) },
    },
  }, async () => ({ tasks: tasks.map((t) => ({ name: t.name, description: t.description, args: t.args })) }));

  app.post('/api/cms/admin/tasks/:name', {
    // Tasks stream progress for as long as they run (a step may be silent for minutes), and some take a file
    // as big as a feed: uploads' limits for the body, none once it has arrived.
    config: { role: 'admin', timeouts: 'stream' },
    bodyLimit: Math.max(platform.config.bodyLimitBytes, ...tasks.map((t) => t.maxBodyBytes?.(platform.config) ?? 0)),
    schema: {
      tags: ['Admin'],
      summary: 'Run an administrative task',
      description: 'Answers `application/x-ndjson`: progress lines, then one `result` (or `error`) line. The CLI uses this while the embedded server holds the database.',
      params: Type.Object({ name: Type.String({ maxLength: 100 }) }, { additionalProperties: false }),
      body: Type.Optional(Type.Object({}, { additionalProperties: true })),
      response: { ...problems(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const entry = byName.get(request.params.name);
    if (!entry) throw new HttpProblem('not-found', `No task named ${request.params.name}; GET /api/cms/admin/tasks lists them.`);
    const args = request.body ?? {};
    if (!entry.check.Check(args)) {
      const errors = [...entry.check.Errors(args)].filter((e) => e.keyword !== 'boolean').slice(0, 10)
        .map((e) => ({ in: 'body', pointer: e.instancePath, message: e.message }));
      throw new HttpProblem('validation-failed', `Arguments of ${entry.task.name} are not valid: ${errors.map((e) => `${e.pointer || 'body'} ${e.message}`).join('; ')}`, { errors });
    }
    const stream = new PassThrough();
    const write = (line: TaskLine) => stream.write(`${JSON.stringify(line)}\n`);
    reply.type('application/x-ndjson').header('cache-control', 'no-store').send(stream as never);
    let last = 0;
    entry.task
      .run({
        platform,
        actor: request.principal!.sub,
        progress(done, total, label) {
          // At most ten lines a second: enough for a progress bar, little for the wire.
          const now = Date.now();
          if (done < total && now - last < 100) return;
          last = now;
          write({ type: 'progress', done, total, ...(label ? { label } : {}) });
        },
      }, args)
      .then((result) => write({ type: 'result', result }))
      .catch((error: unknown) => {
        const problem = toProblem(error as Error);
        if (problem.status >= 500) request.log.error({ err: error }, `task ${entry.task.name} failed`);
        write({ type: 'error', problem: problem.toBody() });
      })
      .finally(() => stream.end());
    return reply;
  });
}

const UserSchema = Type.Object({
  sub: Type.String(), name: Type.String(), roles: Type.Array(Type.String()), disabled: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }), lastSeenAt: Type.String({ format: 'date-time' }),
});

export function registerUserRoutes(app: App, platform: Platform) {
  app.get('/api/cms/me', {
    config: { role: 'viewer' },
    schema: {
      tags: ['Users'], summary: 'Who the token belongs to, and its roles',
      response: { 200: Type.Object({ sub: Type.String(), name: Type.String(), roles: Type.Array(Type.String()) }), ...problems(401, 403) },
    },
  }, async (request) => request.principal!);

  app.get('/api/cms/users', {
    config: { role: 'admin' },
    schema: { tags: ['Users'], summary: 'List CMS users', response: { 200: Type.Object({ items: Type.Array(UserSchema) }), ...problems(401, 403) } },
  }, async () => ({ items: (await platform.users.list()).map((u) => ({ ...u, createdAt: u.createdAt.toISOString(), lastSeenAt: u.lastSeenAt.toISOString() })) }));
}
