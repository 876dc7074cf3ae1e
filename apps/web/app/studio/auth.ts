// Sign-in for the studio: OIDC authorization code + PKCE with oidc-client-ts, configured from the public
// GET /api/studio/config (the development issuer on a laptop, Keycloak in production). Browser only:
// the library is imported on demand, so the listeners' bundle and server rendering never load it.
// Tokens live in sessionStorage (the library's default): closing the tab signs out of this tab.
import type { User, UserManager } from 'oidc-client-ts';
import type { Locale } from '../i18n/messages';
import type { paths } from '../api/schema';

export type StudioConfig = paths['/api/studio/config']['get']['responses'][200]['content']['application/json'];

/** What the studio keeps in the sign-in request's state, to come back to the page that asked. */
interface SignInState {
  returnTo: string;
}

let manager: Promise<UserManager> | undefined;

/** The one UserManager of this tab. */
export function userManager(): Promise<UserManager> {
  manager ??= (async () => {
    const [{ UserManager, WebStorageStateStore }, response] = await Promise.all([import('oidc-client-ts'), fetch('/api/studio/config')]);
    if (!response.ok) throw new Error(`GET /api/studio/config answered ${response.status}`);
    const config = (await response.json()) as StudioConfig;
    return new UserManager({
      authority: config.authority,
      client_id: config.clientId,
      scope: config.scopes,
      redirect_uri: config.redirectUri,
      post_logout_redirect_uri: config.postLogoutRedirectUri,
      response_type: 'code',
      // Renews before the access token expires; with a refresh token that is a plain token request
      // (no hidden iframe, which the development issuer's sign-in page would not answer).
      automaticSilentRenew: true,
      userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    });
  })();
  manager.catch(() => (manager = undefined)); // a failed configuration fetch is retried next time
  return manager;
}

/** The signed-in user, renewed first when the access token has expired (null: not signed in). */
export async function currentUser(): Promise<User | null> {
  const users = await userManager();
  const user = await users.getUser();
  if (!user) return null;
  if (!user.expired) return user;
  if (!user.refresh_token) return null;
  try {
    return await users.signinSilent();
  } catch {
    // The refresh token was used, revoked or expired: the editor signs in again.
    await users.removeUser();
    return null;
  }
}

/** Goes to the issuer's sign-in page; it comes back to /studio/auth/callback, then to `returnTo`. */
export async function signIn(returnTo: string, locale: Locale): Promise<void> {
  const state: SignInState = { returnTo };
  await (await userManager()).signinRedirect({ state, ui_locales: locale });
}

/** Completes the sign-in at the callback URL; answers where to go next. */
export async function completeSignIn(): Promise<string> {
  const user = await (await userManager()).signinRedirectCallback();
  const returnTo = (user.state as SignInState | undefined)?.returnTo;
  // Only paths of the studio itself: the state comes back through the browser's address bar.
  return returnTo && returnTo.startsWith('/studio/') ? returnTo : '/studio/';
}

/** Ends the session at the issuer (its refresh token stops working) and comes back to /studio/. */
export async function signOut(): Promise<void> {
  const users = await userManager();
  const user = await users.getUser();
  await users.removeUser();
  await users.signoutRedirect(user?.id_token ? { id_token_hint: user.id_token } : {});
}

/**
 * The CMS said 401 in the middle of a session (the token was revoked, or the issuer no longer knows it):
 * the stored user is dropped and the studio shows its sign-in screen in place, on the same URL, so
 * signing in again comes back to where the editor was (the sign-in keeps the path and query).
 */
export const sessionEvents = new EventTarget();

let ending = false;
export async function endSession(): Promise<void> {
  if (ending) return;
  ending = true;
  try {
    await (await userManager()).removeUser().catch(() => {});
    sessionEvents.dispatchEvent(new Event('ended'));
  } finally {
    ending = false;
  }
}
