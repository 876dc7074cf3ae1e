// fast-check arbitraries from the JSON Schemas of the OpenAPI document: mostly values the schema allows (so
// requests get past validation and reach the handlers and the database), sometimes anything at all (so the
// validation and error paths are fuzzed too). Only what the document's schemas use is understood.
import fc from 'fast-check';

export type Schema = Record<string, unknown>;

/** Values a schema's author did not expect: wrong types, odd strings, deep or empty structures. */
export const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('', ' ', '\u0000', '9999999999', '2026-13-01', '-1', '1e309', '../../etc/passwd', '%E0%A4%A', '{}', 'null', 'ثمنية', '<!--'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 2 }),
);

export interface Pools {
  /** Ids of entities that exist, so that some requests find something. */
  uuids: string[];
}

export function arbitraryFor(schema: Schema | undefined, pools: Pools, depth = 0): fc.Arbitrary<unknown> {
  const valid = validFor(schema ?? {}, pools, depth);
  // One value in ten is garbage: enough to exercise refusals without starving the handlers.
  return fc.oneof({ arbitrary: valid, weight: 9 }, { arbitrary: garbage, weight: 1 });
}

function validFor(schema: Schema, pools: Pools, depth: number): fc.Arbitrary<unknown> {
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if ('const' in schema) return fc.constant(schema.const);
  const alternatives = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => validFor(s, pools, depth)));
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : schema.type ? [schema.type as string] : [];
  if (types.length > 1) return fc.oneof(...types.map((type) => validFor({ ...schema, type }, pools, depth)));
  const examples = Array.isArray(schema.examples) ? (schema.examples as unknown[]) : [];
  switch (types[0]) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: num(schema.minimum, -1000), max: num(schema.maximum, 100_000) });
    case 'number':
      return fc.double({ min: num(schema.minimum, -1e6), max: num(schema.maximum, 1e6), noNaN: true });
    case 'string':
      return stringFor(schema, pools, examples);
    case 'array': {
      if (depth > 3) return fc.constant([]);
      const items = validFor((schema.items as Schema | undefined) ?? {}, pools, depth + 1);
      return fc.array(items, { minLength: num(schema.minItems, 0), maxLength: Math.max(num(schema.minItems, 0), Math.min(num(schema.maxItems, 3), 3)) });
    }
    case 'object': {
      if (depth > 3) return fc.constant({});
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const required = (schema.required ?? []) as string[];
      const record = Object.fromEntries(Object.entries(properties).map(([key, s]) => [key, validFor(s, pools, depth + 1)]));
      return fc.record(record, { requiredKeys: required.filter((k) => k in record) });
    }
    default:
      return examples.length ? fc.constantFrom(...examples) : fc.jsonValue({ maxDepth: 1 });
  }
}

function stringFor(schema: Schema, pools: Pools, examples: unknown[]): fc.Arbitrary<unknown> {
  const min = num(schema.minLength, 0);
  const max = Math.max(min, Math.min(num(schema.maxLength, 40), 40));
  switch (schema.format) {
    case 'uuid':
      return pools.uuids.length ? fc.oneof(fc.constantFrom(...pools.uuids), fc.uuid()) : fc.uuid();
    case 'date-time':
      return fc.date({ min: new Date('1990-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'date':
      return fc.date({ min: new Date('1990-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'uri':
      return fc.webUrl({ validSchemes: ['https'] });
  }
  // A pattern cannot be generated from in general; the schema's examples match it, random text mostly not.
  if (schema.pattern) return examples.length ? fc.oneof(fc.constantFrom(...examples), fc.string({ minLength: min, maxLength: max })) : fc.string({ minLength: min, maxLength: max });
  const text = fc.oneof(fc.string({ minLength: min, maxLength: max }), fc.string({ unit: 'grapheme', minLength: min, maxLength: max }));
  return examples.length ? fc.oneof(fc.constantFrom(...examples), text) : text;
}

const num = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
