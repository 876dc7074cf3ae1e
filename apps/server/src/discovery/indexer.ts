// The indexer: the worker's consumer that keeps the Discovery read model current. One handler per
// event type (a new event type does not compile until this table says what to do with it).
import type { EventHandlers, ThmnayahEvent } from '@thmnayah/contracts';
import type { Queryable } from '../platform/db/db.js';
import { defineConsumer, type ConsumerDefinition } from '../events/consumer.js';
import { Projector, type DocumentListener } from './projection.js';

export interface IndexerContext {
  /** The consumer's transaction: the projection commits together with the "processed" mark. */
  tx: Queryable;
}

export function indexerHandlers(projector: Projector): EventHandlers<IndexerContext> {
  const project = (type: 'program' | 'episode' | 'category' | 'person') => async (event: ThmnayahEvent, { tx }: IndexerContext) => {
    await projector.project(tx, { type, id: event.data.id });
  };
  const program = project('program');
  const episode = project('episode');
  const category = project('category');
  const person = project('person');
  return {
    'program.created': program, 'program.updated': program, 'program.deleted': program, 'program.restored': program,
    'program.published': program, 'program.unpublished': program, 'program.archived': program,
    'episode.created': episode, 'episode.updated': episode, 'episode.deleted': episode, 'episode.restored': episode,
    'episode.published': episode, 'episode.unpublished': episode, 'episode.archived': episode, 'episode.scheduled': episode,
    'category.created': category, 'category.updated': category, 'category.deleted': category, 'category.restored': category,
    'person.created': person, 'person.updated': person, 'person.deleted': person, 'person.restored': person,
    // Media changes reach the read model through the episode.updated / program.updated event written in
    // the same transaction as media.ready (new URLs, duration); the media events themselves say nothing new.
    'media.uploaded': null, 'media.ready': null, 'media.failed': null, 'media.cancelled': null, 'media.deleted': null,
  };
}

/** The worker's durable consumer for the read model (and, through the listener, the search index). */
export function discoveryIndexer(listener?: DocumentListener): ConsumerDefinition {
  return defineConsumer({ name: 'discovery-indexer', handlers: indexerHandlers(new Projector(listener)) });
}
