// Every way a media step can fail ends in a MediaError: a stable code a worker can branch on (retry a
// timeout, park a bad file for an editor) and a sentence an editor can read. Nothing else escapes a step.

export type MediaErrorCode =
  /** The file has no bytes. */
  | 'empty-file'
  /** The bytes are not a kind of media we accept (a PDF named .mp3, a playlist, an archive ...). */
  | 'unsupported-type'
  /** The bytes claim a media format but cannot be read (truncated, corrupt, no usable stream). */
  | 'unreadable'
  /** Over a configured limit (duration, size, pixels). */
  | 'too-large'
  /** The step ran longer than its time budget and was killed. */
  | 'timeout'
  /** The caller aborted the step (AbortSignal). */
  | 'cancelled'
  /** FFmpeg failed while transcoding a file it could probe. */
  | 'transcode-failed'
  /** FFmpeg/ffprobe cannot be found or started. */
  | 'tool-missing';

export class MediaError extends Error {
  override name = 'MediaError';
  constructor(
    readonly code: MediaErrorCode,
    message: string,
    /** Extra facts for logs (exit code, last lines of FFmpeg's output ...). */
    readonly detail: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isMediaError(error: unknown, code?: MediaErrorCode): error is MediaError {
  return error instanceof MediaError && (code === undefined || error.code === code);
}
