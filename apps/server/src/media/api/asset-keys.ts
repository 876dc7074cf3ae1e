// Where an asset's files live in storage. Every key comes from platform/storage/keys.ts builders, from
// the asset's UUID, a job's UUID, a rendition folder from the fixed set, and a file name the media
// pipeline chose — never from anything an uploader sent (their file name is metadata only).
//
//   assets/<asset>/original/source                    the upload, as received
//   assets/<asset>/<rendition>/<job>/<file>           what job <job> produced, e.g.
//   assets/<asset>/audio-hls/<job>/master.m3u8, …/audio-hls/<job>/aac-64k/seg_00000.ts,
//   assets/<asset>/audio-mp3/<job>/audio.mp3, …/image/<job>/artwork-1400.webp
//   assets/<asset>/manifest/<job>/result.json         the job's outcome (manifest or error), for runners
//                                                     that run elsewhere (a Kubernetes Job)
//
// Each job writes under its own folders, so an attempt that dies halfway can never leave a file that
// another attempt's playlist points at; switching an asset to a new job's renditions is one database
// transaction, and the losing job's folders are deleted afterwards.
import { assetFolder, assetKey, type Rendition } from '../../platform/storage/keys.js';
import type { MediaManifest, OutputFile } from '../steps/manifest.js';

const ORIGINAL_FILE = 'source';

export function originalKey(assetId: string): string {
  return assetKey(assetId, 'original', ORIGINAL_FILE);
}

export function resultKey(assetId: string, jobId: string): string {
  return assetKey(assetId, 'manifest', `${jobId}/result.json`);
}

/** Every folder a job may write to (for cleaning up after it). */
const JOB_RENDITIONS: readonly Rendition[] = ['audio-hls', 'audio-mp3', 'waveform', 'video-hls', 'poster', 'image', 'manifest'];

export function jobFolders(assetId: string, jobId: string): string[] {
  return JOB_RENDITIONS.map((rendition) => assetFolder(assetId, rendition, jobId));
}

/** Renditions listeners may fetch through playback links (never the original, never job results). */
export const PUBLIC_RENDITIONS: readonly Rendition[] = ['audio-hls', 'audio-mp3', 'waveform', 'video-hls', 'poster', 'image'];

/** The rendition folder and file (inside the job's folder) of one output of a step. */
function outputLocation(step: MediaManifest['step'], output: Pick<OutputFile, 'path' | 'role'>): { rendition: Rendition; file: string } {
  const { path, role } = output;
  switch (role) {
    case 'hls-master':
    case 'hls-playlist':
    case 'hls-segment':
      // hls/master.m3u8, hls/<rendition>/index.m3u8: the folder keeps the playlists' relative URIs valid.
      if (!path.startsWith('hls/')) break;
      return { rendition: step === 'video' ? 'video-hls' : 'audio-hls', file: path.slice('hls/'.length) };
    case 'mp3':
      return { rendition: 'audio-mp3', file: path };
    case 'waveform':
      return { rendition: 'waveform', file: path };
    case 'poster':
      return { rendition: 'poster', file: path };
    case 'artwork':
    case 'artwork-feed':
      return { rendition: 'image', file: path };
  }
  throw new Error(`media step ${step} produced an output the asset layout has no place for: ${role} ${path}`);
}

export function outputKey(assetId: string, jobId: string, step: MediaManifest['step'], output: Pick<OutputFile, 'path' | 'role'>): string {
  const { rendition, file } = outputLocation(step, output);
  return assetKey(assetId, rendition, `${jobId}/${file}`);
}
