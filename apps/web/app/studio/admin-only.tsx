// Admin screens (users, dead letters, tasks): an editor or viewer who opens one by its URL is told plainly
// that it is not for them; the navigation does not offer the links at all. The API refuses them too (403).
import type { ReactNode } from 'react';
import { useSession } from './session';
import { useAdminMessages } from './admin-messages';

export function AdminOnly({ children }: { children: ReactNode }) {
  const { isAdmin } = useSession();
  const a = useAdminMessages();
  if (isAdmin) return <>{children}</>;
  return (
    <section aria-labelledby="not-allowed-title" role="alert">
      <h1 id="not-allowed-title">{a.notAllowedTitle}</h1>
      <p>{a.notAllowed}</p>
    </section>
  );
}
