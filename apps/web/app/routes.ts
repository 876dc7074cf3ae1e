import { type RouteConfig, index, route } from '@react-router/dev/routes';

export default [
  // `/` picks Arabic or English from Accept-Language and redirects; every page lives under its locale.
  index('routes/locale-redirect.tsx'),
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

