/**
 * JSON text for a jsonb parameter. Both drivers accept text for jsonb, while `pg` would turn
 * a bare JS array into a PostgreSQL array literal.
 */
export function toJsonb(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/**
 * The value as it will come back out of a jsonb column: undefined members dropped, Dates as
 * ISO strings. Hashing this, rather than the caller's object, keeps a hash recomputable
 * from what was stored.
 */
export function asStoredJson<T>(value: T): T {
  return value === undefined ? (null as T) : (JSON.parse(JSON.stringify(value)) as T);
}
