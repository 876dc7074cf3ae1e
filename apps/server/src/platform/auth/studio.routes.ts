// What the editors' studio (/studio, oidc-client-ts) needs to sign in, read at runtime so one build
// of the web app works on embedded defaults (the development issuer) and with Keycloak.
import { Type } from 'typebox';
import type { Config } from '../../config.js';
import type { App } from '../http/server.js';
import { devIssuerUrl } from './dev-issuer.js';
import { STUDIO_CLIENT_ID, STUDIO_SCOPES } from './dev-oidc.js';

export interface StudioAuthConfig {
  /** OIDC issuer (oidc-client-ts `authority`): its discovery document is at `${authority}/.well-known/openid-configuration`. */
  authority: string;
  clientId: string;
  scopes: string;
  /** Where the issuer sends the browser back with the code, and after sign-out. */
  redirectUri: string;
  postLogoutRedirectUri: string;
  provider: 'development' | 'oidc';
}

function studioAuthConfig(config: Config): StudioAuthConfig | undefined {
  const authority = config.oidcIssuer?.replace(/\/+$/, '') ?? (config.devIssuer ? devIssuerUrl(config.publicUrl) : undefined);
  if (!authority) return undefined;
  return {
    authority,
    clientId: config.oidcIssuer ? config.oidcStudioClientId : STUDIO_CLIENT_ID,
    scopes: STUDIO_SCOPES,
    redirectUri: `${config.publicUrl}/studio/auth/callback`,
    postLogoutRedirectUri: `${config.publicUrl}/studio/`,
    provider: config.oidcIssuer ? 'oidc' : 'development',
  };
}

export function registerStudioConfigRoute(app: App, config: Config) {
  const body = studioAuthConfig(config);
  if (!body) return;
  app.get('/api/studio/config', {
    schema: {
      tags: ['Studio'],
      summary: "How the editors' studio signs in (OIDC authorization code + PKCE)",
      description: 'Public. `authority` is the OIDC issuer: the built-in development issuer on embedded defaults, `OIDC_ISSUER` otherwise.',
      response: {
        200: Type.Object({
          authority: Type.String({ format: 'uri' }),
          clientId: Type.String(),
          scopes: Type.String({ examples: [STUDIO_SCOPES] }),
          redirectUri: Type.String({ format: 'uri' }),
          postLogoutRedirectUri: Type.String({ format: 'uri' }),
          provider: Type.Union([Type.Literal('development'), Type.Literal('oidc')]),
        }),
      },
    },
  }, async (_request, reply) => {
    reply.header('cache-control', 'no-cache');
    return body;
  });
}
