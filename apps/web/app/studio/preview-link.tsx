// "Preview" in the program and episode editors: asks the CMS for a short-lived signed link
// (POST /api/cms/previews) that the public site renders from the current draft — never cached, never
// indexed — and shows it to open in a new tab or copy. Save first: the preview shows what is saved.
import { useId, useState } from 'react';
import type { Locale } from '../i18n/messages';
import { cms, problemOf } from './cms';
import type { StudioMessages } from './messages';

interface Link {
  url: string;
  expiresAt: string;
}

export function PreviewLink({ type, id, locale, t, disabledReason }: { type: 'program' | 'episode'; id: string; locale: Locale; t: StudioMessages; disabledReason?: string | undefined }) {
  const inputId = useId();
  const [link, setLink] = useState<Link>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [copied, setCopied] = useState(false);

  async function make() {
    setBusy(true);
    setFailure(undefined);
    setCopied(false);
    try {
      const { data, error, response } = await cms().POST('/api/cms/previews', { body: { type, id } });
      if (data) setLink({ url: data.links[locale], expiresAt: data.expiresAt });
      else setFailure(problemOf(error, response).detail ?? t.errorGeneric);
    } catch (error) {
      setFailure(problemOf(error).detail ?? t.errorGeneric);
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    if (!link) return;
    await navigator.clipboard?.writeText(link.url).catch(() => {});
    setCopied(true);
  }

  const until = link ? new Intl.DateTimeFormat(locale === 'ar' ? 'ar-u-nu-arab' : 'en-GB', { timeStyle: 'short' }).format(new Date(link.expiresAt)) : '';
  return (
    <section className="preview" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>{t.previewTitle}</h2>
      <p className="muted">{t.previewHint}</p>
      <button type="button" className="button secondary" onClick={() => void make()} disabled={busy || Boolean(disabledReason)} aria-busy={busy}>{t.preview}</button>
      {disabledReason ? <span className="muted"> {disabledReason}</span> : null}
      {link ? (
        <div className="preview-link">
          <label htmlFor={inputId}>{t.previewLink}</label>
          <input id={inputId} type="url" readOnly value={link.url} aria-describedby={`${inputId}-expiry`} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" className="button secondary" onClick={() => void copy()}>{t.copyLink}</button>
          <a className="button" href={link.url} target="_blank" rel="noopener">{t.previewOpen}</a>
          <span id={`${inputId}-expiry`} className="muted">{t.previewExpires(until)}</span>
          <span role="status" className="muted">{copied ? t.linkCopied : ''}</span>
        </div>
      ) : null}
      {failure ? <p role="alert" className="field-error">{failure}</p> : null}
    </section>
  );
}
