// /:lang — every public page lives under /ar or /en; any other first segment is the site's 404 page.
import { Outlet, type LoaderFunctionArgs, type ShouldRevalidateFunction } from 'react-router';
import { isLocale } from '../i18n/messages';
import { notFound } from '../api/load';

export function loader({ params, context }: LoaderFunctionArgs) {
  if (!isLocale(params.lang)) notFound();
  return { origin: context.publicUrl.replace(/\/$/, '') };
}

export const shouldRevalidate: ShouldRevalidateFunction = () => false;

/** The public origin, for meta functions of the pages below. */
export function originOf(matches: readonly ({ id: string; data?: unknown } | undefined)[]): string {
  const match = matches.find((m) => m?.id === 'routes/locale');
  return (match?.data as { origin?: string } | undefined)?.origin ?? '';
}

export default function LocaleLayout() {
  return <Outlet />;
}
