// The document-control calls of a version's page as TanStack Query hooks: its versions, its
// content file, a revision, and the downloads.
import type { DownloadedFile } from '@masetra/client';
import type { ControlledDocument, RecordType } from '@masetra/core';
import {
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { qmsKeys } from '../hooks/qmsKeys';
import { useQms } from '../provider/useQms';
import { saveBlob } from './saveBlob';

/** The query key of the versions of a document's number, under the version's own key. */
export const documentVersionsKey = (recordType: string, id: string) =>
  [...qmsKeys.record(recordType, id), 'versions'] as const;

/** Every version of the document's number, oldest first. */
export function useDocumentVersions(
  recordType: RecordType,
  id: string,
): UseQueryResult<ControlledDocument[], Error> {
  const { client } = useQms();
  return useQuery({
    queryKey: documentVersionsKey(recordType.name, id),
    queryFn: async ({ signal }) => (await client.documents.versions(id, { signal })).items,
  });
}

/** After a version changed, the versions of its number changed too (under whichever version they were read). */
async function invalidateVersions(queryClient: ReturnType<typeof useQueryClient>, recordType: string) {
  await queryClient.invalidateQueries({
    predicate: (query) => query.queryKey[2] === recordType && query.queryKey.at(-1) === 'versions',
  });
}

/** Sets a draft version's content file; the answer is the record with the file's SHA-256 in it. */
export function useUploadDocumentContent(
  recordType: RecordType,
  id: string,
): UseMutationResult<ControlledDocument, Error, File> {
  const { client } = useQms();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      client.documents.uploadContent(id, file, { fileName: file.name, contentType: file.type || undefined }),
    onSuccess: async (document) => {
      queryClient.setQueryData(qmsKeys.record(recordType.name, id), document);
      await queryClient.invalidateQueries({ queryKey: qmsKeys.auditTrail(recordType.name, id) });
      await invalidateVersions(queryClient, recordType.name);
    },
  });
}

/** Starts a revision of the effective version: a new draft of the same number. */
export function useStartRevision(
  recordType: RecordType,
  id: string,
): UseMutationResult<ControlledDocument, Error, { reason?: string }> {
  const { client } = useQms();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input) => client.documents.revise(id, input.reason ? { reason: input.reason } : {}),
    onSuccess: async () => {
      await invalidateVersions(queryClient, recordType.name);
      await queryClient.invalidateQueries({ queryKey: [...qmsKeys.records(recordType.name), 'list'] });
    },
  });
}

/** What a download of a version is: its stamped copy to view or print, its file unchanged, or its signature page. */
export type DocumentDownload = 'view' | 'print' | 'file' | 'signatures';

/** Downloads one form of a version and hands it to the browser under the server's file name. */
export function useDocumentDownload(
  document: Pick<ControlledDocument, 'id' | 'number' | 'versionLabel' | 'contentFile'>,
): UseMutationResult<DownloadedFile, Error, DocumentDownload> {
  const { client } = useQms();
  return useMutation({
    mutationFn: (kind: DocumentDownload) => {
      if (kind === 'file') return client.documents.downloadContent(document.id);
      if (kind === 'signatures') return client.documents.signaturePage(document.id);
      return client.documents.controlledCopy(document.id, { purpose: kind });
    },
    onSuccess: (file, kind) => {
      const base = `${document.number} v${document.versionLabel ?? ''}`.trim();
      const fallback =
        kind === 'file'
          ? (document.contentFile?.fileName ?? base)
          : `${base}${kind === 'signatures' ? ' signatures' : ''}.pdf`;
      saveBlob(file.blob, file.fileName ?? fallback);
    },
  });
}
