// React Router in framework mode: server rendering with hydration, code-split routes, meta/links per
// route. The server's `web` role runs the built handler (build/server) inside Fastify; nothing here
// starts a server of its own.
import type { Config } from '@react-router/dev/config';

export default {
  appDirectory: 'app',
  buildDirectory: 'build',
  ssr: true,
} satisfies Config;
