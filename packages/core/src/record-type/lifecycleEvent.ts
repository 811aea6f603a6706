/** Counts of a related record type, gathered by the server for guards such as "all findings closed". */
export interface RelatedCount {
  open: number;
  total: number;
}

/** The event every lifecycle machine receives. */
export interface LifecycleEvent {
  type: string;
  /** Who takes the step; `system` for scheduled jobs. */
  actorId: string;
  reason?: string;
  /** Server time of the step, ISO 8601 UTC. */
  at?: string;
  /** Facts about related records, keyed by record type name (e.g. `finding`). */
  related?: Record<string, RelatedCount>;
  /**
   * What the move carries besides a reason, when its transition's meta declares a shape for it
   * (`TransitionMeta.data`): the new due date of a CAPA's extension request. `evaluateTransition`
   * checks it against that shape before the machine sees it, so guards and actions read it parsed.
   */
  data?: Readonly<Record<string, unknown>>;
}

export const SYSTEM_ACTOR = 'system';
