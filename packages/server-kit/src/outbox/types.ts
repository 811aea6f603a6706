/** A background job or domain event waiting in the outbox for delivery. */
export interface OutboxEvent {
  id: string;
  orgId: string;
  /** What it is, e.g. `deviation.created`, `email.send`. */
  type: string;
  payload: unknown;
  createdAt: string;
  /** Deliveries tried so far, this one included once claimed. */
  attempts: number;
  /** Why the previous try failed, if it did. */
  lastError: string | null;
}
