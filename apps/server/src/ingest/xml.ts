// Reading feed XML safely and forgivingly, into a small element tree the sources walk.
//
// Parser: `sax` (isaacs/sax-js) in strict mode. Why this one:
// - It never expands entities declared in a DOCTYPE (its `unparsedEntities` option, which would, stays off)
//   and never fetches anything, so external entities (XXE) and entity bombs (billion laughs) stay inert text.
// - It reports every problem through a callback with line and column and lets parsing go on, so we decide
//   which problems real feeds may have (an undefined entity such as `&gtgt;` inside escaped HTML, a bare `&`
//   in "Q&A") and which are fatal (a mismatched tag, text outside the root). saxes, the faster strict
//   parser, was tried first: on a bare `&` it swallows everything up to the next `;`, tags included.
// - It is small, has no dependencies and is maintained (1.6.x, 2026); its speed is measured in bench/.
// Decoding bytes to text (BOM, the encoding in the XML prolog, the HTTP charset) is done here before the
// parser sees anything: UTF-8 by the platform, everything else (windows-1252, windows-1256, ISO-8859-6,
// UTF-16 ...) by iconv-lite, pure JavaScript, so it does not depend on how much ICU this Node was built with
// (Node 20's own TextDecoder also reads windows-1252 as plain ISO-8859-1, losing curly quotes).
import { TextDecoder } from 'node:util';
import iconv from 'iconv-lite';
import sax from 'sax';
import { IngestError } from './errors.js';

export interface XmlElement {
  /** Canonical qualified name: known namespaces get a fixed prefix whatever the document calls them. */
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Character data directly inside this element (CDATA included), untrimmed. */
  text: string;
}

export interface XmlDocument {
  root: XmlElement;
  /** The encoding the bytes were decoded with (a WHATWG encoding name). */
  encoding: string;
  /** Recovered problems, for the import report ("undefined entity at line 2761 ..."). */
  warnings: string[];
}

export interface XmlLimits {
  /** Largest document accepted, in bytes (or UTF-16 code units for a string). */
  maxBytes: number;
  /** Deepest element nesting accepted. Feeds nest about 6 levels; the limit stops pathological input. */
  maxDepth: number;
}

const DEFAULT_XML_LIMITS: XmlLimits = { maxBytes: 32 * 1024 * 1024, maxDepth: 64 };

/**
 * Namespace URIs we read, by the prefix the sources use. Matched without scheme, case or trailing slash,
 * because real feeds write `http://www.itunes.com/DTDs/Podcast-1.0.dtd` and `.../elements/1.1/` alike.
 */
const NAMESPACES: Record<string, string> = {
  'www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'podcastindex.org/namespace/1.0': 'podcast',
  'github.com/podcastindex-org/podcast-namespace/blob/main/docs/1.0.md': 'podcast',
  'purl.org/rss/1.0/modules/content': 'content',
  'www.w3.org/2005/atom': 'atom',
  'search.yahoo.com/mrss': 'media',
  'www.youtube.com/xml/schemas/2015': 'yt',
  'purl.org/dc/elements/1.1': 'dc',
  'www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'www.google.com/schemas/play-podcasts/1.0': 'googleplay',
  // RSS 1.0 elements are read exactly like RSS 2.0 ones, so they get no prefix.
  'purl.org/rss/1.0': '',
};

function namespaceKey(uri: string): string {
  return uri.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/+$/, '');
}

