// The day's key of the download client hash (IAB: a client is address + user agent). The hash is an HMAC
// under a random key made for each UTC day and kept two days (listening_client_keys; trimmed hourly),
// so the same client is recognised for 24 hours, and afterwards nobody, us included, can tell whose
// address a stored hash came from. The address itself is never stored.
import { createHmac, randomBytes } from 'node:crypto';
import type { Queryable } from '../platform/db/db.js';

export const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export class ClientKeys {
  private readonly keys = new Map<string, Promise<Buffer | undefined>>();

  constructor(private readonly db: Queryable) {}

  /** The key of `day` (YYYY-MM-DD), made by the first process that asks for it. */
  today(day: string): Promise<Buffer> {
    return this.cached(day, true) as Promise<Buffer>;
  }

  /** The key of `day` if one was made (the day before today), else undefined. */
  existing(day: string): Promise<Buffer | undefined> {
    return this.cached(day, false);
  }

  private cached(day: string, create: boolean): Promise<Buffer | undefined> {
    let key = this.keys.get(day);
    if (!key) {
      key = this.load(day, create);
      this.keys.set(day, key);
      // A failed or missing answer is asked again next time; keep at most three days in memory.
      key.then((k) => void (k ?? this.keys.delete(day)), () => this.keys.delete(day));
      if (this.keys.size > 3) this.keys.delete(this.keys.keys().next().value!);
    }
    return key;
  }

  private async load(day: string, create: boolean): Promise<Buffer | undefined> {
    if (create) {
      await this.db.query('insert into listening_client_keys (day, key) values ($1, $2) on conflict (day) do nothing', [day, randomBytes(32)]);
    }
    const [row] = await this.db.query<{ key: Uint8Array }>('select key from listening_client_keys where day = $1', [day]);
    return row ? Buffer.from(row.key) : undefined;
  }
}

/** The client id of an address and user agent under a day's key: `dl:` and 22 characters (132 bits). */
export function clientId(key: Buffer, address: string, userAgent: string): string {
  return `dl:${createHmac('sha256', key).update(address).update('\n').update(userAgent).digest('base64url').slice(0, 22)}`;
}
