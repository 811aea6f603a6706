import { type DocumentKind, documentRoutes } from '@masetra/core';
import type { CreateOptions, RequestOptions, RouteBody, RouteQuery, RouteResponse } from '../contractTypes';
import type { Transport } from '../internal/transport';
import type { VersionMemory } from '../internal/versionMemory';
import { type DownloadedFile, downloadFile } from './downloadedFile';

type Routes = typeof documentRoutes;

/**
 * Document control: a version's content file, its controlled copy and signature page, the
 * versions of one document number, revisions, and each kind's number prefix. Only where the
 * server serves the built-in `document` type.
 */
export interface DocumentsClient {
  /**
   * Sets the content file (PDF, DOCX, XLSX) of a draft version; the server records its SHA-256
   * in the record, so the version's signatures bind to the file. 409 once the version left draft.
   */
  uploadContent(
    id: string,
    file: Blob | Uint8Array,
    meta: { fileName: string; contentType?: string } & CreateOptions,
  ): Promise<RouteResponse<Routes['uploadDocumentContent']>>;
  /** The content file as uploaded, unchanged. */
  downloadContent(id: string, options?: RequestOptions): Promise<DownloadedFile>;
  /**
   * A PDF content file as a controlled copy: every page stamped, the signature page appended.
   * `purpose: 'print'` names who printed it and when, on the copy and in the audit trail.
   */
  controlledCopy(
    id: string,
    query?: RouteQuery<Routes['documentControlledCopy']>,
    options?: RequestOptions,
  ): Promise<DownloadedFile>;
  /** The version's reviews and approvals as a PDF page, for content files that are not PDFs. */
  signaturePage(id: string, options?: RequestOptions): Promise<DownloadedFile>;
  /** Every version of the document's number, oldest first. */
  versions(id: string, options?: RequestOptions): Promise<RouteResponse<Routes['documentVersions']>>;
  /** Starts a revision of an effective version: a new draft, same number, next minor version. */
  revise(
    id: string,
    input?: RouteBody<Routes['reviseDocument']>,
    options?: CreateOptions,
  ): Promise<RouteResponse<Routes['reviseDocument']>>;
  /** Each document kind and the organization's number prefix for it. */
  kinds(options?: RequestOptions): Promise<RouteResponse<Routes['documentKinds']>>;
  /** Sets a kind's number prefix (administrators); numbers already given keep theirs. */
  setKindPrefix(
    kind: DocumentKind,
    input: RouteBody<Routes['setDocumentKindPrefix']>,
    options?: RequestOptions,
  ): Promise<RouteResponse<Routes['setDocumentKindPrefix']>>;
}

export function createDocumentsClient(send: Transport, versions: VersionMemory): DocumentsClient {
  const routes = documentRoutes;
  return {
    uploadContent: async (id, file, { fileName, contentType, ...options }) => {
      const { data } = await send(routes.uploadDocumentContent, {
        ...options,
        params: { id },
        file: {
          data: file,
          fileName,
          contentType: contentType ?? ((file as Blob).type || 'application/octet-stream'),
        },
      });
      // The upload changed the record: its next change is based on this version.
      versions.remember(data.id, data.version);
      return data;
    },
    downloadContent: (id, options) =>
      downloadFile(send, routes.downloadDocumentContent, { ...options, params: { id } }),
    controlledCopy: (id, query, options) =>
      downloadFile(send, routes.documentControlledCopy, { ...options, params: { id }, query }),
    signaturePage: (id, options) =>
      downloadFile(send, routes.documentSignaturePage, { ...options, params: { id } }),
    versions: async (id, options) =>
      (await send(routes.documentVersions, { ...options, params: { id } })).data,
    revise: async (id, input, options) => {
      const { data } = await send(routes.reviseDocument, { ...options, params: { id }, body: input ?? {} });
      versions.remember(data.id, data.version);
      return data;
    },
    kinds: async (options) => (await send(routes.documentKinds, { ...options })).data,
    setKindPrefix: async (kind, input, options) =>
      (await send(routes.setDocumentKindPrefix, { ...options, params: { kind }, body: input })).data,
  };
}
