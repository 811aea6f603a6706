import { type Page, type RecordOf, type RecordRoutes, type RecordType, recordRoutes } from '@masetra/core';
import type {
  ChangeReason,
  CreateOptions,
  PageQuery,
  RecordChanges,
  RecordCreateInput,
  RecordListQuery,
  RecordReadOptions,
  RequestOptions,
  RouteBody,
  RouteResponse,
  TransitionRequest,
  VersionedOptions,
} from '../contractTypes';
import { paginate } from '../internal/paginate';
import type { Transport } from '../internal/transport';
import { type VersionMemory, versionOfEtag } from '../internal/versionMemory';

/** The API of one record type's collection (`/deviations`, `/capas`, ...). */
export interface RecordClient<T extends RecordType> {
  /** The record type this client serves. */
  readonly recordType: T;
  /** One page of records, filtered and sorted. */
  list(query?: RecordListQuery<T>, options?: RequestOptions): Promise<Page<RecordOf<T>>>;
  /** Every record the query matches, page after page, following `nextCursor`. */
  iterate(query?: RecordListQuery<T>, options?: RequestOptions): AsyncIterable<RecordOf<T>>;
  /** One record; with `asOf`, as it stood at that moment, rebuilt from its audit trail. */
  get(id: string, options?: RecordReadOptions): Promise<RecordOf<T>>;
  /** Creates a draft; its `Idempotency-Key` makes retries return the same record. */
  create(input: RecordCreateInput<T>, options?: CreateOptions): Promise<RecordOf<T>>;
  /** Changes fields, with `If-Match` and, once past draft, a reason. */
  update(
    id: string,
    changes: RecordChanges<T>,
    options?: VersionedOptions & { reason?: ChangeReason },
  ): Promise<RecordOf<T>>;
  /** Moves the record through its lifecycle; a signed transition re-authenticates the signer. */
  transition(id: string, request: TransitionRequest<T>, options?: VersionedOptions): Promise<RecordOf<T>>;
  /** The record's audit-trail entries, oldest first. */
  auditTrail(
    id: string,
    page?: PageQuery,
    options?: RequestOptions,
  ): Promise<RouteResponse<RecordRoutes<T>['auditTrail']>>;
  /** Its electronic signatures, each with its manifestation. */
  signatures(id: string, options?: RequestOptions): Promise<RouteResponse<RecordRoutes<T>['signatures']>>;
  /**
   * Recomputes the content hash of the version a signature signed: `ok`, or why the signature
   * no longer binds to this record's content (`not_this_record`, `version_not_found`, `content_changed`).
   */
  verifySignature(
    id: string,
    signatureId: string,
    options?: RequestOptions,
  ): Promise<RouteResponse<RecordRoutes<T>['verifySignature']>>;
  attachments: {
    list(id: string, options?: RequestOptions): Promise<RouteResponse<RecordRoutes<T>['listAttachments']>>;
    /** Uploads the raw bytes; the server checks the content type against the bytes. */
    upload(
      id: string,
      file: Blob | Uint8Array,
      meta: { fileName: string; contentType?: string } & CreateOptions,
    ): Promise<RouteResponse<RecordRoutes<T>['uploadAttachment']>>;
    download(id: string, attachmentId: string, options?: RequestOptions): Promise<Blob>;
  };
  /** The record's traceability chain over its links, both directions, within the server's limits. */
  trace(id: string, options?: RequestOptions): Promise<RouteResponse<RecordRoutes<T>['trace']>>;
  /** Typed links to and from other records and host objects; each change is in both records' trails. */
  links: {
    list(id: string, options?: RequestOptions): Promise<RouteResponse<RecordRoutes<T>['listLinks']>>;
    /** Adds a link; the same link again answers with the one link. */
    add(
      id: string,
      link: RouteBody<RecordRoutes<T>['addLink']>,
      options?: CreateOptions,
    ): Promise<RouteResponse<RecordRoutes<T>['addLink']>>;
    /** Removes a link, with the reason both trails record. */
    remove(
      id: string,
      linkId: string,
      reason: string,
      options?: CreateOptions,
    ): Promise<RouteResponse<RecordRoutes<T>['removeLink']>>;
  };
  comments: {
    list(
      id: string,
      page?: PageQuery,
      options?: RequestOptions,
    ): Promise<RouteResponse<RecordRoutes<T>['listComments']>>;
    create(
      id: string,
      comment: RouteBody<RecordRoutes<T>['createComment']>,
      options?: CreateOptions,
    ): Promise<RouteResponse<RecordRoutes<T>['createComment']>>;
  };
}