/** XML's five entities plus HTML's named ones (&nbsp; &eacute; ...), which feeds use without declaring. */
const ENTITIES: Record<string, string> = Object.assign(
  Object.create(null) as Record<string, string>,
  (sax as unknown as { ENTITIES: Record<string, string> }).ENTITIES,
  { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" },
);

/**
 * A bare `&` (in "Q & A", "AT&T", a URL's query string) is the commonest way feeds break XML. Outside CDATA
 * and comments, an `&` that does not start a reference is escaped before parsing, which is what every
 * feed reader does; sax alone would take "&T<" for an entity and swallow the `<` of the next tag.
 *
 * This is a hand-written single pass, not a regular expression: the expression it replaces
 * (`<!--[\s\S]*?-->|…`) searched to the end of the document for every `<!--` or `<![CDATA[` never closed,
 * which made a hostile 240 KB feed take seconds (issue 15). Here a section that is never closed ends the
 * scan, and every character is looked at a bounded number of times. `meter.scanned` counts those looks, so
 * tests can check the work is linear without timing it.
 */
export function escapeBareAmpersands(text: string, meter?: { scanned: number }): { text: string; count: number } {
  let parts: string[] | undefined;
  let copiedTo = 0;
  let count = 0;
  let scanned = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    scanned += 1;
    if (c === 0x3c /* < */) {
      const skipTo = skipSection(text, i);
      if (skipTo !== i) {
        // indexOf looked at the characters between here and the end of the section (or of the text).
        scanned += skipTo - i;
        i = skipTo;
        continue;
      }
    } else if (c === 0x26 /* & */) {
      const end = referenceEnd(text, i + 1);
      scanned += end - i;
      if (text.charCodeAt(end) !== 0x3b /* ; */ || end === i + 1) {
        // Most feeds have no bare `&`, so the copy is only built when the first one is found.
        parts ??= [];
        parts.push(text.slice(copiedTo, i), '&amp;');
        copiedTo = i + 1;
        count += 1;
      }
      i = end;
      continue;
    }
    i += 1;
  }
  if (meter) meter.scanned += scanned;
  if (!parts) return { text, count: 0 };
  parts.push(text.slice(copiedTo));
  return { text: parts.join(''), count };
}

/** Where a comment or CDATA section starting at `at` ends (past its terminator; the text's end when unclosed), or `at` when none starts there. */
function skipSection(text: string, at: number): number {
  for (const [open, close] of SECTIONS) {
    if (!text.startsWith(open, at)) continue;
    const end = text.indexOf(close, at + open.length);
    return end < 0 ? text.length : end + close.length;
  }
  return at;
}

const SECTIONS: ReadonlyArray<readonly [string, string]> = [
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
];

/**
 * The index just past the name or number of a reference whose text starts at `from` (right after `&`), or
 * `from` when no name or number starts there. It is a reference only if `;` follows. Name characters as in
 * the expression this replaces: a letter, `_` or `:` first, then word characters, `.`, `:` or `-`; numbers
 * `#123` or `#x1F`.
 */
function referenceEnd(text: string, from: number): number {
  const n = text.length;
  let i = from;
  if (text.charCodeAt(i) === 0x23 /* # */) {
    const hex = text.charCodeAt(i + 1) === 0x78; /* x */
    let j = hex ? i + 2 : i + 1;
    const digitsFrom = j;
    while (j < n && (hex ? isHexDigit(text.charCodeAt(j)) : isDigit(text.charCodeAt(j)))) j += 1;
    return j === digitsFrom ? from : j;
  }
  const first = text.charCodeAt(i);
  if (!(isLetter(first) || first === 0x5f /* _ */ || first === 0x3a /* : */)) return from;
  i += 1;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!(isLetter(c) || isDigit(c) || c === 0x5f || c === 0x2e || c === 0x3a || c === 0x2d)) break;
    i += 1;
  }
  return i;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isHexDigit = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

/**
 * What follows the root element with its comments and processing instructions removed, in one pass (the
 * lazy expression this replaces was quadratic on many unclosed `<!--`, like the one above). An unclosed
 * section is kept, from its start to the end of the text.
 */
export function withoutCommentsAndInstructions(text: string, meter?: { scanned: number }): string {
  const parts: string[] = [];
  let i = 0;
  let scanned = 0;
  const n = text.length;
  while (i < n) {
    const lt = text.indexOf('<', i);
    const chunkEnd = lt < 0 ? n : lt;
    scanned += chunkEnd - i + 1;
    parts.push(text.slice(i, chunkEnd));
    if (lt < 0) break;
    const close = text.startsWith('<!--', lt) ? '-->' : text.startsWith('<?', lt) ? '?>' : undefined;
    if (close === undefined) {
      parts.push('<');
      i = lt + 1;
      continue;
    }
    const end = text.indexOf(close, lt + 2);
    scanned += (end < 0 ? n : end) - lt;
    if (end < 0) {
      // Unclosed: it stays, as content after the root that is not a comment (the caller warns about it).
      parts.push(text.slice(lt));
      break;
    }
    i = end + close.length;
  }
  if (meter) meter.scanned += scanned;
  return parts.join('');
}

