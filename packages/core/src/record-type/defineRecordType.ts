import type { AnyStateMachine } from 'xstate';
import * as z from 'zod/mini';
import type { RecordPermissions } from '../permissions/recordPermissions';
import type { FieldIssue } from './fieldIssues';
import type { ApprovalChain, RequiredFields } from './lifecycleGuards';
import { type RecordBase, recordBaseShape } from './recordBase';

type FieldsShape = Record<string, z.ZodMiniType>;

/** A child record type (an audit's findings) whose open count the parent's guards read. */
export interface RelatedRecordLink {
  type: string;
  /** Field of the child that holds the parent's id. */
  foreignKey: string;
}

export interface RecordTypeConfig<
  TName extends string,
  TFields extends FieldsShape,
  TRequired extends keyof TFields,
  TMachine extends AnyStateMachine,
  TSort extends keyof TFields & string = keyof TFields & string,
  TFilter extends keyof TFields & string = keyof TFields & string,
> {
  /** Registry key, e.g. `deviation`. */
  name: TName;
  /** Collection under which the HTTP surface serves it, e.g. `deviations`. */
  collection: string;
  /** Number prefix: `DEV` gives `DEV-2026-0001`. */
  numberPrefix: string;
  /** The record's own fields (the server-owned base fields are added). Optional unless a state requires them. */
  fields: TFields;
  /** Fields a draft needs to be created at all. */
  createRequired: readonly TRequired[];
  /** The lifecycle: an XState v5 machine whose context is the record. */
  machine: TMachine;
  /** The schema a record must satisfy on entering each state. */
  requiredFields: RequiredFields;
  /**
   * Fields only the lifecycle or the server writes (an `assign` of the machine: who authored and
   * who reviewed a document's version, a CAPA's extension requests; a link's mirror: a deviation's
   * `linkedCapaIds`). They are part of the record and its trail, but no create or update input
   * accepts them: like the base fields, the server owns them.
   */
  lifecycleFields?: readonly (keyof TFields & string)[];
  /**
   * Values the server gives every new record of the type, before the creator's own (a document's
   * first version label, `0.1`): part of its first version and of the trail's `create` entry.
   */
  initialValues?: Readonly<Partial<Record<keyof TFields & string, unknown>>>;
  /**
   * Fields the generic screens do not list: kept for the server's use (the text extracted from a
   * document's PDF, for search) or shown by the type's own view (the version a document revises).
   * They stay in the record, its trail and its API.
   */
  hiddenFields?: readonly (keyof TFields & string)[];
  /**
   * Who holds which role in the record's current approval chain. A segregation-of-duties refusal
   * names the role the actor already holds from it ("The reviewer of DOC-2026-0001 v0.2 may not
   * also approve it"); the machine's guards read the same function (`actorHoldsNoRoleIn`).
   */
  approvalChain?(record: RecordBase & z.infer<z.ZodMiniObject<TFields>>): ApprovalChain;
  /** Fields that feed full-text search (`?q=`). */
  searchFields: readonly (keyof TFields & string)[];
  /** Fields offered as list filters (exact match), besides `state` and `ownerId`. */
  filterFields: readonly TFilter[];
  /** Fields a list may sort by, besides `createdAt`, `updatedAt` and `number`. */
  sortFields: readonly TSort[];
  /**
   * Fields a report may group by, besides `state`, `ownerId` and the time buckets of creation.
   * Left out, the `filterFields`: what a list can narrow to, a report can count by.
   */
  groupFields?: readonly (keyof TFields & string)[];
  /**
   * The date after which an unfinished record is overdue (a deviation's or CAPA's `dueAt`, a
   * document's `nextReviewDue`): what the `overdue` report metric and the KPIs compare with now.
   */
  dueField?: keyof TFields & string;
  /** The field that grades a record's seriousness (a deviation's `severity`, a finding's `classification`), for the KPIs. */
  severityField?: keyof TFields & string;
  /** Which roles may read, change and move records of this type. */
  permissions: RecordPermissions;
  /** The field a person reads as the record's title. */
  titleField: keyof TFields & string;
  /** Child record types whose open counts guards need (`relatedAllClosed`). */
  related?: readonly RelatedRecordLink[];
  /** The parent this type hangs under (a finding under its audit). */
  parent?: RelatedRecordLink;
  /**
   * Fields that name a user of the organization, besides `ownerId`, as JSON pointers into the
   * record; a `*` segment stands for every element of an array (`/leadAuditorId`; a CAPA's task
   * owners are the segments `tasks`, `*`, `ownerId`). The server accepts only active users of the
   * caller's organization there.
   */
  userReferences?: readonly string[];
  /**
   * Rules on a change that a schema cannot express because they depend on the state,
   * e.g. a CAPA's due dates are locked once its plan is approved. Returns JSON-pointer issues.
   */
  /**
   * System moves a completed move causes on other records of the same type, taken in the
   * same transaction: a document that becomes effective supersedes the one it replaces.
   */
  followUps?(
    record: RecordBase & z.infer<z.ZodMiniObject<TFields>>,
    from: string,
    to: string,
  ): FollowUpMove[];
  // Method syntax on purpose: parameters stay bivariant, so a typed record type fits the generic registry.
  validateChange?(
    before: RecordBase & z.infer<z.ZodMiniObject<TFields>>,
    changes: Partial<z.infer<z.ZodMiniObject<TFields>>>,
  ): FieldIssue[];
}

