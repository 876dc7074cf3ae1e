// The document shell. Locale and direction come from the URL (/ar: Arabic, right to left; /en: English),
// so error pages get them too. The site header and the player sit outside the routed outlet: playback
// goes on while the listener navigates (client-side routing keeps this component mounted).
import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useLocation, useRouteError } from 'react-router';
import type { LinksFunction } from 'react-router';
import { useEffect } from 'react';
import './styles/app.css';
import { FONT_FACES } from './fonts';
import { useLocale } from './i18n/use-locale';
import { SiteHeader } from './components/SiteHeader';
import { SiteFooter } from './components/SiteFooter';
import { PlayerProvider } from './player/PlayerProvider';
import { PlayerBar } from './player/PlayerBar';
import { ErrorPage } from './components/ErrorPage';

export const links: LinksFunction = () => [
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
  { rel: 'manifest', href: '/site.webmanifest' },
];

export function Layout({ children }: { children: React.ReactNode }) {
  const { locale, dir, t } = useLocale();
  // The studio brings its own header and has no player: only the document is shared.
  const pathname = useLocation().pathname;
  const studio = pathname === '/studio' || pathname.startsWith('/studio/');
  // Marks the page interactive (tests wait for it before typing; CSS could use it too).
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return (
    <html lang={locale} dir={dir}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0f3d3e" />
        <Meta />
        <style dangerouslySetInnerHTML={{ __html: FONT_FACES }} />
        <Links />
      </head>
      <body>
        {studio ? children : (
          <>
            <a className="skip-link" href="#main">{t.skipToContent}</a>
            <PlayerProvider>
              <SiteHeader />
              <main id="main" tabIndex={-1}>{children}</main>
              <SiteFooter />
              <PlayerBar />
            </PlayerProvider>
          </>
        )}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const preview = isRouteErrorResponse(error) ? (error.data as { preview?: string } | undefined)?.preview : undefined;
  return <ErrorPage status={status} preview={preview} />;
}
