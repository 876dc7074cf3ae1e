// Media for an episode: drop (or choose) an audio, video or image file; it is uploaded with byte
// progress (XMLHttpRequest: fetch reports no upload progress), then its processing is followed live on
// the asset's server-sent events (queued → processing % → ready, or failed with the reason).
// EventSource cannot send the bearer token, so the stream is read with fetch.
import { useId, useRef, useState, type DragEvent } from 'react';
import { currentUser } from './auth';
import type { StudioMessages } from './messages';
import type { Locale } from '../i18n/messages';
import { formatNumber } from '../i18n/format';

interface AssetEvent {
  status: string;
  percent?: number | null;
  phase?: string | null;
  error?: string | { message?: string } | null;
}

const kindOf = (file: File) => (file.type.startsWith('video/') ? 'video' : file.type.startsWith('image/') ? 'image' : 'audio');

function upload(file: File, episodeId: string, token: string, onProgress: (fraction: number) => void): Promise<{ status: number; body: { id?: string; detail?: string } }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/cms/assets?ownerType=episode&ownerId=${encodeURIComponent(episodeId)}&kind=${kindOf(file)}`);
    xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    xhr.onload = () => {
      let body = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: the status says enough
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new Error('network error'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** Reads the asset's event stream until it ends, calling `onEvent` for each status event. */
async function follow(assetId: string, token: string, onEvent: (event: AssetEvent) => void, signal: AbortSignal): Promise<void> {
  const response = await fetch(`/api/cms/assets/${encodeURIComponent(assetId)}/events`, { headers: { authorization: `Bearer ${token}` }, signal });
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

export function MediaUpload({ episodeId, disabled, t, locale, onReady }: { episodeId: string; disabled: boolean; t: StudioMessages; locale: Locale; onReady: () => void }) {
  const inputId = useId();
  const [sent, setSent] = useState<number>();
  const [state, setState] = useState<AssetEvent>();
  const [failure, setFailure] = useState<string>();
  const [over, setOver] = useState(false);
  const abort = useRef<AbortController>(null);

  async function start(file: File) {
    setFailure(undefined);
    setState(undefined);
    setSent(0);
    const user = await currentUser();
    if (!user) return setFailure(t.signInFailed);
    try {
      const { status, body } = await upload(file, episodeId, user.access_token, setSent);
      if (status !== 201 || !body.id) return setFailure(body.detail ?? `${t.errorGeneric} (${status})`);
      abort.current?.abort();
      abort.current = new AbortController();
      let last: AssetEvent | undefined;
      await follow(body.id, user.access_token, (event) => setState((last = event)), abort.current.signal);
      if (last?.status === 'ready') onReady();
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'AbortError')) setFailure(error instanceof Error ? error.message : String(error));
    }
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) void start(file);
  };

  const errorText = (e: AssetEvent['error']) => (typeof e === 'string' ? e : e?.message ?? '');
  const statusText = (s: AssetEvent) => {
    const word = (t as unknown as Record<string, string>)[`asset_${s.status}`] ?? s.status;
    if (s.status === 'processing' && typeof s.percent === 'number') return `${word} ${formatNumber(locale, Math.round(s.percent))}${locale === 'ar' ? '٪' : '%'}`;
    if (s.status === 'failed') return `${word}: ${errorText(s.error)}`;
    return word;
  };

  return (
    <section className="media" aria-labelledby="media-title">
      <h2 id="media-title">{t.media}</h2>
      <div className={`drop-zone${over ? ' over' : ''}`} onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={onDrop}>
        <label htmlFor={inputId}>{t.chooseFile}</label>
        <input id={inputId} type="file" accept="audio/*,video/*,image/*" disabled={disabled} aria-describedby={`${inputId}-hint`} onChange={(e) => { const f = e.target.files?.[0]; if (f) void start(f); }} />
        <p className="field-hint" id={`${inputId}-hint`}>{t.dropHint}</p>
      </div>
      {sent !== undefined ? (
        <div className="field">
          <label htmlFor={`${inputId}-progress`}>{t.uploadProgress}</label>
          <progress id={`${inputId}-progress`} max={100} value={Math.round(sent * 100)}>{Math.round(sent * 100)}%</progress>
        </div>
      ) : null}
      {state ? <p role="status" className={`asset-status asset-${state.status}`}>{statusText(state)}</p> : null}
      {failure ? <p role="alert" className="field-error">{failure}</p> : null}
    </section>
  );
}
