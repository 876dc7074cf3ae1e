// Highlighting: which words of a title or description matched, as [start, end) ranges of UTF-16 code
// units (String.prototype.slice offsets). Ranges come from the analyzer's token offsets into the text as
// written, so a match on كتب covers the whole diacritised الكُتُبَ, and they never split a character.
// Ranges rather than marked-up text: the client renders them with its own escaping (textContent
// around <mark>), and the API never has to guess the markup a client wants.
import { analyze, type AnalyzedToken } from '../analysis/index.js';
import type { Phrase, ParsedQuery } from './parse.js';

export type Range = [number, number];

export interface Snippet {
  /** A window of the text around the best matches, whitespace collapsed, with … where it was cut. */
  text: string;
  /** Ranges into `text`. */
  highlights: Range[];
}

/** Descriptions are analysed up to here for snippets (a page of hits must stay cheap). */
const ANALYSED_CHARS = 10_000;
const SNIPPET_CHARS = 200;
/** Context kept before the first match of a window. */
const LEAD_CHARS = 40;

export interface Highlighter {
  ranges(text: string): Range[];
  snippet(text: string): Snippet;
}

/** `corrections`: terms of typo corrections (search/typos/) to highlight too, on hits they found. */
export function highlighter(query: ParsedQuery, options: { corrections?: Iterable<string> } = {}): Highlighter {
  const terms = new Set([...query.highlightTerms, ...(options.corrections ?? [])]);
  const stops = new Set(query.requiredStops);
  const ranges = (text: string, tokens = analyze(text, { mode: 'index' })) => {
    const found: Range[] = [];
    for (const t of tokens) {
      if (t.stop ? stops.has(t.term) : terms.has(t.term)) found.push([t.start, t.end]);
    }
    for (const p of query.phrases) found.push(...phraseRanges(tokens, p));
    return merge(found);
  };
  return {
    ranges: (text) => ranges(text),
    snippet(text) {
      const analysed = text.length > ANALYSED_CHARS ? text.slice(0, lastSpaceBefore(text, ANALYSED_CHARS)) : text;
      const tokens = analyze(analysed, { mode: 'index' });
      return cut(text, tokens, ranges(analysed, tokens));
    },
  };
}

function lastSpaceBefore(text: string, limit: number): number {
  const space = text.lastIndexOf(' ', limit);
  return space > limit / 2 ? space : limit;
}

function phraseRanges(tokens: readonly AnalyzedToken[], p: Phrase): Range[] {
  const first = p[0];
  if (!first) return [];
  const at = new Map<number, AnalyzedToken[]>();
  for (const t of tokens) {
    const list = at.get(t.position);
    if (list) list.push(t);
    else at.set(t.position, [t]);
  }
  const out: Range[] = [];
  for (const t of tokens) {
    if (t.exact !== first.exact) continue;
    let position = t.position;
    let end = t.end;
    let ok = true;
    for (const word of p.slice(1)) {
      position += word.gap;
      const next = at.get(position)?.find((x) => x.exact === word.exact);
      if (!next) {
        ok = false;
        break;
      }
      end = Math.max(end, next.end);
    }
    if (ok) out.push([t.start, end]);
  }
  return out;
}

function merge(ranges: Range[]): Range[] {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Range[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

function cut(text: string, tokens: readonly AnalyzedToken[], ranges: readonly Range[]): Snippet {
  let start = 0;
  let end = text.length;
  if (text.length > SNIPPET_CHARS) {
    let best = 0;
    let bestCount = 0;
    for (let i = 0; i < ranges.length; i++) {
      let count = 0;
      for (let j = i; j < ranges.length && ranges[j]![1] <= ranges[i]![0] + SNIPPET_CHARS - LEAD_CHARS; j++) count++;
      if (count > bestCount) {
        best = i;
        bestCount = count;
      }
    }
    const anchor = ranges[best]?.[0] ?? 0;
    // Start at a word: the first token that begins within LEAD_CHARS before the anchor.
    start = anchor;
    for (const t of tokens) {
      if (t.start >= anchor - LEAD_CHARS) {
        start = Math.min(t.start, anchor);
        break;
      }
    }
    if (anchor === 0) start = 0;
    // End at a word: the last token that ends inside the window.
    end = start;
    for (const t of tokens) {
      if (t.start < start) continue;
      if (t.end > start + SNIPPET_CHARS) break;
      end = Math.max(end, t.end);
    }
    if (end === start) end = Math.min(text.length, start + SNIPPET_CHARS);
  }
  return collapse(text, start, end, ranges);
}

/** White space as JavaScript's \s knows it, by code (a regular expression per character is slow here). */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029
    || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** text[start, end) with runs of whitespace as one space, … at cut ends, and the ranges mapped into it. */
function collapse(text: string, start: number, end: number, ranges: readonly Range[]): Snippet {
  const head = start > 0 ? '…' : '';
  const map = new Int32Array(end - start + 1);
  let out = head;
  let space = false;
  for (let i = start; i < end; i++) {
    map[i - start] = out.length;
    if (isSpace(text.charCodeAt(i))) {
      space = true;
      continue;
    }
    if (space && out.length > head.length) out += ' ';
    space = false;
    map[i - start] = out.length;
    out += text[i];
  }
  map[end - start] = out.length;
  const body = out;
  if (end < text.length) out += '…';
  const highlights: Range[] = [];
  for (const [s, e] of ranges) {
    if (e <= start || s >= end) continue;
    const from = map[Math.max(s, start) - start]!;
    const to = map[Math.min(e, end) - start]!;
    if (to > from) highlights.push([from, Math.min(to, body.length)]);
  }
  return { text: out, highlights };
}
