// ffprobe, read as JSON: what the file holds and how long it is. An episode's duration comes from here
// (the file), never from what an editor or a feed claimed.
import { locateTools, type Tools } from './binaries.js';
import { MediaError } from './errors.js';
import { lastLines, runTool } from './run-tool.js';

export interface AudioStreamInfo {
  index: number;
  codec: string;
  sampleRate: number;
  channels: number;
  channelLayout: string | undefined;
  bitRate: number | undefined;
}

export interface VideoStreamInfo {
  index: number;
  codec: string;
  profile: string | undefined;
  /** H.264/HEVC level as ffprobe reports it (31 for 3.1). */
  level: number | undefined;
  /** Stored size of the frames. */
  width: number;
  height: number;
  /** Size as shown: sample aspect ratio and rotation applied (what a ladder is planned from). */
  displayWidth: number;
  displayHeight: number;
  /** Degrees clockwise the player turns the picture (phone videos), 0 when none. */
  rotation: number;
  frameRate: number | undefined;
  /** Interlaced fields (broadcast sources): deinterlaced before scaling. */
  interlaced: boolean;
  pixelFormat: string | undefined;
  bitRate: number | undefined;
}

export interface StreamSummary {
  index: number;
  type: string;
  codec: string | undefined;
  /** Cover art inside an MP3/M4A: a picture, not a video. */
  attachedPicture: boolean;
}

export interface MediaInfo {
  kind: 'audio' | 'video';
  /** FFmpeg's demuxer names, e.g. "mov,mp4,m4a,3gp,3g2,mj2", "mp3". */
  container: string;
  durationSeconds: number;
  /** ffprobe guessed the duration from the bit rate (a VBR MP3 without a Xing/VBRI header): it can be off
   *  by a third. Steps then take the duration they decoded instead. */
  durationEstimated: boolean;
  bitRate: number | undefined;
  bytes: number | undefined;
  /** The stream a step uses: the default one, else the first. */
  audio: AudioStreamInfo | undefined;
  video: VideoStreamInfo | undefined;
  streams: StreamSummary[];
}

// Demuxers that read other files or URLs named inside the input (or are not files at all). Content-type
// detection refuses them already; this is the second lock on the same door.
const REFUSED_DEMUXERS = new Set(['hls', 'applehttp', 'concat', 'ffconcat', 'dash', 'tty', 'lavfi', 'sdp', 'rtp', 'rtsp', 'data', 'image2', 'image2pipe', 'imagepipe']);
const STILL_CODECS = new Set(['mjpeg', 'png', 'bmp', 'webp', 'tiff', 'gif', 'jpegls']);

interface RawStream {
  index: number;
  codec_type?: string;
  codec_name?: string;
  profile?: string;
  level?: number;
  width?: number;
  height?: number;
  sample_aspect_ratio?: string;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  pix_fmt?: string;
  field_order?: string;
  sample_rate?: string;
  channels?: number;
  channel_layout?: string;
  bit_rate?: string;
  duration?: string;
  disposition?: { default?: number; attached_pic?: number };
  tags?: Record<string, string>;
  side_data_list?: Array<{ rotation?: number | string }>;
}

interface RawProbe {
  streams?: RawStream[];
  format?: { format_name?: string; duration?: string; bit_rate?: string; size?: string };
}

