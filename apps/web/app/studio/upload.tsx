// Media of an episode (audio, video, an image) or a program (its artwork). Drop or choose a file: it is
// uploaded with byte progress (XMLHttpRequest: fetch reports no upload progress), either in one streamed
// request or, from the size the server advertises (/api/cms/assets/upload-settings, MEDIA_PRESIGNED_UPLOAD_BYTES),
// as a presigned PUT straight to storage followed by "complete". Each asset's processing is then
// followed live on its server-sent events (queued → processing % → ready, or failed with the reason);
// EventSource cannot send the bearer token, so the stream is read with fetch. An upload can be
// cancelled while its bytes travel, processing while it waits or runs, and a settled asset processed
// again. A processed image is shown with the warnings directories would give (not square, too small …).
import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import type { paths } from '../api/schema';
import { currentUser } from './auth';
import { cms } from './cms';
import type { StudioMessages } from './messages';
import type { Locale } from '../i18n/messages';
import { formatNumber } from '../i18n/format';

type Asset = paths['/api/cms/assets/{id}']['get']['responses'][200]['content']['application/json'];
type Notice = Asset['notices'][number];
type Owner = { type: 'episode' | 'program'; id: string };

interface AssetEvent {
  status: Asset['status'];
  percent?: number | null;
  error?: string | { message?: string } | null;
}

const SETTLED: readonly string[] = ['ready', 'failed', 'cancelled'];
/** How many of the owner's assets the section lists (newest first). */
const SHOWN = 5;

const kindOf = (file: File, owner: Owner) =>
  owner.type === 'program' || file.type.startsWith('image/') ? 'image' : file.type.startsWith('video/') ? 'video' : 'audio';

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

async function token(): Promise<string> {
  const user = await currentUser();
  if (!user) throw new Error('signed out');
  return user.access_token;
}

interface XhrResult {
  status: number;
  body: { id?: string; detail?: string; assetId?: string };
}

/** Sends `body` with XMLHttpRequest, reporting the fraction sent; `signal` aborts it. */
function send(method: string, url: string, headers: Record<string, string>, body: Blob | FormData, onProgress: (fraction: number) => void, signal: AbortSignal): Promise<XhrResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    // A fraction of the request body: a multipart body is a little larger than the file it carries.
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    xhr.onload = () => {
      let parsed = {};
      try {
        parsed = JSON.parse(xhr.responseText);
      } catch {
        // not JSON (the /media PUT answers an empty 200): the status says enough
      }
      resolve({ status: xhr.status, body: parsed });
    };
    xhr.onerror = () => reject(new Error('network error'));
    xhr.onabort = () => reject(new DOMException('upload cancelled', 'AbortError'));
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

/** Reads the asset's event stream until it ends, calling `onEvent` for each status event. */
async function follow(assetId: string, onEvent: (event: AssetEvent) => void, signal: AbortSignal): Promise<void> {
  const response = await fetch(`/api/cms/assets/${encodeURIComponent(assetId)}/events`, { headers: { authorization: `Bearer ${await token()}` }, signal });
  if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
      if (data) onEvent(JSON.parse(data) as AssetEvent);
    }
  }
}

const byteFormats = new Map<string, Intl.NumberFormat>();
/** 820 kB, 2.4 MB, 1.2 GB in the locale's digits and unit names. */
function formatBytes(locale: Locale, bytes: number): string {
  const [unit, size] = bytes >= 1e9 ? ['gigabyte', bytes / 1e9] as const : bytes >= 1e6 ? ['megabyte', bytes / 1e6] as const : ['kilobyte', Math.max(bytes / 1e3, bytes ? 0.1 : 0)] as const;
  let format = byteFormats.get(`${locale}:${unit}`);
  if (!format) byteFormats.set(`${locale}:${unit}`, (format = new Intl.NumberFormat(locale === 'ar' ? 'ar-EG-u-nu-arab' : 'en-GB', { style: 'unit', unit, maximumFractionDigits: 1 })));
  return format.format(size);
}

const percentText = (locale: Locale, value: number) => `${formatNumber(locale, Math.floor(value))}${locale === 'ar' ? '٪' : '%'}`;

interface Upload {
  fileName: string;
  total: number;
  sent: number;
  direct: boolean;
  state: 'sending' | 'done' | 'cancelled' | 'failed';
  abort: AbortController;
}

