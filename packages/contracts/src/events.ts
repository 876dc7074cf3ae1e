// The events every Thmnayah service may publish or consume. Each content change writes one of these
// to the outbox in the same transaction as the change; the relay moves them to the bus.
// Handlers are tables typed by event type (see EventHandlers), so a missing one is a compile error.

export type EntityType = 'program' | 'episode' | 'category' | 'person';

/** What every content event carries: enough to find the entity, never enough to trust as its state. */
export interface EntityRef {
  id: string;
  /** The entity's version after the change (starts at 1). */
  version: number;
}

export interface ProgramEventData extends EntityRef {
  slug: string;
  status: 'draft' | 'published' | 'archived';
}

export interface EpisodeEventData extends EntityRef {
  programId: string;
  status: 'draft' | 'scheduled' | 'published' | 'archived';
  /** ISO 8601 publish time, when the episode has one. */
  publishAt: string | null;
}

export interface CategoryEventData extends EntityRef {
  slug: string;
}

export interface PersonEventData extends EntityRef {
  slug: string;
}

/** Media events: an asset is a file an editor uploaded for an episode or a program (docs/media.md). */
export interface MediaEventData {
  /** The asset's id. */
  id: string;
  ownerType: 'episode' | 'program';
  ownerId: string;
  kind: 'audio' | 'video' | 'image';
}

export interface MediaUploadedData extends MediaEventData {
  /** upload: a new original; reprocess: an editor asked to process the same original again. */
  reason: 'upload' | 'reprocess';
}

export interface MediaJobEventData extends MediaEventData {
  jobId: string;
}

export interface MediaFailedData extends MediaJobEventData {
  /** A MediaError code (unsupported-type, unreadable, too-large, timeout ...) or `internal`. */
  code: string;
  message: string;
}

type Lifecycle = 'created' | 'updated' | 'deleted' | 'restored';
type Workflow = 'published' | 'unpublished' | 'archived' | 'scheduled';

/** Event type → payload. Adding an entry here makes every handler table name it. */
export type EventPayloads = {
  [K in `program.${Lifecycle | Exclude<Workflow, 'scheduled'>}`]: ProgramEventData;
} & {
  [K in `episode.${Lifecycle | Workflow}`]: EpisodeEventData;
} & {
  [K in `category.${Lifecycle}`]: CategoryEventData;
} & {
  [K in `person.${Lifecycle}`]: PersonEventData;
} & {
  /** The original is in storage and verified: the worker queues its processing. */
  'media.uploaded': MediaUploadedData;
  /** Renditions are in place and referenced (the owning episode or program changed in the same transaction). */
  'media.ready': MediaJobEventData;
  /** Processing gave up (after retries for transient failures); nothing the asset had changed. */
  'media.failed': MediaFailedData;
  /** An editor cancelled processing (jobId null: cancelled before a job was queued). */
  'media.cancelled': MediaEventData & { jobId: string | null };
  /** An editor deleted the asset (or the sweep deleted an abandoned upload): its owner no longer points at it; files go after a grace period. */
  'media.deleted': MediaEventData;
};

export type EventType = keyof EventPayloads;

export type ThmnayahEvent = {
  [K in EventType]: {
    /** UUID; also the bus message id, so a redelivered event is recognised. */
    id: string;
    type: K;
    /** ISO 8601 time the change was committed. */
    occurredAt: string;
    /** Subject of the user (or `system:<part>`) who made the change. */
    actor: string;
    data: EventPayloads[K];
  };
}[EventType];

export type EventOf<K extends EventType> = Extract<ThmnayahEvent, { type: K }>;

/** A consumer's handlers: one per event type; `null` says "deliberately ignored". */
export type EventHandlers<Ctx = void> = {
  [K in EventType]: ((event: EventOf<K>, ctx: Ctx) => Promise<void>) | null;
};

export const EVENT_TYPES = [
  'program.created', 'program.updated', 'program.deleted', 'program.restored',
  'program.published', 'program.unpublished', 'program.archived',
  'episode.created', 'episode.updated', 'episode.deleted', 'episode.restored',
  'episode.published', 'episode.unpublished', 'episode.archived', 'episode.scheduled',
  'category.created', 'category.updated', 'category.deleted', 'category.restored',
  'person.created', 'person.updated', 'person.deleted', 'person.restored',
  'media.uploaded', 'media.ready', 'media.failed', 'media.cancelled', 'media.deleted',
] as const satisfies readonly EventType[];

// Compile-time proof that EVENT_TYPES lists every event type.
type Missing = Exclude<EventType, (typeof EVENT_TYPES)[number]>;
const _everyTypeListed: Missing extends never ? true : Missing = true;
void _everyTypeListed;
