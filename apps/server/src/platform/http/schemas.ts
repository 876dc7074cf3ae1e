// Schema pieces shared by the CMS resources. Every request schema rejects unknown fields
// (additionalProperties: false) so a typo in a field name is an error, not a silent no-op.
import { Type, type Static, type TSchema } from 'typebox';

/**
 * `T | null` written as `type: [t, "null"]`, not `anyOf`: fast-json-stringify serialises it directly,
 * while anyOf makes it run a validator on every value of every response (measured: 4x slower lists).
 */
export function Nullable<T extends TSchema>(schema: T, options: Record<string, unknown> = {}) {
  const { type, ...rest } = schema as unknown as { type: string };
  return Type.Unsafe<Static<T> | null>({ ...rest, type: [type, 'null'], ...options });
}

/** A string from a fixed set, as `enum` (the compact form for validators, serialisers and OpenAPI). */
export function StringEnum<const V extends readonly string[]>(values: V, options: Record<string, unknown> = {}) {
  return Type.Unsafe<V[number]>({ type: 'string', enum: [...values], ...options });
}

export const Uuid = Type.String({ format: 'uuid', description: 'UUID', examples: ['0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61'] });
export const Language = StringEnum(['ar', 'en'], { description: 'Content language (ISO 639-1)', examples: ['ar'] });
/** Lower-case letters of any script, digits and single hyphens: Arabic slugs are allowed. */
export const Slug = Type.String({
  pattern: '^[\\p{Ll}\\p{Lo}\\p{Nd}]+(?:-[\\p{Ll}\\p{Lo}\\p{Nd}]+)*$',
  minLength: 1,
  maxLength: 120,
  description: 'URL name: lower-case letters (any script), digits and hyphens',
  examples: ['fnjan', 'فنجان'],
});
export const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 30, uniqueItems: true, description: 'Free tags', examples: [['تاريخ', 'history']] });
export const HttpUrl = Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2048, description: 'An http(s) URL' });
export const Timestamp = Type.String({ format: 'date-time', description: 'ISO 8601 date-time' });
export const NullableTimestamp = Nullable(Timestamp);

export const Audit = {
  version: Type.Integer({ minimum: 1, description: 'Increments on every change; the ETag is this number, quoted' }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  createdBy: Type.String({ description: 'Subject of the user who created it' }),
  updatedBy: Type.String({ description: 'Subject of the user who last changed it' }),
  deletedAt: NullableTimestamp,
};

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const ListQueryBase = {
  cursor: Type.Optional(Type.String({ maxLength: 1024, description: 'nextCursor of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  includeDeleted: Type.Optional(Type.Boolean({ description: 'Include soft-deleted items (they carry deletedAt)' })),
  // The studio's trash view: only what was deleted (restorable), with the same filters, sort and paging.
  deletedOnly: Type.Optional(Type.Boolean({ description: 'Only soft-deleted items (a trash view)' })),
};

export function Page<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    nextCursor: Nullable(Type.String(), { description: 'Pass as `cursor` for the next page; null on the last page' }),
  });
}

const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ in: Type.String(), pointer: Type.String(), message: Type.String() }))),
  },
  { additionalProperties: true, description: 'RFC 9457 problem details' },
);

export const IfMatchHeaders = Type.Object({ 'if-match': Type.Optional(Type.String({ description: 'ETag of the version this change is based on' })) });

/** Standard error responses for documentation; the body is always a problem. */
export function problems(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, ProblemSchema]));
}