export function MediaUpload({ episodeId, programId, disabled, t, locale, onReady }: {
  episodeId?: string;
  programId?: string;
  disabled: boolean;
  t: StudioMessages;
  locale: Locale;
  onReady: () => void;
}) {
  const owner: Owner = programId ? { type: 'program', id: programId } : { type: 'episode', id: episodeId ?? '' };
  const inputId = useId();
  const [assets, setAssets] = useState<Asset[]>([]);
  const [upload, setUpload] = useState<Upload>();
  const [failure, setFailure] = useState<string>();
  const [over, setOver] = useState(false);
  const uploadRef = useRef<Upload>(undefined);

  useEffect(() => {
    let live = true;
    void cms().GET('/api/cms/assets', { params: { query: { ownerType: owner.type, ownerId: owner.id } } }).then(({ data }) => {
      if (live && data) setAssets(data.items.slice(0, SHOWN));
    });
    return () => {
      live = false;
      uploadRef.current?.abort.abort();
    };
  }, [owner.type, owner.id]);

  const put = (asset: Asset) => setAssets((list) => [asset, ...list.filter((a) => a.id !== asset.id)].slice(0, SHOWN));
  const replace = (asset: Asset) => setAssets((list) => list.map((a) => (a.id === asset.id ? asset : a)));
  const track = (next: Upload) => {
    uploadRef.current = next;
    setUpload(next);
  };
  const progress = (fraction: number) => uploadRef.current && track({ ...uploadRef.current, sent: Math.min(1, fraction) * uploadRef.current.total });
  const fail = (message: string) => {
    setFailure(message);
    if (uploadRef.current?.state === 'sending') track({ ...uploadRef.current, state: 'failed' });
  };

  async function start(file: File) {
    setFailure(undefined);
    const settings = await cms().GET('/api/cms/assets/upload-settings');
    if (!settings.data) return fail(settings.error?.detail ?? t.errorGeneric);
    const direct = file.size >= settings.data.presignedFromBytes;
    const abort = new AbortController();
    track({ fileName: file.name, total: file.size, sent: 0, direct, state: 'sending', abort });
    const kind = kindOf(file, owner);
    let pendingId: string | undefined;
    try {
      let asset: Asset | undefined;
      if (direct) {
        // 1. the server creates the asset (pending-upload) and signs a URL: S3, or its own /media route
        const presigned = await cms().POST('/api/cms/assets/uploads', {
          body: { ownerType: owner.type, ownerId: owner.id, kind, fileName: file.name, byteSize: file.size },
        });
        if (!presigned.data) return fail(presigned.error?.detail ?? t.errorGeneric);
        pendingId = presigned.data.asset.id;
        const { url, headers } = presigned.data.upload;
        // 2. the bytes go straight there, exactly the headers the URL was signed with
        const sent = await send('PUT', url, headers as Record<string, string>, file, progress, abort.signal);
        if (sent.status < 200 || sent.status >= 300) return fail(sent.body.detail ?? `${t.errorGeneric} (${sent.status})`);
        // 3. the server checks what arrived (size, type from the first bytes) and queues processing
        const completed = await cms().POST('/api/cms/assets/{id}/complete', { params: { path: { id: pendingId } } });
        pendingId = undefined;
        if (!completed.data) {
          fail(completed.error?.detail ?? t.errorGeneric);
          // A refused file leaves a failed asset with the reason: show it in the list.
          const refused = await cms().GET('/api/cms/assets/{id}', { params: { path: { id: presigned.data.asset.id } } });
          if (refused.data) put(refused.data);
          return;
        }
        asset = completed.data;
      } else {
        const form = new FormData();
        form.append('file', file, file.name);
        const query = `ownerType=${owner.type}&ownerId=${encodeURIComponent(owner.id)}&kind=${kind}`;
        const sent = await send('POST', `/api/cms/assets?${query}`, { authorization: `Bearer ${await token()}` }, form, progress, abort.signal);
        if (sent.status !== 201 || !sent.body.id) return fail(sent.body.detail ?? `${t.errorGeneric} (${sent.status})`);
        asset = sent.body as Asset;
      }
      track({ ...uploadRef.current!, sent: file.size, state: 'done' });
      put(asset);
    } catch (error) {
      if (!isAbort(error)) return fail(error instanceof Error ? error.message : String(error));
      track({ ...uploadRef.current!, state: 'cancelled' });
      // The asset waiting for these bytes is cancelled too (the server sweeps anything that still arrives).
      if (pendingId) await cms().POST('/api/cms/assets/{id}/cancel', { params: { path: { id: pendingId } } });
    }
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled && upload?.state !== 'sending') void start(file);
  };

  const busy = disabled || upload?.state === 'sending';
  return (
    <section className="media" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>{owner.type === 'program' ? t.artwork : t.media}</h2>
      <div className={`drop-zone${over ? ' over' : ''}`} onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={onDrop}>
        <label htmlFor={inputId}>{owner.type === 'program' ? t.chooseImage : t.chooseFile}</label>
        <input
          id={inputId} type="file" accept={owner.type === 'program' ? 'image/*' : 'audio/*,video/*,image/*'} disabled={busy} aria-describedby={`${inputId}-hint`}
          onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void start(f); }}
        />
        <p className="field-hint" id={`${inputId}-hint`}>{t.dropHint}</p>
      </div>
      {upload ? (
        <div className="upload-run">
          <div className="field">
            <label htmlFor={`${inputId}-progress`}>{t.uploadProgress}</label>
            <progress id={`${inputId}-progress`} max={100} value={upload.total ? Math.floor((upload.sent / upload.total) * 100) : 0} aria-describedby={`${inputId}-bytes`}>
              {percentText(locale, upload.total ? (upload.sent / upload.total) * 100 : 0)}
            </progress>
            <p className="field-hint" id={`${inputId}-bytes`}>
              <bdi dir="auto">{upload.fileName}</bdi>: {t.uploadBytes(formatBytes(locale, upload.sent), formatBytes(locale, upload.total))}
              {' · '}{upload.direct ? t.uploadDirect : t.uploadStreamed}
            </p>
          </div>
          {upload.state === 'sending' ? (
            <button type="button" className="button secondary" onClick={() => upload.abort.abort()}>{t.cancelUpload}</button>
          ) : upload.state === 'failed' ? null : (
            <p role="status" className={upload.state === 'cancelled' ? 'asset-status asset-cancelled' : 'asset-status'}>{upload.state === 'cancelled' ? t.uploadCancelled : t.uploadDone}</p>
          )}
        </div>
      ) : null}
      {failure ? <p role="alert" className="field-error">{failure}</p> : null}
      {assets.length ? (
        <>
          <h3>{t.uploadedFiles}</h3>
          <ul className="asset-list">
            {assets.map((asset) => (
              <AssetItem key={asset.id} asset={asset} t={t} locale={locale} disabled={disabled} onChange={replace} onReady={onReady} onFailure={setFailure} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** One asset: its status followed live while it is being processed, its actions, its image and warnings. */
function AssetItem({ asset, t, locale, disabled, onChange, onReady, onFailure }: {
  asset: Asset;
  t: StudioMessages;
  locale: Locale;
  disabled: boolean;
  onChange: (asset: Asset) => void;
  onReady: () => void;
  onFailure: (message: string) => void;
}) {
  const id = useId();
  const [live, setLive] = useState<AssetEvent>({ status: asset.status, percent: asset.percent, error: asset.error });
  const settled = SETTLED.includes(asset.status);
  const busy = useRef(false);

  // While the asset is not settled, follow its event stream; when it ends, read the whole asset again
  // (renditions, warnings). A reprocess makes the asset unsettled again, which starts a new stream.
  useEffect(() => {
    setLive({ status: asset.status, percent: asset.percent, error: asset.error });
    if (settled || asset.status === 'pending-upload') return;
    const abort = new AbortController();
    let last: AssetEvent | undefined;
    follow(asset.id, (event) => setLive((last = event)), abort.signal)
      .then(async () => {
        const { data } = await cms().GET('/api/cms/assets/{id}', { params: { path: { id: asset.id } } });
        if (data) onChange(data);
        if (last?.status === 'ready') onReady();
      })
      .catch((error: unknown) => {
        if (!isAbort(error)) onFailure(error instanceof Error ? error.message : String(error));
      });
    return () => abort.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new stream only when the asset's own status changes
  }, [asset.id, asset.status]);

  async function act(action: 'cancel' | 'reprocess') {
    if (busy.current) return;
    busy.current = true;
    try {
      const params = { path: { id: asset.id } };
      const { data, error } = action === 'cancel'
        ? await cms().POST('/api/cms/assets/{id}/cancel', { params })
        : await cms().POST('/api/cms/assets/{id}/reprocess', { params });
      if (data) onChange(data);
      else onFailure(error?.detail ?? t.errorGeneric);
    } finally {
      busy.current = false;
    }
  }

  const status = live.status;
  const word = (t as unknown as Record<string, string>)[`asset_${status}`] ?? status;
  const errorText = typeof live.error === 'string' ? live.error : live.error?.message ?? '';
  const processing = status === 'processing' && typeof live.percent === 'number';
  const statusText = processing ? `${word} ${percentText(locale, live.percent!)}` : status === 'failed' ? `${word}: ${errorText}` : word;
  const image = asset.kind === 'image' && asset.renditions.length ? previewRendition(asset) : undefined;
  const canCancel = ['uploaded', 'queued', 'processing'].includes(status);
  // Settled as last read (with its renditions), with a checked original: not an upload cancelled midway (no
  // type yet) nor one refused at complete (the server's application/octet-stream: its bytes are deleted).
  const canReprocess = settled && asset.original.contentType !== null && asset.original.contentType !== 'application/octet-stream';

  return (
    <li className="asset">
      <div className="asset-head">
        <span id={`${id}-name`} className="asset-name"><bdi dir="auto">{asset.original.fileName || asset.id}</bdi></span>
        <span className="muted">{(t as unknown as Record<string, string>)[`assetKind_${asset.kind}`]} · {formatBytes(locale, asset.original.byteSize)}</span>
      </div>
      <p role="status" className={`asset-status asset-${status}`}>{statusText}</p>
      {processing ? (
        <div className="field">
          <label htmlFor={`${id}-progress`}>{t.processingProgress}</label>
          <progress id={`${id}-progress`} max={100} value={live.percent!}>{percentText(locale, live.percent!)}</progress>
        </div>
      ) : null}
      {image || asset.notices.length ? (
        <div className="asset-body">
          {image ? <Preview url={image} alt={t.imagePreview(asset.original.fileName)} /> : null}
          {asset.notices.length ? (
            <div className="asset-warnings" role="group" aria-labelledby={`${id}-warnings`}>
              <h4 id={`${id}-warnings`}>{t.warnings}</h4>
              <ul>{asset.notices.map((notice, i) => <li key={i}><NoticeText notice={notice} t={t} locale={locale} /></li>)}</ul>
            </div>
          ) : null}
        </div>
      ) : null}
      <div className="actions">
        {canCancel ? <button type="button" className="button secondary" disabled={disabled} onClick={() => void act('cancel')}>{t.cancelProcessing}</button> : null}
        {canReprocess ? <button type="button" className="button secondary" disabled={disabled} onClick={() => void act('reprocess')}>{t.reprocess}</button> : null}
      </div>
    </li>
  );
}

/** A WebP of about 300 px (enough beside the warnings), else the feed JPEG. */
function previewRendition(asset: Asset): string | undefined {
  const sizes = asset.renditions.filter((r) => r.role === 'artwork').sort((a, b) => Number(a.name) - Number(b.name));
  return (sizes.find((r) => Number(r.name) >= 300) ?? sizes.at(-1) ?? asset.renditions.find((r) => r.role === 'artwork-feed'))?.url;
}

/**
 * The image through its playback link. A draft's links answer only with the editor's token (they follow
 * publication), which an <img> cannot send: the bytes are fetched and shown from a blob URL.
 */
function Preview({ url, alt }: { url: string; alt: string }) {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let objectUrl: string | undefined;
    const abort = new AbortController();
    void (async () => {
      const response = await fetch(url, { headers: { authorization: `Bearer ${await token()}` }, signal: abort.signal });
      if (!response.ok) return;
      objectUrl = URL.createObjectURL(await response.blob());
      setSrc(objectUrl);
    })().catch(() => {});
    return () => {
      abort.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [url]);
  return <figure className="asset-preview">{src ? <img src={src} alt={alt} width={150} height={150} /> : <span className="asset-preview-empty" />}</figure>;
}

/** A warning in the editor's language when the server gave its code, else the server's English sentence. */
function NoticeText({ notice, t, locale }: { notice: Notice; t: StudioMessages; locale: Locale }) {
  const n = (name: string) => formatNumber(locale, notice.params[name] ?? 0);
  switch (notice.code) {
    case 'not-square':
      return <>{t.warnNotSquare(n('width'), n('height'), n('side'))}</>;
    case 'too-small':
      return <>{t.warnTooSmall(n('size'))}</>;
    case 'too-large':
      return <>{t.warnTooLarge(n('size'))}</>;
    case 'cmyk':
      return <>{t.warnCmyk}</>;
    case 'transparency':
      return <>{t.warnTransparency}</>;
    case 'silent':
      return <>{t.warnSilent}</>;
    case 'estimated-duration':
      return <>{t.warnEstimatedDuration(n('seconds'))}</>;
    case 'no-audio':
      return <>{t.warnNoAudio}</>;
    default:
      return <span lang="en" dir="ltr">{notice.message}</span>;
  }
}
