// Form values (strings and booleans, as inputs hold them) to API bodies and back.
import type { Values } from './editor';

/** Tags are typed comma-separated; the Arabic comma (،) separates too. */
export const tagsText = (tags: readonly string[]) => tags.join(', ');
const tagsOf = (text: string) => text.split(/[,،]/).map((t) => t.trim()).filter(Boolean);

const NUMBERS = new Set(['season', 'number', 'position']);

/**
 * People linked to a program or episode, held in the form as one string (a line per link,
 * `personId:role`) so that the editor's change tracking and conflict check compare them like any field.
 */
export interface PersonLinkValue { personId: string; role: PersonRole }
export const PERSON_ROLES = ['host', 'co-host', 'guest', 'producer', 'narrator', 'editor'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
export const peopleText = (people: readonly PersonLinkValue[]) => people.map((p) => `${p.personId}:${p.role}`).join('\n');
export function peopleOf(text: string): PersonLinkValue[] {
  return text.split('\n').filter(Boolean).map((line) => {
    const at = line.lastIndexOf(':');
    return { personId: line.slice(0, at), role: line.slice(at + 1) as PersonRole };
  });
}

/**
 * The body for `fields`: tags become a list, number fields numbers (empty → null), text and booleans as
 * they are. When creating, empty optional text (e.g. slug: the server derives one) is left out. A
 * `nullable` field (a parent, an image URL) that is emptied is sent as null (left out when creating).
 */
export function bodyOf(values: Values, fields: readonly string[], options: { creating: boolean; optionalText?: readonly string[]; nullable?: readonly string[] }): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field];
    if (field === 'tags') body.tags = tagsOf(String(value ?? ''));
    else if (field === 'people') {
      const people = peopleOf(String(value ?? ''));
      if (people.length || !options.creating) body.people = people;
    }
    else if (NUMBERS.has(field)) {
      if (value === '' && options.creating) continue;
      body[field] = value === '' ? null : Number(value);
    } else if (value === '' && options.nullable?.includes(field)) {
      if (!options.creating) body[field] = null;
    } else if (value === '' && options.creating && options.optionalText?.includes(field)) continue;
    else body[field] = value;
  }
  return body;
}
