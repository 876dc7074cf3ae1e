// Turning feed text into CMS text: show notes arrive as HTML (escaped or in CDATA); the CMS stores plain
// text, so imported markup can never reach a page as markup. htmlparser2 does the HTML tokenising: it is
// forgiving the way browsers are (unclosed <p>, stray </b>) and decodes every HTML entity.
import { Parser } from 'htmlparser2';

const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'blockquote', 'pre', 'ul', 'ol', 'li', 'table', 'tr',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'figure', 'figcaption', 'dl', 'dt', 'dd',
]);
const HIDDEN = new Set(['script', 'style', 'template', 'noscript']);

/** Plain text of an HTML fragment: block elements become paragraph breaks, <br> a line break. */
export function htmlToText(html: string): string {
  // Most descriptions are plain already; skip the tokenizer when there is nothing to interpret.
  if (!/[<&]/.test(html)) return tidy(html);
  let out = '';
  let hidden = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (HIDDEN.has(name)) hidden += 1;
        else if (name === 'br') out += '\n';
        else if (BLOCKS.has(name)) out += name === 'li' ? '\n• ' : '\n\n';
      },
      ontext(text) {
        if (hidden === 0) out += text;
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
        else if (BLOCKS.has(name) && name !== 'li') out += '\n\n';
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return tidy(out);
}

// C0 controls other than tab and newline, and C1 controls: never meant as text in a title.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Trims every line, collapses runs of spaces and of blank lines; keeps paragraph breaks. */
export function tidy(text: string): string {
  return text
    .replace(CONTROLS, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** One line of text (titles, names, tags): all whitespace collapsed to single spaces. */
export function oneLine(text: string): string {
  return text.replace(CONTROLS, '').replace(/\s+/g, ' ').trim();
}

/** Cuts text to at most `max` characters (code points), ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const points = Array.from(text);
  if (points.length <= max) return text;
  return `${points.slice(0, max - 1).join('').trimEnd()}…`;
}
