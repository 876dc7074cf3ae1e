// What a processing warning is about, for screens that show it in the editor's language. The steps
// (artwork.ts, audio.ts, video.ts) write warnings as English sentences, stored as text in the asset
// (media_assets.warnings) and the manifest. Rather than change that storage, the asset API reads each
// sentence back into a code and its numbers here, beside a test that runs the real steps
// (test/media/warnings.test.ts): a sentence that no longer matches shows up there, not in a studio.
import { Type, type Static } from 'typebox';
import { StringEnum } from '../../platform/http/schemas.js';

const WARNING_CODES = ['not-square', 'too-small', 'too-large', 'cmyk', 'transparency', 'silent', 'estimated-duration', 'no-audio', 'other'] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export const NoticeSchema = Type.Object({
  code: StringEnum(WARNING_CODES, { description: 'What the warning is about (other: a sentence this version does not classify)' }),
  message: Type.String({ description: 'The warning as the step wrote it (English)' }),
  params: Type.Record(Type.String(), Type.Number(), { description: 'Its numbers: width, height, side (not-square); size (too-small, too-large); seconds (estimated-duration)' }),
});
export type Notice = Static<typeof NoticeSchema>;

const n = (text: string | undefined) => Number(text);

/** Patterns of the sentences the steps write, most specific first. */
const PATTERNS: { code: WarningCode; pattern: RegExp; params?: (m: RegExpExecArray) => Record<string, number> }[] = [
  { code: 'not-square', pattern: / is (\d+)×(\d+) px, not square\b.* centred (\d+)×\d+ square/, params: (m) => ({ width: n(m[1]), height: n(m[2]), side: n(m[3]) }) },
  { code: 'too-small', pattern: / is under (\d+)×\d+ px\b/, params: (m) => ({ size: n(m[1]) }) },
  { code: 'too-large', pattern: / is over (\d+)×\d+ px\b/, params: (m) => ({ size: n(m[1]) }) },
  { code: 'cmyk', pattern: / is CMYK\b/ },
  { code: 'transparency', pattern: / has transparency\b/ },
  { code: 'silent', pattern: / is silent \(|'s audio is silent \(/ },
  { code: 'estimated-duration', pattern: / its duration, ([\d.]+) s, was measured by decoding/, params: (m) => ({ seconds: n(m[1]) }) },
  { code: 'no-audio', pattern: / has no audio track$/ },
];

export function classifyWarning(message: string): Notice {
  for (const { code, pattern, params } of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return { code, message, params: params?.(match) ?? {} };
  }
  return { code: 'other', message, params: {} };
}
