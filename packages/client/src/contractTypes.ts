// Types of requests and responses, read off the contract's schemas rather than declared again.
import type { LinkInput, RecordBase, RecordRoutes, RecordType, RouteDefinition } from '@masetra/core';

/**
 * Anything that carries Standard Schema types, as every zod schema does. Reading the types
 * through Standard Schema gives exactly `z.input` / `z.output` without the client importing zod.
 */
interface TypedSchema {
  readonly '~standard': {
    readonly types?: { readonly input: unknown; readonly output: unknown } | undefined;
  };
}

/** What a schema accepts: `z.input<S>`. */
export type SchemaInput<S> = S extends TypedSchema ? NonNullable<S['~standard']['types']>['input'] : never;

/** What a schema yields: `z.output<S>`. */
export type SchemaOutput<S> = S extends TypedSchema ? NonNullable<S['~standard']['types']>['output'] : never;

/** The JSON body a route accepts. */
export type RouteBody<R extends RouteDefinition> = SchemaInput<NonNullable<R['body']>>;
/**
 * The query a route accepts. Its schema's output, not its input: a coercing field such as
 * `limit` accepts anything on input, and its output says what to send (a number).
 */
export type RouteQuery<R extends RouteDefinition> = SchemaOutput<NonNullable<R['query']>>;
/** What a route answers with on success. */
export type RouteResponse<R extends RouteDefinition> = SchemaOutput<R['response']>;

/** Options every call accepts. */
export interface RequestOptions {
  /** Aborts the request, its retries and the reading of its body. */
  signal?: AbortSignal;
}

/** Options of a call that creates something: a `POST` the server de-duplicates by its key. */
export interface CreateOptions extends RequestOptions {
  /**
   * Sent as `Idempotency-Key`. A fresh UUID by default; pass your own to make a retry that
   * your code performs (after a reload, say) return the first response instead of a duplicate.
   */
  idempotencyKey?: string;
}

/** Options of a change guarded by `If-Match`. */
export interface VersionedOptions extends RequestOptions {
  /**
   * The version the change is based on, sent as `If-Match`. Defaults to the version this
   * client last read for the record. A form should pass the version of the record it shows,
   * so that a change someone else made since is refused (412) instead of overwritten.
   */
  version?: number;
}

/** Options of a record read: `asOf` reads the record as it stood then, rebuilt from its audit trail. */
export interface RecordReadOptions extends RequestOptions {
  /**
   * An ISO 8601 date-time: the server answers with the record as it was at that moment (404 when
   * it did not exist yet). Such a past version is not remembered as the version to change.
   */
  asOf?: RouteQuery<RecordRoutes<RecordType>['get']>['asOf'];
}

/**
 * The list query of a record type: `limit`, `cursor`, `sort`, `q` and an exact-match filter
 * per field (`state: 'draft,in_assessment'` for several values).
 *
 * `listQuerySchema` builds its filters with `Object.fromEntries`, which leaves them out of
 * its inferred type, so they are typed here: the type's `filterFields` plus `state` and
 * `ownerId`, which `listQuerySchema` adds to every type. The schema still checks them at runtime.
 */
export type RecordListQuery<T extends RecordType> = RouteQuery<RecordRoutes<T>['list']> & {
  [K in 'state' | 'ownerId' | T['filterFields'][number]]?: string;
};

/** A page query (`limit`, `cursor`) of a record's audit trail or comments. */
export type PageQuery = RouteQuery<RecordRoutes<RecordType>['listComments']>;

/**
 * The changed fields of an update: any subset of the record type's own fields.
 *
 * Core types `RecordType['updateInput']` as a plain `ZodMiniType`, which erases its shape,
 * so this reads the field schemas `defineRecordType` builds it from.
 */
export type RecordChanges<T extends RecordType> = { [K in keyof T['fields']]?: SchemaInput<T['fields'][K]> };

/**
 * The body of a create: the record type's fields, those in `createRequired` required, plus
 * an optional owner. Read from the field schemas for the same reason as {@link RecordChanges}.
 */
export type RecordCreateInput<T extends RecordType> = Omit<RecordChanges<T>, T['createRequired'][number]> & {
  [K in T['createRequired'][number]]-?: Exclude<SchemaInput<T['fields'][K]>, undefined>;
} & {
  ownerId?: RecordBase['ownerId'];
  /** Links to existing records made in the same transaction as the record (a CAPA `from` its deviation). */
  links?: LinkInput[];
};

/** Why a record changes: the `reason` of an update body, required by the server once past draft. */
export type ChangeReason = RouteBody<RecordRoutes<RecordType>['update']>['reason'];

/** The body of a lifecycle move: `{ event, reason?, signature? }`. */
export type TransitionRequest<T extends RecordType> = RouteBody<RecordRoutes<T>['transition']>;
