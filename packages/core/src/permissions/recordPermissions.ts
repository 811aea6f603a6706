/**
 * Which roles may do what to one record type. `events` names every event of the lifecycle;
 * a record type passes its machine's event names as `TEvent`, so a missing or unknown row
 * fails to compile.
 */
export interface RecordPermissions<TEvent extends string = string> {
  read: readonly string[];
  create: readonly string[];
  update: readonly string[];
  comment: readonly string[];
  attach: readonly string[];
  events: Readonly<Record<TEvent, readonly string[]>>;
}

/** What a principal asks to do to a record: a data action or a lifecycle event. */
export type RecordAction = 'read' | 'create' | 'update' | 'comment' | 'attach' | { event: string };
