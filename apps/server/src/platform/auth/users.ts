// Users the CMS has seen: one row per token subject, with the name and roles of their last token.
// Admins can disable a user, which blocks them even while their token is still valid.
import type { Db, Queryable } from '../db/db.js';
import type { Principal } from './roles.js';

export interface User {
  sub: string;
  name: string;
  roles: string[];
  disabled: boolean;
  createdAt: Date;
  lastSeenAt: Date;
}

interface UserRow extends Record<string, unknown> {
  sub: string; name: string; roles: string[]; disabled: boolean; created_at: Date; last_seen_at: Date;
}

const toUser = (r: UserRow): User => ({ sub: r.sub, name: r.name, roles: r.roles, disabled: r.disabled, createdAt: r.created_at, lastSeenAt: r.last_seen_at });

/** Remembers who was seen recently, so a busy editor costs one write per interval, not per request. */
export class UserDirectory {
  private readonly seen = new Map<string, { at: number; disabled: boolean; key: string }>();

  constructor(private readonly db: Db, private readonly refreshMs = 60_000) {}

  /** Records the principal and returns whether the user is disabled. */
  async touch(principal: Principal): Promise<{ disabled: boolean }> {
    const key = `${principal.name}|${principal.roles.join(',')}`;
    const cached = this.seen.get(principal.sub);
    if (cached && cached.key === key && Date.now() - cached.at < this.refreshMs) return { disabled: cached.disabled };
    const [row] = await this.db.query<{ disabled: boolean }>(
      `insert into users (sub, name, roles) values ($1, $2, $3)
       on conflict (sub) do update set name = excluded.name, roles = excluded.roles, last_seen_at = now()
       returning disabled`,
      [principal.sub, principal.name, principal.roles],
    );
    const disabled = row?.disabled ?? false;
    this.seen.set(principal.sub, { at: Date.now(), disabled, key });
    return { disabled };
  }

  async list(q: Queryable = this.db): Promise<User[]> {
    const rows = await q.query<UserRow>('select * from users order by last_seen_at desc');
    return rows.map(toUser);
  }

  /** Creates (or updates) a user ahead of their first sign-in, e.g. to pre-register roles or names. */
  async upsert(input: { sub: string; name?: string; roles?: string[] }): Promise<User> {
    const [row] = await this.db.query<UserRow>(
      `insert into users (sub, name, roles) values ($1, $2, $3)
       on conflict (sub) do update set name = coalesce($4, users.name), roles = coalesce($5, users.roles)
       returning *`,
      [input.sub, input.name ?? input.sub, input.roles ?? [], input.name ?? null, input.roles ?? null],
    );
    this.seen.delete(input.sub);
    return toUser(row!);
  }

  async setDisabled(sub: string, disabled: boolean): Promise<User | undefined> {
    const [row] = await this.db.query<UserRow>('update users set disabled = $2 where sub = $1 returning *', [sub, disabled]);
    this.seen.delete(sub);
    return row ? toUser(row) : undefined;
  }
}