/** A system move on another record, caused by a move on this one. */
export interface FollowUpMove {
  recordId: string;
  event: string;
}

/** A record type as the registry holds it: its config plus the schemas derived from it. */
export interface RecordType<
  TName extends string = string,
  TFields extends FieldsShape = FieldsShape,
  TRequired extends keyof TFields = keyof TFields,
  TMachine extends AnyStateMachine = AnyStateMachine,
  TSort extends keyof TFields & string = keyof TFields & string,
  TFilter extends keyof TFields & string = keyof TFields & string,
> extends RecordTypeConfig<TName, TFields, TRequired, TMachine, TSort, TFilter> {
  /** The whole record: base fields and the type's own. */
  schema: z.ZodMiniType<RecordBase & z.infer<z.ZodMiniObject<TFields>>>;
  /** Body of a create: the type's fields (required ones required), plus an optional owner. */
  createInput: z.ZodMiniType;
  /** `changes` of an update: any subset of the type's fields, nothing else. */
  updateInput: z.ZodMiniType;
  /** Every state of the lifecycle, in document order. */
  states: readonly string[];
  /** Every event the lifecycle knows. */
  events: readonly string[];
  /** States in which the record is finished (`closed`, `cancelled`, ...). */
  finalStates: readonly string[];
  /** Fields a report may group by: the config's `groupFields`, or else its `filterFields`. */
  groupFields: readonly (keyof TFields & string)[];
  /** Each state's XState tags (`editable`, `approval`, `done`, `void`, ...): what screens ask instead of state names. */
  stateTags: Readonly<Record<string, readonly string[]>>;
}

/** The record value of a record type. */
export type RecordOf<T extends RecordType> = z.infer<T['schema']>;

function partialShape(fields: FieldsShape, lifecycleFields: readonly string[]): FieldsShape {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([key]) => !lifecycleFields.includes(key))
      .map(([key, schema]) => [key, z.optional(schema)]),
  );
}

function unwrapOptional(schema: z.ZodMiniType): z.ZodMiniType {
  return schema instanceof z.ZodMiniOptional ? (schema.def.innerType as z.ZodMiniType) : schema;
}

/**
 * Defines a record type. The built-in types use it, and so does a host that registers its
 * own (say, Change Control): server-kit and react are generic over what it returns.
 *
 * @example
 * const changeControl = defineRecordType({
 *   name: 'change_control', collection: 'change-controls', numberPrefix: 'CC',
 *   fields: { title: z.string() }, createRequired: ['title'], machine, requiredFields: {},
 *   searchFields: ['title'], filterFields: [], sortFields: [], titleField: 'title',
 * });
 */
export function defineRecordType<
  const TName extends string,
  TFields extends FieldsShape,
  const TRequired extends keyof TFields,
  TMachine extends AnyStateMachine,
  // Kept literal so that lists of this type type-check their sort keys and filters.
  const TSort extends keyof TFields & string,
  const TFilter extends keyof TFields & string,
>(
  config: RecordTypeConfig<TName, TFields, TRequired, TMachine, TSort, TFilter>,
): RecordType<TName, TFields, TRequired, TMachine, TSort, TFilter> {
  const optionalFields = partialShape(config.fields, config.lifecycleFields ?? []);
  const requiredAtCreate = Object.fromEntries(
    config.createRequired.map((key) => [key, unwrapOptional(config.fields[key] as z.ZodMiniType)]),
  );
  const root = config.machine.root;
  const states = Object.keys(root.states);
  return {
    ...config,
    // The cast only restates what zod infers, in a form TypeScript can compare across record types.
    schema: z.object({ ...recordBaseShape, ...config.fields }) as unknown as RecordType<
      TName,
      TFields
    >['schema'],
    createInput: z.strictObject({
      ...optionalFields,
      ...requiredAtCreate,
      ownerId: z.optional(z.string().check(z.minLength(1))),
    }),
    updateInput: z.strictObject(optionalFields),
    states,
    events: [...root.events].filter((event) => !event.startsWith('xstate.')),
    finalStates: states.filter((state) => root.states[state]?.type === 'final'),
    groupFields: config.groupFields ?? config.filterFields,
    stateTags: Object.fromEntries(states.map((state) => [state, [...(root.states[state]?.tags ?? [])]])),
  };
}
