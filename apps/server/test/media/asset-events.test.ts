// The event sequence an asset's event stream sends, from the snapshots a poll happens to see, and the
// playback links' tokens and key mapping. No database, no FFmpeg.
import { describe, expect, it } from 'vitest';
import { AssetEventSequence, type AssetState } from '../../src/media/api/asset-watch.js';
import { PlaybackLinks } from '../../src/media/api/playback.js';

const A = '0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61';
const J1 = '11111111-1111-4111-8111-111111111111';
const J2 = '22222222-2222-4222-8222-222222222222';

const job = (id: string, status: NonNullable<AssetState['job']>['status'], percent = 0, attempt = 1) =>
  ({ id, attempt, status, started: status !== 'queued', percent, phase: status === 'running' ? 'encode' : '' });

function replay(states: AssetState[]) {
  const sequence = new AssetEventSequence(A);
  const events = states.flatMap((state) => sequence.next(state));
  return { events: events.map((e) => (e.status === 'processing' ? `processing ${e.percent}` : e.status)), done: sequence.done };
}

describe('asset event sequence', () => {
  it('reports every step in order, with rising percentages, and ends with the outcome', () => {
    expect(replay([
      { status: 'uploaded', error: null, job: null },
      { status: 'queued', error: null, job: job(J1, 'queued') },
      { status: 'processing', error: null, job: job(J1, 'running', 10) },
      { status: 'processing', error: null, job: job(J1, 'running', 10) },
      { status: 'processing', error: null, job: job(J1, 'running', 55.5) },
      { status: 'ready', error: null, job: job(J1, 'succeeded', 100) },
    ])).toEqual({ events: ['uploaded', 'queued', 'processing 10', 'processing 55.5', 'processing 100', 'ready'], done: true });
  });

  it('fills in states a poll missed: a job seen finished was queued and processed first', () => {
    expect(replay([
      { status: 'uploaded', error: null, job: null },
      { status: 'ready', error: null, job: job(J1, 'succeeded', 100) },
    ]).events).toEqual(['uploaded', 'queued', 'processing 100', 'ready']);
  });

  it('follows retries and reports the failure that ended them', () => {
    const error = { code: 'timeout', message: 'processing took longer than 1 s and was stopped' };
    const sequence = new AssetEventSequence(A);
    const events = [
      { status: 'processing', error: null, job: job(J1, 'running', 20) },
      { status: 'queued', error: null, job: job(J2, 'queued', 0, 2) },
      { status: 'failed', error, job: { ...job(J2, 'failed', 30, 2), started: true } },
    ].flatMap((state) => sequence.next(state as AssetState));
    expect(events.map((e) => [e.status, e.attempt])).toEqual([['queued', 1], ['processing', 1], ['queued', 2], ['processing', 2], ['failed', 2]]);
    expect(events.at(-1)!.error).toEqual(error);
  });

  it('answers a settled asset with its outcome only, and ignores an earlier request\'s job while a new one is awaited', () => {
    expect(replay([{ status: 'ready', error: null, job: job(J1, 'succeeded', 100) }])).toEqual({ events: ['ready'], done: true });
    expect(replay([
      { status: 'uploaded', error: null, job: job(J1, 'succeeded', 100) },
      { status: 'queued', error: null, job: job(J2, 'queued') },
    ]).events).toEqual(['uploaded', 'queued']);
  });
});

describe('playback links', () => {
  const links = new PlaybackLinks(Buffer.alloc(32, 7), 'https://media.example.org');

  it('link to public renditions with a token per rendition set, and map back to exactly their keys', () => {
    const url = links.urlForKey(`assets/${A}/audio-hls/${J1}/aac-64k/seg_00000.ts`);
    const token = links.token(A, J1);
    expect(url).toBe(`https://media.example.org/play/${A}/${J1}/${token}/audio-hls/aac-64k/seg_00000.ts`);
    expect(links.verify(A, J1, token)).toBe(true);
    expect(links.verify(A, J2, token)).toBe(false);
    expect(new PlaybackLinks(Buffer.alloc(32, 8), 'https://x').verify(A, J1, token)).toBe(false);
    expect(PlaybackLinks.keyFor(A, J1, 'audio-hls/aac-64k/seg_00000.ts')).toBe(`assets/${A}/audio-hls/${J1}/aac-64k/seg_00000.ts`);
  });

  it('never reach originals, job results, or anything outside the set', () => {
    expect(() => links.urlForKey(`assets/${A}/original/source`)).toThrow();
    expect(PlaybackLinks.keyFor(A, J1, 'original/source')).toBeUndefined();
    expect(PlaybackLinks.keyFor(A, J1, 'manifest/result.json')).toBeUndefined();
    expect(PlaybackLinks.keyFor(A, J1, 'audio-hls/../../x')).toBeUndefined();
    expect(PlaybackLinks.keyFor(A, J1, 'audio-hls/a/b/c/d')).toBeUndefined();
    expect(PlaybackLinks.keyFor(A, J1, 'audio-hls')).toBeUndefined();
  });
});
