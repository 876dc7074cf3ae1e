// /studio/auth/callback: the issuer sends the browser here with ?code&state; oidc-client-ts redeems the
// code (with the PKCE verifier it kept) and the editor goes back to the page that asked to sign in.
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { completeSignIn } from '../../studio/auth';
import { useStudioLocale } from '../../studio/session';

export const meta = () => [{ title: 'Thmnayah Studio' }, { name: 'robots', content: 'noindex' }];

// The code works once: effects that run twice (StrictMode) share the one redemption.
let redemption: Promise<string> | undefined;

export default function Callback() {
  const { t, path } = useStudioLocale();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    let done = false;
    redemption ??= completeSignIn();
    redemption.then(
      (to) => !done && navigate(to, { replace: true }),
      (error: unknown) => !done && setFailure(error instanceof Error ? error.message : String(error)),
    );
    return () => void (done = true);
  }, [navigate]);
  return (
    <main id="main" className="studio-main">
      {failure ? (
        <section role="alert">
          <h1>{t.signInFailed}</h1>
          <p dir="auto">{failure}</p>
          <Link className="button" to={path()}>{t.signIn}</Link>
        </section>
      ) : <p role="status">{t.loading}</p>}
    </main>
  );
}
