import type { Attachment, RecordType } from '@masetra/core';
import {
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useQms } from '../provider/useQms';
import { qmsKeys } from './qmsKeys';
import { type RecordTypeRef, useRecordType } from './useRecordType';

/** A record's attached files. */
export function useAttachments<T extends RecordType>(
  recordType: RecordTypeRef<T>,
  id: string | undefined,
): UseQueryResult<Attachment[], Error> {
  const { client } = useQms();
  const type = useRecordType(recordType);
  return useQuery({
    queryKey: qmsKeys.attachments(type.name, id ?? ''),
    queryFn: async ({ signal }) =>
      (await client.records(type).attachments.list(id as string, { signal })).items,
    enabled: id !== undefined && id !== '',
  });
}

/** Uploads a file to a record; the server checks its content type against its bytes. */
export function useUploadAttachment<T extends RecordType>(
  recordType: RecordTypeRef<T>,
  id: string,
): UseMutationResult<Attachment, Error, File> {
  const { client } = useQms();
  const type = useRecordType(recordType);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      client
        .records(type)
        .attachments.upload(id, file, { fileName: file.name, contentType: file.type || undefined }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: qmsKeys.attachments(type.name, id) });
      await queryClient.invalidateQueries({ queryKey: qmsKeys.auditTrail(type.name, id) });
    },
  });
}
