// Writing XML text safely. The feed is built from strings (feeds/render.ts) with these three escapes; a
// builder library would add a document model for what is, here, one template: the safety that matters is
// (1) &, <, > and quotes escaped, (2) characters XML 1.0 forbids removed (C0 controls other than tab,
// newline and carriage return, U+FFFE/U+FFFF, lone surrogates — one of them makes the whole feed
// unreadable to a strict parser), (3) CDATA sections that cannot be closed early by "]]>" in the text.
// The tests parse every feed back with the project's own strict parser.

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function xmlSafe(value: string): string {
  return value.replace(NOT_XML, '');
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTR_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Element content. */
export function escapeText(value: string): string {
  return xmlSafe(value).replace(/[&<>]/g, (c) => TEXT_ESCAPES[c]!);
}

/** An attribute value (double-quoted); whitespace kept as character references, which parsers do not normalise. */
export function escapeAttr(value: string): string {
  return xmlSafe(value).replace(/[&<>"'\t\n\r]/g, (c) => ATTR_ESCAPES[c]!);
}

/** A CDATA section; a "]]>" inside is split across two sections. */
export function cdata(value: string): string {
  return `<![CDATA[${xmlSafe(value).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** `<name a="1">text</name>`, or `<name a="1"/>` without text. Attributes with undefined/null values are left out. */
export function element(name: string, attrs: Record<string, string | number | null | undefined> = {}, content?: string): string {
  const attributes = Object.entries(attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== null)
    .map(([key, value]) => ` ${key}="${escapeAttr(String(value))}"`).join('');
  return content === undefined ? `<${name}${attributes}/>` : `<${name}${attributes}>${content}</${name}>`;
}

/** `<name>escaped text</name>`. */
export function textElement(name: string, value: string | number, attrs: Record<string, string | number | null | undefined> = {}): string {
  return element(name, attrs, escapeText(String(value)));
}
