// The band across a draft preview (a studio link with `?preview=…`): what the reader sees is not public.
import { useLocale } from '../i18n/use-locale';

export function PreviewBanner() {
  const { t } = useLocale();
  return (
    <aside className="preview-banner" aria-label={t.previewBanner}>
      <strong>{t.previewBanner}</strong>
      <span>{t.previewBannerText}</span>
    </aside>
  );
}
