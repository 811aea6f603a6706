/** Which roles may do what to one record type. Events name the lifecycle's events. */
export interface RecordPermissions {
  read: readonly string[];
  create: readonly string[];
  update: readonly string[];
  comment: readonly string[];
  attach: readonly string[];
  events: Readonly<Record<string, readonly string[]>>;
}

/** What a principal asks to do to a record: a data action or a lifecycle event. */
export type RecordAction = 'read' | 'create' | 'update' | 'comment' | 'attach' | { event: string };
