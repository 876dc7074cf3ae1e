// The site's own error pages (404, 400, 503, 500): pages with the header, search and a way home, in
// the page's language — never a JSON problem or a stack trace. A refused draft preview link (403) says
// whether it expired or is not valid, and nothing of the draft.
import { Link } from 'react-router';
import { useLocale } from '../i18n/use-locale';

export function ErrorPage({ status, preview }: { status: number; preview?: string | undefined }) {
  const { locale, t } = useLocale();
  const [title, text] =
    preview ? [preview === 'expired' ? t.previewExpiredTitle : t.previewInvalidTitle, t.previewErrorText]
    : status === 404 ? [t.notFoundTitle, t.notFoundText]
    : status === 400 ? [t.badRequestTitle, t.badRequestText]
    : status === 503 ? [t.unavailableTitle, t.errorText]
    : [t.errorTitle, t.errorText];
  return (
    <section className="error-page" aria-labelledby="error-title">
      <title>{`${title} · ${t.siteName}`}</title>
      <meta name="robots" content="noindex" />
      <p className="error-code" aria-hidden="true">{status}</p>
      <h1 id="error-title">{title}</h1>
      <p>{text}</p>
      <p className="error-actions">
        <Link className="button" to={`/${locale}`}>{t.backHome}</Link>
        {status >= 500 ? <a className="button secondary" href="">{t.tryAgain}</a> : null}
      </p>
    </section>
  );
}
