import { Link, NavLink, useLocation } from 'react-router';
import { switchLocalePath, useLocale } from '../i18n/use-locale';
import { SearchBox } from './SearchBox';
import { PendingIndicator } from './PendingIndicator';

export function SiteHeader() {
  const { locale, t } = useLocale();
  const location = useLocation();
  const other = locale === 'ar' ? 'en' : 'ar';
  return (
    <header className="site-header">
      <PendingIndicator />
      <div className="header-row">
        <Link to={`/${locale}`} className="brand">
          <span aria-hidden="true" className="brand-mark">ث</span>
          <span>{t.siteName}</span>
        </Link>
        <nav aria-label={t.mainNav} className="main-nav">
          <NavLink to={`/${locale}`} end>{t.home}</NavLink>
          <NavLink to={`/${locale}/categories`}>{t.categories}</NavLink>
        </nav>
        <Link
          className="language-switch"
          to={switchLocalePath(location.pathname, location.search, other)}
          hrefLang={other}
          lang={other}
          aria-label={t.switchLanguageLabel}
        >
          {t.switchLanguage}
        </Link>
      </div>
      <SearchBox />
    </header>
  );
}