function number(value: string | number | undefined): number | undefined {
  if (value === undefined || value === 'N/A') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

function ratio(value: string | undefined): number | undefined {
  const match = /^(\d+)[:/](\d+)$/.exec(value ?? '');
  if (!match) return undefined;
  const [num, den] = [Number(match[1]), Number(match[2])];
  return num > 0 && den > 0 ? num / den : undefined;
}

function pickDefault<T extends RawStream>(streams: T[]): T | undefined {
  return streams.find((s) => s.disposition?.default === 1) ?? streams[0];
}

function videoInfo(stream: RawStream): VideoStreamInfo {
  const width = stream.width ?? 0;
  const height = stream.height ?? 0;
  const sar = ratio(stream.sample_aspect_ratio) ?? 1;
  const sideRotation = stream.side_data_list?.map((d) => number(d.rotation)).find((r) => r !== undefined);
  const rotation = (((-(sideRotation ?? 0) || number(stream.tags?.rotate) || 0) % 360) + 360) % 360;
  let displayWidth = Math.round(width * sar);
  let displayHeight = height;
  if (rotation === 90 || rotation === 270) [displayWidth, displayHeight] = [displayHeight, displayWidth];
  return {
    index: stream.index,
    codec: stream.codec_name ?? 'unknown',
    profile: stream.profile,
    level: stream.level !== undefined && stream.level > 0 ? stream.level : undefined,
    width,
    height,
    displayWidth,
    displayHeight,
    rotation,
    frameRate: ratio(stream.avg_frame_rate) ?? ratio(stream.r_frame_rate),
    interlaced: ['tt', 'bb', 'tb', 'bt'].includes(stream.field_order ?? ''),
    pixelFormat: stream.pix_fmt,
    bitRate: number(stream.bit_rate),
  };
}

/** Turns ffprobe's JSON into MediaInfo; exported for tests of odd files. */
export function interpretProbe(raw: RawProbe, name = 'the file', log = ''): MediaInfo {
  const container = raw.format?.format_name ?? 'unknown';
  if (REFUSED_DEMUXERS.has(container.split(',')[0] ?? '')) {
    throw new MediaError('unsupported-type', `${name} is a ${container} file, not audio or video`);
  }
  const streams = raw.streams ?? [];
  const isPicture = (s: RawStream) => s.disposition?.attached_pic === 1 || STILL_CODECS.has(s.codec_name ?? '');
  const videos = streams.filter((s) => s.codec_type === 'video' && !isPicture(s) && (s.width ?? 0) > 0);
  const audios = streams.filter((s) => s.codec_type === 'audio' && (s.channels ?? 0) > 0);
  if (videos.length === 0 && audios.length === 0) {
    throw new MediaError('unreadable', `${name} holds no audio or video stream FFmpeg can decode`, { container });
  }
  const durations = [number(raw.format?.duration), ...streams.map((s) => number(s.duration))].filter((d): d is number => d !== undefined && d > 0);
  const durationSeconds = number(raw.format?.duration) ?? Math.max(0, ...durations);
  if (!(durationSeconds > 0)) throw new MediaError('unreadable', `${name} has no duration (is it a live stream or cut off?)`, { container });

  const audio = pickDefault(audios);
  const video = pickDefault(videos);
  return {
    kind: video ? 'video' : 'audio',
    container,
    durationSeconds,
    durationEstimated: /Estimating duration from bitrate/.test(log),
    bitRate: number(raw.format?.bit_rate),
    bytes: number(raw.format?.size),
    audio: audio && {
      index: audio.index,
      codec: audio.codec_name ?? 'unknown',
      sampleRate: number(audio.sample_rate) ?? 0,
      channels: audio.channels ?? 0,
      channelLayout: audio.channel_layout,
      bitRate: number(audio.bit_rate),
    },
    video: video && videoInfo(video),
    streams: streams.map((s) => ({ index: s.index, type: s.codec_type ?? 'unknown', codec: s.codec_name, attachedPicture: isPicture(s) && s.codec_type === 'video' })),
  };
}

export interface ProbeOptions {
  signal?: AbortSignal | undefined;
  timeoutMs?: number;
  tools?: Tools;
  /** The uploader's name for the file, for messages. */
  claimedName?: string;
}

export async function probe(path: string, options: ProbeOptions = {}): Promise<MediaInfo> {
  const { ffprobe } = options.tools ?? locateTools();
  const name = options.claimedName ? `"${options.claimedName}"` : 'the file';
  let stdout: string;
  let stderr: string;
  try {
    // `file:` so a name with a colon is never taken for a protocol; the whitelist keeps ffprobe from
    // opening anything but local files even if a demuxer asks to.
    // -v warning: the one warning we need is "Estimating duration from bitrate".
    ({ stdout, stderr } = await runTool(ffprobe, ['-v', 'warning', '-protocol_whitelist', 'file', '-print_format', 'json', '-show_format', '-show_streams', `file:${path}`], {
      label: 'probe',
      timeoutMs: options.timeoutMs ?? 60_000,
      signal: options.signal,
    }));
  } catch (error) {
    if (error instanceof MediaError && error.code === 'transcode-failed') {
      const reason = lastLines(String(error.detail.stderr ?? ''), 2).replace(/file:\S+:\s*/g, '') || 'unknown format';
      throw new MediaError('unreadable', `${name} cannot be read as audio or video: ${reason}`, error.detail, { cause: error });
    }
    throw error;
  }
  let raw: RawProbe;
  try {
    raw = JSON.parse(stdout) as RawProbe;
  } catch (error) {
    throw new MediaError('unreadable', `${name}: ffprobe gave no readable description`, {}, { cause: error });
  }
  return interpretProbe(raw, name, stderr);
}
