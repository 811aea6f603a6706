// Saved reports as TanStack Query hooks: the list the caller may see, saving, changing and deleting one.
import type { SavedReport, SavedReportChanges, SavedReportInput } from '@masetra/core';
import {
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { qmsKeys } from '../hooks/qmsKeys';
import { useQms } from '../provider/useQms';

/** The saved reports the signed-in user may see: their own and those shared with one of their roles. */
export function useSavedReports(): UseQueryResult<SavedReport[], Error> {
  const { client } = useQms();
  return useQuery({
    queryKey: qmsKeys.savedReports(),
    queryFn: async ({ signal }) => (await client.reports.listSaved({ signal })).items,
  });
}

/** Saves a new report. */
export function useCreateSavedReport(): UseMutationResult<SavedReport, Error, SavedReportInput> {
  const { client } = useQms();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input) => client.reports.createSaved(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: qmsKeys.savedReports() }),
  });
}

/** Changes a saved report, based on the version the screen shows (`If-Match`). */
export function useUpdateSavedReport(): UseMutationResult<
  SavedReport,
  Error,
  { report: Pick<SavedReport, 'id' | 'version'>; changes: SavedReportChanges }
> {
  const { client } = useQms();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ report, changes }) =>
      client.reports.updateSaved(report.id, changes, { version: report.version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: qmsKeys.savedReports() }),
  });
}

/** Deletes a saved report, based on the version the screen shows. */
export function useDeleteSavedReport(): UseMutationResult<
  SavedReport,
  Error,
  Pick<SavedReport, 'id' | 'version'>
> {
  const { client } = useQms();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (report) => client.reports.deleteSaved(report.id, { version: report.version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: qmsKeys.savedReports() }),
  });
}
