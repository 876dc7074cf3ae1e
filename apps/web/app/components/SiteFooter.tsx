import { useLocale } from '../i18n/use-locale';

export function SiteFooter() {
  const { t } = useLocale();
  return (
    <footer className="site-footer">
      <p>{t.siteName} · {t.tagline}</p>
      <p className="muted">{t.footerData}</p>
    </footer>
  );
}
