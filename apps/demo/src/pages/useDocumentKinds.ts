// The organization's document kinds with their number prefixes, as the demo's document pages read them.
import { useQuery } from '@tanstack/react-query';
import { qms } from '../session/api';

export const documentKindsKey = ['demo', 'document-kinds'] as const;

export function useDocumentKinds() {
  return useQuery({
    queryKey: documentKindsKey,
    queryFn: async ({ signal }) => (await qms.documents.kinds({ signal })).items,
  });
}
