// `/studio`: to the editor's language (Accept-Language, Arabic unless English is preferred), like `/`.
// Also where the issuer sends the browser back after sign-out.
import { redirect, type LoaderFunctionArgs } from 'react-router';
import { localeFromAcceptLanguage } from '../../i18n/messages';

export function loader({ request }: LoaderFunctionArgs) {
  const locale = localeFromAcceptLanguage(request.headers.get('accept-language'));
  throw redirect(`/studio/${locale}`, { status: 302, headers: { vary: 'accept-language', 'cache-control': 'no-store' } });
}

export default function StudioRedirect() {
  return null;
}
