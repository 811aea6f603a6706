/**
 * The names a record type's requests may use, as types: its lifecycle's events, the keys its
 * lists sort by and the fields they filter by. Hooks and clients take them from here, so that
 * a deviation's screen cannot send a CAPA's event or sort by a field the server refuses.
 */
import type { EventFromLogic } from 'xstate';
import type { baseSortFields } from '../contract/listQuery';
import type { RecordType } from './defineRecordType';

/**
 * The event names of a record type's lifecycle: `EventOf<typeof deviation>` is
 * `'SUBMIT' | 'SUBMIT_ASSESSMENT' | ...`; `string` for a machine that declares no names.
 */
export type EventOf<T extends RecordType> =
  EventFromLogic<T['machine']> extends { type: infer TEvent extends string } ? TEvent : string;

/** A field a list of this record type may sort by. */
export type SortFieldOf<T extends RecordType> = (typeof baseSortFields)[number] | T['sortFields'][number];

/** A list's `sort`: a sortable field, ascending, or with `-` first, descending (`-createdAt`). */
export type SortKeyOf<T extends RecordType> = SortFieldOf<T> | `-${SortFieldOf<T>}`;

/** A field a list of this record type may filter by, exactly: `state`, `ownerId` and its `filterFields`. */
export type FilterFieldOf<T extends RecordType> = 'state' | 'ownerId' | T['filterFields'][number];
