// The typed CMS client of the studio: openapi-fetch over the generated OpenAPI types, same origin
// (/api/cms), each request carrying the signed-in editor's access token. Also the helpers every screen
// uses for RFC 9457 problems and ETags.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../api/schema';
import { currentUser, endSession } from './auth';

export type Cms = ReturnType<typeof createClient<paths>>;

type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P] extends Record<M, { responses: { 200: { content: { 'application/json': infer T } } } }> ? T : never;
export type Program = Json<'/api/cms/programs/{id}', 'get'>;
export type Episode = Json<'/api/cms/episodes/{id}', 'get'>;
export type ProgramList = Json<'/api/cms/programs', 'get'>;
export type EpisodeList = Json<'/api/cms/episodes', 'get'>;
export type Category = Json<'/api/cms/categories/{id}', 'get'>;
export type Person = Json<'/api/cms/people/{id}', 'get'>;
export type Me = Json<'/api/cms/me', 'get'>;
export type ProgramInput = paths['/api/cms/programs']['post']['requestBody']['content']['application/json'];
export type EpisodeInput = paths['/api/cms/episodes']['post']['requestBody']['content']['application/json'];
export type CategoryInput = paths['/api/cms/categories']['post']['requestBody']['content']['application/json'];
export type PersonInput = paths['/api/cms/people']['post']['requestBody']['content']['application/json'];

/** A category's name in the studio's language. */
export const categoryName = (locale: 'ar' | 'en', c: Pick<Category, 'nameAr' | 'nameEn'>) => (locale === 'ar' ? c.nameAr : c.nameEn);

/** The four content types the studio edits, and the API collection (and studio path) of each. */
export type EntityType = 'program' | 'episode' | 'category' | 'person';
export const COLLECTION = { program: 'programs', episode: 'episodes', category: 'categories', person: 'people' } as const satisfies Record<EntityType, string>;

/** Adds the bearer token (renewed when expired) to every CMS request; a 401 ends the session (auth.ts). */
const bearer: Middleware = {
  async onRequest({ request }) {
    const user = await currentUser();
    if (user) request.headers.set('authorization', `Bearer ${user.access_token}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) void endSession();
    return response;
  },
};

/** fetch for the CMS calls openapi-fetch does not make (XML bodies, NDJSON streams): same token, same 401 rule. */
export async function authorizedFetch(input: string, init: RequestInit = {}): Promise<Response> {
  const user = await currentUser();
  const headers = new Headers(init.headers);
  if (user) headers.set('authorization', `Bearer ${user.access_token}`);
  const response = await fetch(input, { ...init, headers });
  if (response.status === 401) void endSession();
  return response;
}

let client: Cms | undefined;

export function cms(): Cms {
  if (!client) {
    client = createClient<paths>({ baseUrl: '' });
    client.use(bearer);
  }
  return client;
}

/** An RFC 9457 problem as the CMS answers it. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  currentEtag?: string;
  errors?: { in: string; pointer: string; message: string }[];
}

/** The problem of a failed call (a network failure becomes a problem too, status 0). */
export function problemOf(error: unknown, response?: Response): Problem {
  if (error && typeof error === 'object' && 'status' in error) return error as Problem;
  return { status: response?.status ?? 0, detail: error instanceof Error ? error.message : undefined };
}

/**
 * Field messages from a validation problem: `/title` → { title: "…" }. Pointers below a field
 * (`/tags/2`) go to the field itself; the ones naming no field of the form go to `''` (the form).
 */
export function fieldErrors(problem: Problem, fields: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of problem.errors ?? []) {
    const name = error.pointer.split('/')[1] ?? '';
    const key = fields.includes(name) ? name : '';
    out[key] = out[key] ? `${out[key]}; ${error.message}` : error.message;
  }
  if (problem.status === 400 && Object.keys(out).length === 0 && problem.detail) out[''] = problem.detail;
  return out;
}

/** The If-Match value for a version (the CMS's ETag is the version number, quoted). */
export const etagOf = (version: number) => `"${version}"`;

/** The highest CMS role of a list (admin > editor > viewer), or null. */
export function highestRole(roles: readonly string[]): 'admin' | 'editor' | 'viewer' | null {
  for (const role of ['admin', 'editor', 'viewer'] as const) if (roles.includes(role)) return role;
  return null;
}

// List parameters as the URL gives them (strings); the server validates them and says 400 otherwise.
export type ProgramQuery = NonNullable<paths['/api/cms/programs']['get']['parameters']['query']>;
export type EpisodeQuery = NonNullable<paths['/api/cms/episodes']['get']['parameters']['query']>;
export type CategoryQuery = NonNullable<paths['/api/cms/categories']['get']['parameters']['query']>;
export type PersonQuery = NonNullable<paths['/api/cms/people']['get']['parameters']['query']>;
