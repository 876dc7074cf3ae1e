import { type RouteConfig, index, route } from '@react-router/dev/routes';

export default [
  // `/` picks Arabic or English from Accept-Language and redirects; every page lives under its locale.
  index('routes/locale-redirect.tsx'),
  // The editors' studio: rendered in the browser with the editor's token (the server sends the shell).
  route('studio', 'routes/studio/redirect.tsx'),
  route('studio/auth/callback', 'routes/studio/callback.tsx'),
  route('studio/:lang', 'routes/studio/layout.tsx', [
    index('routes/studio/home.tsx'),
    route('programs', 'routes/studio/programs.tsx'),
    route('programs/:id', 'routes/studio/program.tsx'),
    route('episodes', 'routes/studio/episodes.tsx'),
    route('episodes/:id', 'routes/studio/episode.tsx'),
    route('categories', 'routes/studio/categories.tsx'),
    route('categories/:id', 'routes/studio/category.tsx'),
    route('people', 'routes/studio/people.tsx'),
    route('people/:id', 'routes/studio/person.tsx'),
    route('imports', 'routes/studio/imports.tsx'),
    route('subscriptions', 'routes/studio/subscriptions.tsx'),
    route('listening', 'routes/studio/listening.tsx'),
    route('admin/dead-letters', 'routes/studio/dead-letters.tsx'),
    route('admin/tasks', 'routes/studio/tasks.tsx'),
    route('trash', 'routes/studio/trash.tsx'),
    route('analytics/search', 'routes/studio/search-analytics.tsx'),
    route('users', 'routes/studio/users.tsx'),
    route('*', 'routes/studio/not-found.tsx'),
  ]),
  route(':lang', 'routes/locale.tsx', [
    index('routes/home.tsx'),
    route('categories', 'routes/categories.tsx'),
    route('categories/:slug', 'routes/category.tsx'),
    route('programs/:slug', 'routes/program.tsx'),
    route('episodes/:id', 'routes/episode.tsx'),
    route('people/:slug', 'routes/person.tsx'),
    route('search', 'routes/search.tsx'),
    route('*', 'routes/not-found.tsx', { id: 'locale-not-found' }),
  ]),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;