/** sax problems a real feed may have and still be read: they concern one entity, not the structure. */
const RECOVERABLE = ['Invalid character entity', 'Invalid character in entity name'];

// ---------------------------------------------------------------------------------------------------
// Bytes to text

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const LATIN1_LABELS = new Set(['iso-8859-1', 'iso8859-1', 'iso_8859-1', 'latin1', 'l1', 'cp819', 'ibm819', 'iso-ir-100', 'csisolatin1', 'us-ascii', 'ascii', 'cp1252', 'x-cp1252']);

/** Finds the encoding: byte order mark, then the XML prolog, then the HTTP charset, then UTF-8. */
export function decodeXml(input: Uint8Array | string, options: { contentType?: string; maxBytes?: number } = {}): { text: string; encoding: string; warnings: string[] } {
  const maxBytes = options.maxBytes ?? DEFAULT_XML_LIMITS.maxBytes;
  if (input.length > maxBytes) {
    throw new IngestError('document-too-large', `the document is ${input.length} bytes, more than the limit of ${maxBytes}`);
  }
  if (typeof input === 'string') return { text: input.replace(/^\uFEFF/, ''), encoding: 'utf-16', warnings: [] };
  const warnings: string[] = [];
  const bytes = input;
  let label: string | undefined;
  let from = 'default';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) [label, from] = ['utf-8', 'byte order mark'];
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [label, from] = ['utf-16le', 'byte order mark'];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [label, from] = ['utf-16be', 'byte order mark'];
  else if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) [label, from] = ['utf-16le', 'first bytes'];
  else if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) [label, from] = ['utf-16be', 'first bytes'];
  else {
    // The prolog is ASCII in every encoding a feed can declare here, so read it as latin1.
    const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
    const declared = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1];
    const httpCharset = options.contentType ? /;\s*charset\s*=\s*"?([A-Za-z0-9._:-]+)/i.exec(options.contentType)?.[1] : undefined;
    // The prolog wins over HTTP: it was written by whoever wrote the bytes, while servers often send a
    // default charset (text/xml; charset=ISO-8859-1) that has nothing to do with the file.
    if (declared) [label, from] = [declared, 'XML prolog'];
    else if (httpCharset) [label, from] = [httpCharset, 'Content-Type header'];
  }
  if (label === undefined || /^utf-?8$/i.test(label)) {
    try {
      return { text: UTF8.decode(bytes), encoding: 'utf-8', warnings };
    } catch {
      // Feeds that say (or default to) UTF-8 but hold Latin-1 bytes are common; windows-1252 reads them right.
      warnings.push(`the document is not valid UTF-8 (${from}); decoded as windows-1252`);
      return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), 'windows-1252'), encoding: 'windows-1252', warnings };
    }
  }
  // As browsers do (WHATWG Encoding), Latin-1 labels mean windows-1252: feeds that say ISO-8859-1 use
  // its curly quotes and dashes (0x80-0x9F) all the time.
  const encoding = LATIN1_LABELS.has(label.toLowerCase()) ? 'windows-1252' : label.toLowerCase();
  if (!iconv.encodingExists(encoding)) {
    throw new IngestError('unsupported-encoding', `the encoding "${label}" (from the ${from}) is not one this server can decode`);
  }
  return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), encoding, { stripBOM: true }), encoding, warnings };
}

// ---------------------------------------------------------------------------------------------------
// Text to tree

interface Scope {
  /** Document prefix → canonical prefix ('' for none), for the prefixes declared in or above this element. */
  prefixes: Map<string, string>;
  /** Raw element name → canonical name, memoised per scope (names repeat thousands of times). */
  names: Map<string, string>;
}

function canonicalName(scope: Scope, raw: string): string {
  let name = scope.names.get(raw);
  if (name !== undefined) return name;
  const colon = raw.indexOf(':');
  const prefix = colon < 0 ? '' : raw.slice(0, colon);
  const local = colon < 0 ? raw : raw.slice(colon + 1);
  // An undeclared or unknown prefix is kept as written: feeds use `itunes:` without declaring it.
  const canonical = scope.prefixes.get(prefix) ?? prefix;
  name = canonical === '' ? local : `${canonical}:${local}`;
  scope.names.set(raw, name);
  return name;
}

