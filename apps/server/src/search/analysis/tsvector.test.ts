// Our tokens stored in PostgreSQL: the tsvector literal is accepted as it is, and queries built from
// queryTerms() match it with the 'simple' configuration (which leaves our terms alone).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceAvailable, TEST_DATABASE_URL } from '../../../test/support/services.js';
import { analyze, queryTerms, toTsvector } from './analyzer.js';

const postgres = await serviceAvailable('PostgreSQL', TEST_DATABASE_URL, 5432);

describe.skipIf(!postgres)('toTsvector on PostgreSQL', () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
  });
  afterAll(() => client?.end());

  async function matches(doc: string, query: string): Promise<boolean> {
    const terms = queryTerms(query).terms;
    const { rows } = await client.query<{ hit: boolean }>(
      `select $1::tsvector @@ to_tsquery('simple', $2) as hit`,
      [toTsvector(analyze(doc)), terms.map((t) => `'${t.replaceAll("'", "''")}'`).join(' & ')],
    );
    return rows[0]?.hit === true;
  }

  it('stores the analysed terms with their positions unchanged', async () => {
    const doc = 'والمكتباتُ في الحلقة ٣ من بودكاست فنجان — e-mail';
    const { rows } = await client.query<{ v: string }>('select $1::tsvector::text as v', [toTsvector(analyze(doc))]);
    expect(rows[0]?.v).toBe("'3':4 'e':8 'email':8 'mail':9 'بودكاست':6 'حلق':3 'فنجان':7 'في':2 'مكتب':1 'من':5");
  });

  it('matches queries analysed the same way', async () => {
    expect(await matches('قرأتُ الكُتُبَ في المكتبةِ', 'مكتبات')).toBe(true);
    expect(await matches('قرأتُ الكُتُبَ في المكتبةِ', 'كتب مكتبة')).toBe(true);
    expect(await matches('قرأتُ الكُتُبَ في المكتبةِ', 'كتاب')).toBe(false);
    expect(await matches("It's the children's library", 'libraries for children')).toBe(true);
  });
});
