// A feed we publish carries everything an importer needs: every fixture feed is imported and published
// here, its feed is served by the real route, and that feed imported into an empty catalogue (a second
// database) gives back the same programs and episodes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends, openTestDb } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { readModelSync } from '../support/read-model.js';
import { importDocument } from '../../src/ingest/registry.js';
import { upsertDraft } from '../../src/ingest/upsert.js';
import { checkFeed } from './checks.js';
import type { Db } from '../../src/platform/db/db.js';
import { feed, readManifest } from '../ingest/support.js';
import { comparableProgram, type ComparableEpisode } from './support.js';

const FIXTURES = [
  ...readManifest().map((r) => r.file).filter((f) => !f.startsWith('malformed_') && f !== 'p20_podcastindex-schema-example.xml'),
  'derived_ar_replyall-structure.xml', 'derived_ar_windows-1256.xml',
];

/** What our feed can carry of an episode's media: the files to play, one image, transcripts, one chapters file. */
function feedable(media: ComparableEpisode['media']) {
  const playable = media.filter((m) => (m.kind === 'audio' || m.kind === 'video') && /^(audio|video)\//.test(m.mimeType));
  const image = media.find((m) => m.kind === 'image');
  return [...playable, ...(image ? [image] : []), ...media.filter((m) => m.kind === 'transcript'), ...media.filter((m) => m.kind === 'chapters').slice(0, 1)];
}

describe.each(availableBackends())('publishing a feed and importing it again on %s', (backend) => {
  let source: TestApp;
  let target: { db: Db; close(): Promise<void> };
  const programs = new Map<string, string>(); // fixture → program id in the source catalogue

  beforeAll(async () => {
    source = await createTestApp(backend, { env: { PUBLIC_URL: 'https://thmnayah.example' } });
    target = await openTestDb(backend);
    for (const file of FIXTURES) {
      const result = await upsertDraft(source.platform.db, importDocument(feed(file)), { context: { actor: 'test' }, publish: true });
      programs.set(file, result.program.id);
    }
    await readModelSync(source.platform.db)();
    await source.discovery!.generation.refresh();
  }, 240_000);
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it.each(FIXTURES)('%s', async (file) => {
    const programId = programs.get(file)!;
    const response = await source.app.inject({ method: 'GET', url: `/feeds/${programId}.xml` });
    expect(response.statusCode).toBe(200);
    const xml = response.body;
    const check = checkFeed(xml);
    // Fixture programs have no CMS category here, so no itunes:category; some have no artwork.
    expect(check.errors.filter((e) => !/itunes:category|itunes:image href/.test(e))).toEqual([]);

    const draft = importDocument(Buffer.from(xml, 'utf8'));
    const reimported = await upsertDraft(target.db, draft, { context: { actor: 'test' }, publish: true });
    expect(reimported.failures).toEqual([]);

    const before = await comparableProgram(source.platform.db, programId);
    const after = await comparableProgram(target.db, reimported.program.id);
    expect(after.title).toBe(before.title);
    expect(after.description).toBe(before.description || before.title);
    expect(after.language).toBe(before.language);
    expect(after.artworkUrl).toBe(before.artworkUrl);
    expect(after.explicit).toBe(before.explicit);
    expect(after.tags).toEqual(before.tags);
    expect(after.people).toEqual(before.people);
    // Episodes without a file to play are not episodes to podcast apps: the feed leaves them out.
    const expected = before.episodes.filter((e) => feedable(e.media).some((m) => m.kind === 'audio' || m.kind === 'video'))
      .map((e) => ({ ...e, media: feedable(e.media) }));
    expect(after.episodes.length).toBe(expected.length);
    expect(after.episodes).toEqual(expected);
  });
});
