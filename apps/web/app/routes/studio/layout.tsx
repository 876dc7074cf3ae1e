// /studio/:lang — the studio's shell and its sign-in gate. The server renders only the shell (no data,
// no token there); in the browser the gate finds the signed-in user (renewing an expired token with
// the refresh token), asks the CMS who that is (GET /api/cms/me: name and roles as the user directory
// has them now) and only then renders the screens, with the session in context.
import { useEffect, useMemo, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { isLocale } from '../../i18n/messages';
import { switchLocalePath } from '../../i18n/use-locale';
import { currentUser, sessionEvents, signIn, signOut, userManager } from '../../studio/auth';
import { useAdminMessages } from '../../studio/admin-messages';
import { useListeningMessages } from '../../studio/listening-messages';
import { cms, highestRole, type Me } from '../../studio/cms';
import { SessionContext, useStudioLocale, type Session } from '../../studio/session';
import { useSearchAnalyticsMessages } from '../../studio/search-analytics-messages';

export const meta = () => [{ title: 'Thmnayah Studio · استوديو ثمنية' }, { name: 'robots', content: 'noindex, nofollow' }];

type Gate =
  | { kind: 'checking' }
  | { kind: 'signed-out'; ended?: boolean }
  | { kind: 'no-access' }
  | { kind: 'failed'; message: string }
  | { kind: 'signed-in'; me: Me };

export default function StudioLayout() {
  const { locale, t, path } = useStudioLocale();
  const a = useAdminMessages();
  const sa = useSearchAnalyticsMessages();
  const l = useListeningMessages();
  const location = useLocation();
  const [gate, setGate] = useState<Gate>({ kind: 'checking' });

  useEffect(() => {
    let live = true;
    const check = async () => {
      const user = await currentUser();
      if (!user) return { kind: 'signed-out' } as const;
      const { data, response } = await cms().GET('/api/cms/me');
      if (response.status === 401) return { kind: 'signed-out' } as const;
      if (response.status === 403 || !data || !highestRole(data.roles)) return { kind: 'no-access' } as const;
      return { kind: 'signed-in', me: data } as const;
    };
    check().then(
      (next) => live && setGate(next),
      (error: unknown) => live && setGate({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    // A refresh token that stops working (signed out elsewhere, expired) shows the sign-in screen.
    // A 401 in the middle of a session (a revoked or unknown token: cms.ts) shows the sign-in screen in
    // place: same URL, so signing in again comes back here.
    const onEnded = () => {
      if (live) setGate({ kind: 'signed-out', ended: true });
    };
    sessionEvents.addEventListener('ended', onEnded);
    let unsubscribe = () => sessionEvents.removeEventListener('ended', onEnded);
    void userManager().then((users) => {
      const onEnd = () => {
        if (live) setGate((gate) => (gate.kind === 'signed-out' ? gate : { kind: 'signed-out' }));
      };
      users.events.addSilentRenewError(onEnd);
      users.events.addUserUnloaded(onEnd);
      unsubscribe = () => {
        sessionEvents.removeEventListener('ended', onEnded);
        users.events.removeSilentRenewError(onEnd);
        users.events.removeUserUnloaded(onEnd);
      };
    }, () => {});
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);

  const session = useMemo<Session | null>(() => {
    if (gate.kind !== 'signed-in') return null;
    const role = highestRole(gate.me.roles)!;
    return { me: gate.me, role, canEdit: role !== 'viewer', isAdmin: role === 'admin' };
  }, [gate]);

  const params = location.pathname.split('/');
  if (!isLocale(params[2])) return <main id="main" className="studio-main"><h1>404</h1></main>;
  const other = locale === 'ar' ? 'en' : 'ar';

  return (
    <div className="studio">
      <a className="skip-link" href="#main">{t.skipToContent}</a>
      <header className="studio-header">
        <div className="header-row">
          <Link to={path()} className="brand">
            <span aria-hidden="true" className="brand-mark">ث</span>
            <span>{t.studio}</span>
          </Link>
          {session ? (
            <nav aria-label={t.studioNav} className="main-nav">
              <NavLink to={path('programs')}>{t.programs}</NavLink>
              <NavLink to={path('episodes')}>{t.episodes}</NavLink>
              <NavLink to={path('categories')}>{t.categories}</NavLink>
              <NavLink to={path('people')}>{t.people}</NavLink>
              <NavLink to={path('imports')}>{t.imports}</NavLink>
              <NavLink to={path('subscriptions')}>{a.subscriptions}</NavLink>
              <NavLink to={path('listening')}>{l.listening}</NavLink>
              <NavLink to={path('analytics/search')}>{sa.searchAnalytics}</NavLink>
              <NavLink to={path('trash')}>{t.trash}</NavLink>
              {session.isAdmin ? (
                <>
                  <NavLink to={path('users')}>{t.users}</NavLink>
                  <NavLink to={path('admin/dead-letters')}>{a.deadLetters}</NavLink>
                  <NavLink to={path('admin/tasks')}>{a.tasks}</NavLink>
                </>
              ) : null}
            </nav>
          ) : <span className="main-nav" />}
          <Link className="language-switch" to={switchLocalePath(location.pathname, location.search, other)} hrefLang={other} lang={other} aria-label={t.switchLanguageLabel}>
            {t.switchLanguage}
          </Link>
          {session ? (
            <div className="studio-user">
              <p aria-label={t.signedInAs}>
                <bdi className="user-name">{session.me.name}</bdi> · <span className="user-role">{t[`role_${session.role}`]}</span>
              </p>
              <button type="button" className="button" onClick={() => void signOut()}>{t.signOut}</button>
            </div>
          ) : null}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="studio-main">
        {gate.kind === 'checking' ? <p role="status">{t.loading}</p> : null}
        {gate.kind === 'signed-out' ? (
          <section className="sign-in" aria-labelledby="sign-in-title">
            <h1 id="sign-in-title">{t.signInTitle}</h1>
            {gate.ended ? <p role="alert" className="note">{a.sessionEnded}</p> : <p>{t.signInText}</p>}
            <button type="button" className="button" onClick={() => void signIn(`${location.pathname}${location.search}`, locale)}>{t.signIn}</button>
          </section>
        ) : null}
        {gate.kind === 'no-access' ? (
          <section role="alert">
            <p>{t.noAccess}</p>
            <button type="button" className="button" onClick={() => void signOut()}>{t.signOut}</button>
          </section>
        ) : null}
        {gate.kind === 'failed' ? <p role="alert">{t.signInFailed} <span dir="auto">{gate.message}</span></p> : null}
        {session ? (
          <SessionContext.Provider value={session}>
            {session.canEdit ? null : <p className="note" role="note">{t.readOnly}</p>}
            <Outlet />
          </SessionContext.Provider>
        ) : null}
      </main>
    </div>
  );
}