/** Canonical prefix of a namespace URI, or null for one we do not read (memoised: feeds repeat them). */
const knownNamespaces = new Map<string, string | null>();
function canonicalPrefix(uri: string): string | null {
  let known = knownNamespaces.get(uri);
  if (known === undefined) {
    const key = namespaceKey(uri);
    // Own keys only: a namespace named `constructor` must not find Object.prototype's.
    known = Object.hasOwn(NAMESPACES, key) ? NAMESPACES[key]! : null;
    if (knownNamespaces.size < 1000) knownNamespaces.set(uri, known);
  }
  return known;
}

function scopeFor(parent: Scope, attrs: Record<string, string>): Scope {
  let prefixes: Map<string, string> | undefined;
  for (const key in attrs) {
    if (key !== 'xmlns' && !key.startsWith('xmlns:')) continue;
    const prefix = key === 'xmlns' ? '' : key.slice(6);
    const known = canonicalPrefix(attrs[key]!);
    // Some feeds repeat their declarations on every item; an unchanged binding needs no new scope.
    if ((prefixes ?? parent.prefixes).get(prefix) === (known ?? undefined)) continue;
    prefixes ??= new Map(parent.prefixes);
    if (known !== null) prefixes.set(prefix, known);
    else prefixes.delete(prefix);
  }
  return prefixes ? { prefixes, names: new Map() } : parent;
}

const HTML_ROOTS = new Set(['html', 'head', 'body']);

function snippet(text: string, at: number): string {
  const s = text.slice(at, at + 40).replace(/\s+/g, ' ').trim();
  return text.length > at + 40 ? `${s}…` : s;
}

