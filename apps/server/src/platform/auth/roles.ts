// Three CMS roles, each including the ones below it: admin ⊇ editor ⊇ viewer.
export const CMS_ROLES = ['viewer', 'editor', 'admin'] as const;
export type CmsRole = (typeof CMS_ROLES)[number];

export interface Principal {
  /** The token's subject: stable user id at the issuer. */
  sub: string;
  /** A human-readable name for audit entries (preferred_username, name or sub). */
  name: string;
  roles: CmsRole[];
}

export function isCmsRole(value: unknown): value is CmsRole {
  return typeof value === 'string' && (CMS_ROLES as readonly string[]).includes(value);
}

export function hasRole(principal: Principal, needed: CmsRole): boolean {
  const rank = CMS_ROLES.indexOf(needed);
  return principal.roles.some((role) => CMS_ROLES.indexOf(role) >= rank);
}
