// `/`: the listener's language from Accept-Language (Arabic unless English is preferred).
import { redirect, type LoaderFunctionArgs } from 'react-router';
import { localeFromAcceptLanguage } from '../i18n/messages';

export function loader({ request }: LoaderFunctionArgs) {
  const locale = localeFromAcceptLanguage(request.headers.get('accept-language'));
  throw redirect(`/${locale}`, { status: 302, headers: { vary: 'accept-language', 'cache-control': 'private, max-age=0' } });
}

export default function LocaleRedirect() {
  return null;
}
