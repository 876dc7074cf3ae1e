// The typed Discovery client: openapi-fetch over the types generated from the server's OpenAPI document
// (schema.d.ts), so a renamed field or parameter is a compile error here, not a blank page.
// On the server, loaders get a client whose fetch goes to the Discovery API in process (or to
// WEB_API_URL); in the browser, the same client calls the same origin.
import createClient from 'openapi-fetch';
import type { paths } from './schema';

export type Api = ReturnType<typeof createClient<paths>>;

export function apiClient(options: { baseUrl?: string; fetch?: (request: Request) => Promise<Response> } = {}): Api {
  return createClient<paths>({ baseUrl: options.baseUrl ?? '', ...(options.fetch ? { fetch: options.fetch } : {}) });
}

type Json<P extends keyof paths> = paths[P] extends { get: { responses: { 200: { content: { 'application/json': infer T } } } } } ? T : never;

export type Home = Json<'/api/discovery/home'>;
export type Episode = Json<'/api/discovery/episodes/{id}'>;
export type ProgramPage = Json<'/api/discovery/programs/{slug}'>;
export type ProgramCard = ProgramPage['program'];
export type EpisodePage = Json<'/api/discovery/programs/{slug}/episodes'>;
export type Categories = Json<'/api/discovery/categories'>;
export type CategoryPage = Json<'/api/discovery/categories/{slug}'>;
export type Person = Json<'/api/discovery/people/{slug}'>;
export type SearchResult = Json<'/api/discovery/search'>;
export type SearchHit = SearchResult['items'][number];
export type Suggestion = Json<'/api/discovery/suggest'>['items'][number];
export type Media = Episode['media'][number];

/**
 * What a list row needs of an episode. Loaders trim lists to this before they return: the page's data
 * is sent twice (rendered, and serialised for hydration), so descriptions nobody sees would double.
 */
export function episodeRow(e: Pick<Episode, 'id' | 'title' | 'publishAt' | 'durationSeconds' | 'program' | 'media' | 'number'>) {
  return { id: e.id, title: e.title, publishAt: e.publishAt, durationSeconds: e.durationSeconds, program: e.program, media: e.media, number: e.number };
}

export function programCard(p: Pick<ProgramCard, 'id' | 'slug' | 'title' | 'artworkUrl' | 'episodeCount'>) {
  return { id: p.id, slug: p.slug, title: p.title, artworkUrl: p.artworkUrl, episodeCount: p.episodeCount };
}
