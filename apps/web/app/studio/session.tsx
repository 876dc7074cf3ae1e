// Who is signed in to the studio, and what they may do: given by the studio layout to every screen.
import { createContext, useContext } from 'react';
import { useLocale } from '../i18n/use-locale';
import type { Locale } from '../i18n/messages';
import { STUDIO_MESSAGES, type StudioMessages } from './messages';
import type { Me } from './cms';

export interface Session {
  me: Me;
  role: 'admin' | 'editor' | 'viewer';
  /** editors and admins change content; viewers see everything read-only */
  canEdit: boolean;
  isAdmin: boolean;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the signed-in studio');
  return session;
}

/** The studio's locale (from /studio/:lang), its messages and a path builder under /studio/:lang. */
export function useStudioLocale(): { locale: Locale; t: StudioMessages; dir: 'rtl' | 'ltr'; path: (rest?: string) => string } {
  const { locale, dir } = useLocale();
  return { locale, dir, t: STUDIO_MESSAGES[locale], path: (rest = '') => `/studio/${locale}${rest ? `/${rest.replace(/^\//, '')}` : ''}` };
}