export function createRecordClient<T extends RecordType>(
  recordType: T,
  send: Transport,
  versions: VersionMemory,
): RecordClient<T> {
  const routes = recordRoutes(recordType);

  /** Sends a route answering with a record and remembers the version it read. */
  const sendRecord = async (
    route: RecordRoutes<T>['get' | 'create' | 'update' | 'transition'],
    call: Parameters<Transport>[1],
  ): Promise<RecordOf<T>> => {
    const { data, response } = await send(route, call);
    const record = data as RecordOf<T>;
    versions.remember(record.id, versionOfEtag(response.headers.get('etag')) ?? record.version);
    return record;
  };
  const versionFor = (id: string, options?: VersionedOptions) => options?.version ?? versions.get(id);

  const list: RecordClient<T>['list'] = async (query, options) => {
    const { data } = await send(routes.list, { ...options, query });
    const page = data as Page<RecordOf<T>>;
    for (const record of page.items) versions.remember(record.id, record.version);
    return page;
  };

  return {
    recordType,
    list,
    iterate: (query, options) =>
      paginate((cursor) => list({ ...query, cursor } as RecordListQuery<T>, options), query?.cursor),
    get: async (id, { asOf, ...options } = {}) => {
      if (asOf === undefined) return sendRecord(routes.get, { ...options, params: { id } });
      // A past version is no base for a change: If-Match keeps the version last read as current.
      return (await send(routes.get, { ...options, params: { id }, query: { asOf } })).data as RecordOf<T>;
    },
    create: (input, options) => sendRecord(routes.create, { ...options, body: input }),
    update: (id, changes, options) =>
      sendRecord(routes.update, {
        ...options,
        params: { id },
        body: { changes, reason: options?.reason },
        ifMatch: versionFor(id, options),
      }),
    transition: (id, request, options) =>
      sendRecord(routes.transition, {
        ...options,
        params: { id },
        body: request,
        ifMatch: versionFor(id, options),
      }),
    auditTrail: async (id, page, options) =>
      (await send(routes.auditTrail, { ...options, params: { id }, query: page })).data,
    signatures: async (id, options) => (await send(routes.signatures, { ...options, params: { id } })).data,
    verifySignature: async (id, signatureId, options) =>
      (await send(routes.verifySignature, { ...options, params: { id, signatureId } })).data,
    attachments: {
      list: async (id, options) => (await send(routes.listAttachments, { ...options, params: { id } })).data,
      upload: async (id, file, { fileName, contentType, ...options }) =>
        (
          await send(routes.uploadAttachment, {
            ...options,
            params: { id },
            file: {
              data: file,
              fileName,
              contentType: contentType ?? ((file as Blob).type || 'application/octet-stream'),
            },
          })
        ).data,
      download: async (id, attachmentId, options) =>
        (await send(routes.downloadAttachment, { ...options, params: { id, attachmentId } })).data as Blob,
    },
    trace: async (id, options) => (await send(routes.trace, { ...options, params: { id } })).data,
    links: {
      list: async (id, options) => (await send(routes.listLinks, { ...options, params: { id } })).data,
      add: async (id, link, options) =>
        (await send(routes.addLink, { ...options, params: { id }, body: link })).data,
      remove: async (id, linkId, reason, options) =>
        (await send(routes.removeLink, { ...options, params: { id, linkId }, body: { reason } })).data,
    },
    comments: {
      list: async (id, page, options) =>
        (await send(routes.listComments, { ...options, params: { id }, query: page })).data,
      create: async (id, comment, options) =>
        (await send(routes.createComment, { ...options, params: { id }, body: comment })).data,
    },
  };
}
