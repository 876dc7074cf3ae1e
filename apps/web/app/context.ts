// What the server's web role hands every loader (React Router's load context), and the typed Discovery
// client loaders use on top of it.
import { apiClient, type Api } from './api/client';

export interface WebContext {
  /** The Discovery API: in process, or over HTTP to WEB_API_URL (apps/server/src/web/api-transport.ts). */
  apiFetch: (request: Request) => Promise<Response>;
  /** The public base URL (PUBLIC_URL), for canonical links and og: tags. */
  publicUrl: string;
}

declare module 'react-router' {
  interface AppLoadContext extends WebContext {}
}

const clients = new WeakMap<WebContext, Api>();

/** The Discovery client of a request's context (one per context). */
export function serverApi(context: WebContext): Api {
  let client = clients.get(context);
  if (!client) clients.set(context, (client = apiClient({ baseUrl: 'http://discovery.internal', fetch: context.apiFetch })));
  return client;
}