/** Parses XML text into a tree. Throws IngestError naming the problem (and where) for broken documents. */
export function parseXml(input: string, limits: Partial<XmlLimits> = {}): { root: XmlElement; warnings: string[] } {
  const { maxDepth } = { ...DEFAULT_XML_LIMITS, ...limits };
  // Whitespace before `<?xml` is a well-known real-world mistake; a strict parser rejects it.
  const start = /^[\s\uFEFF]*/.exec(input)![0].length;
  const trimmed = start > 0 ? input.slice(start) : input;
  if (trimmed.length === 0) throw new IngestError('empty-document', 'the document is empty');
  if (trimmed[0] !== '<') throw new IngestError('not-xml', `not XML: the document starts with "${snippet(trimmed, 0)}"`, { line: 1, column: 1 });

  const warnings: string[] = [];
  const { text, count: ampersands } = escapeBareAmpersands(trimmed);
  // Columns after an escaped `&` on the same line shift by 4; lines stay exact.
  if (ampersands > 0) warnings.push(`${ampersands} bare "&" read as "&amp;"`);
  let recovered = 0;
  const parser = sax.parser(true, { position: true });
  parser.ENTITIES = ENTITIES;
  const stack: XmlElement[] = [];
  const scopes: Scope[] = [{ prefixes: new Map(), names: new Map() }];
  let root: XmlElement | undefined;
  let rootClosed = false;
  let htmlTitle: string | undefined;
  // Positions are reported in the caller's text, so count the lines of the whitespace we skipped.
  const lineOffset = (input.slice(0, start).match(/\n/g) ?? []).length;
  const where = () => ({ line: parser.line + 1 + lineOffset, column: parser.column });

  class Stop extends Error {}

  parser.onerror = (error) => {
    const message = error.message.split('\n')[0] ?? 'syntax error';
    const at = where();
    if (RECOVERABLE.includes(message)) {
      // The entity stays in the text as written (`&gtgt;`), which is what a reader of the feed would see.
      recovered += 1;
      if (recovered <= 20) warnings.push(`line ${at.line}, column ${at.column}: ${message.toLowerCase()} (kept as text)`);
      parser.error = null as unknown as Error;
      return;
    }
    if (root && HTML_ROOTS.has(root.name.toLowerCase())) throw htmlPage(htmlTitle);
    let detail = message.charAt(0).toLowerCase() + message.slice(1);
    if (message === 'Unclosed root tag') {
      detail = `the document ends inside <${stack.at(-1)?.name ?? root?.name ?? '?'}> (truncated?)`;
    } else if (message === 'Unexpected close tag' || message.startsWith('Unmatched closing tag')) {
      const open = stack.at(-1);
      detail = `closing tag </${(parser as unknown as { tagName: string }).tagName}> does not match the open element <${open?.name ?? '?'}>`;
    }
    throw new IngestError('not-well-formed', `not well-formed XML at line ${at.line}, column ${at.column}: ${detail}`, at);
  };
  parser.onopentag = (tag) => {
    if (rootClosed) return;
    const attrs = tag.attributes as Record<string, string>;
    const scope = scopeFor(scopes.at(-1)!, attrs);
    const element: XmlElement = { name: canonicalName(scope, tag.name), attrs, children: [], text: '' };
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
    scopes.push(scope);
    if (stack.length > maxDepth) {
      const at = where();
      throw new IngestError('too-deep', `elements nest deeper than ${maxDepth} levels at line ${at.line}`, at);
    }
  };
  parser.onclosetag = () => {
    const element = stack.pop();
    scopes.pop();
    if (element && htmlTitle === undefined && element.name.toLowerCase() === 'title' && root && HTML_ROOTS.has(root.name.toLowerCase())) {
      htmlTitle = element.text.trim();
    }
    if (stack.length === 0) {
      rootClosed = true;
      // Anything after the root element is not part of the document (a stray second root, a PHP notice).
      const rest = withoutCommentsAndInstructions(text.slice(parser.position)).trim();
      if (rest && !HTML_ROOTS.has(root!.name.toLowerCase())) {
        warnings.push(`ignored content after the root element at line ${where().line}: "${snippet(rest, 0)}"`);
      }
      if (rest) throw new Stop();
    }
  };
  const onText = (chunk: string) => {
    const element = stack.at(-1);
    if (element) element.text += chunk;
  };
  parser.ontext = onText;
  parser.oncdata = onText;
  parser.ondoctype = (doctype) => {
    if (/<!ENTITY/i.test(doctype)) warnings.push('the DOCTYPE declares entities; they are not expanded (references stay as text)');
  };

  try {
    parser.write(text).close();
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
  }
  if (!root) throw new IngestError('not-xml', 'not XML: the document has no root element');
  if (HTML_ROOTS.has(root.name.toLowerCase())) throw htmlPage(htmlTitle);
  if (stack.length > 0 && !rootClosed) {
    const open = stack.at(-1)!;
    throw new IngestError('not-well-formed', `not well-formed XML: the document ends inside <${open.name}> (truncated?)`, where());
  }
  if (recovered > 20) warnings.push(`${recovered - 20} more entity problems kept as text`);
  return { root, warnings };
}

function htmlPage(title: string | undefined): IngestError {
  return new IngestError('html-page', `an HTML page, not a feed${title ? ` (its title: "${title}")` : ''}`);
}

/** Decode and parse in one step. */
export function readXml(input: Uint8Array | string, options: { contentType?: string; limits?: Partial<XmlLimits> } = {}): XmlDocument {
  const decoded = decodeXml(input, { contentType: options.contentType, maxBytes: options.limits?.maxBytes });
  const parsed = parseXml(decoded.text, options.limits);
  return { root: parsed.root, encoding: decoded.encoding, warnings: [...decoded.warnings, ...parsed.warnings] };
}

// ---------------------------------------------------------------------------------------------------
// Walking the tree

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined;
  for (const c of element.children) if (c.name === name) return c;
  return undefined;
}

export function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  return element ? element.children.filter((c) => c.name === name) : [];
}

/** Trimmed text of the first child with this name; undefined when absent or blank. */
export function childText(element: XmlElement | undefined, name: string): string | undefined {
  const text = child(element, name)?.text.trim();
  return text ? text : undefined;
}

/** All text inside an element, its descendants' included (Atom xhtml content, stray markup). */
export function deepText(element: XmlElement): string {
  if (element.children.length === 0) return element.text;
  let out = element.text;
  for (const c of element.children) out += deepText(c);
  return out;
}
