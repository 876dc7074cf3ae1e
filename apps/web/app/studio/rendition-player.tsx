// The media section's preview player: plays what processing made of each ready audio or video upload
// of an episode — the HLS master (adaptive), each HLS variant on its own, the MP3 — before anything is
// public. /play refuses a draft's renditions to a plain media element (it cannot send the editor's
// token), so the links come from GET /api/cms/assets/{id}/playback: short-lived preview links
// (PREVIEW_TTL_SECONDS) that play without a token. HLS plays natively or through hls.js light, as on the
// site (player/hls-source.ts); the MP3 is the fallback when HLS fails.
import { useEffect, useId, useRef, useState } from 'react';
import { HLS_TYPE } from '../player/sources';
import { attachHls, type HlsHandle } from '../player/hls-source';
import { cms } from './cms';
import type { StudioMessages } from './messages';

interface Source {
  key: string;
  label: string;
  url: string;
  mimeType: string;
}

interface Playable {
  id: string;
  kind: 'audio' | 'video';
  fileName: string;
  sources: Source[];
}

const PLAYABLE_ROLES = ['hls-master', 'hls-playlist', 'mp3'];

/** `refresh` changes when the episode's media may have changed (a new upload became ready). */
export function RenditionPlayer({ episodeId, refresh, t }: { episodeId: string; refresh: string; t: StudioMessages }) {
  const [assets, setAssets] = useState<Playable[]>();
  const [failure, setFailure] = useState(false);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const { data } = await cms().GET('/api/cms/assets', { params: { query: { ownerType: 'episode', ownerId: episodeId } } });
      if (!data) throw new Error('assets');
      const ready = data.items.filter((a) => a.status === 'ready' && (a.kind === 'audio' || a.kind === 'video') && a.renditions.some((r) => PLAYABLE_ROLES.includes(r.role)));
      const playable: Playable[] = [];
      for (const asset of ready) {
        const { data: links } = await cms().GET('/api/cms/assets/{id}/playback', { params: { path: { id: asset.id } } });
        if (!links) continue;
        // The adaptive master first, then its variants, then the MP3.
        const order = (role: string) => PLAYABLE_ROLES.indexOf(role);
        const sources = links.renditions
          .filter((r) => PLAYABLE_ROLES.includes(r.role))
          .sort((a, b) => order(a.role) - order(b.role) || a.name.localeCompare(b.name))
          .map((r) => ({
            key: `${r.role}:${r.name}`,
            label: r.role === 'hls-master' ? t.rendition_hls : r.role === 'mp3' ? t.rendition_mp3 : `HLS ${r.name}`,
            url: r.url,
            mimeType: r.mimeType,
          }));
        playable.push({ id: asset.id, kind: asset.kind as 'audio' | 'video', fileName: asset.original.fileName, sources });
      }
      if (!cancelled) setAssets(playable);
    })().catch(() => !cancelled && setFailure(true));
    return () => {
      cancelled = true;
    };
  }, [episodeId, refresh, t]);

  return (
    <section className="rendition-players" aria-labelledby="renditions-title">
      <h2 id="renditions-title">{t.renditionPlayer}</h2>
      {failure ? <p role="alert" className="field-error">{t.errorGeneric}</p>
        : !assets ? <p role="status">{t.loading}</p>
        : assets.length === 0 ? <p className="muted">{t.noRenditions}</p>
        : assets.map((asset) => <AssetPlayer key={asset.id} asset={asset} t={t} />)}
    </section>
  );
}

function AssetPlayer({ asset, t }: { asset: Playable; t: StudioMessages }) {
  const selectId = useId();
  const [choice, setChoice] = useState(asset.sources[0]?.key ?? '');
  const element = useRef<HTMLMediaElement | null>(null);
  const source = asset.sources.find((s) => s.key === choice);
  const mp3 = asset.sources.find((s) => s.key.startsWith('mp3:'));

  useEffect(() => {
    const media = element.current;
    if (!media || !source) return;
    let hls: HlsHandle | null = null;
    let gone = false;
    const fallback = () => {
      hls?.destroy();
      hls = null;
      if (mp3 && media.src !== mp3.url) media.src = mp3.url;
    };
    if (source.mimeType === HLS_TYPE) {
      void attachHls(media, source.url, { onFatal: fallback }).then((attached) => {
        if (attached === 'unsupported') fallback();
        else if (gone) attached?.destroy();
        else hls = attached;
      });
    } else media.src = source.url;
    media.onerror = fallback;
    return () => {
      gone = true;
      hls?.destroy();
      media.onerror = null;
    };
  }, [source, mp3]);

  const Media = asset.kind === 'video' ? 'video' : 'audio';
  return (
    <figure className="rendition-player">
      {/* The file name keeps its own direction inside the page's (an Arabic name in the English studio). */}
      <figcaption><bdi>{asset.fileName}</bdi></figcaption>
      <div className="field">
        <label htmlFor={selectId}>{t.rendition}</label>
        <select id={selectId} value={choice} onChange={(e) => setChoice(e.target.value)}>
          {asset.sources.map((s) => <option key={s.key} value={s.key}>{s.label}</option>)}
        </select>
      </div>
      <Media ref={(el: HTMLMediaElement | null) => { element.current = el; }} controls preload="metadata" aria-label={`${asset.fileName} · ${source?.label ?? ''}`} data-rendition={choice} />
    </figure>
  );
}
