import type { MyTraining, SignatureInput, TrainingMatrix, TrainingTask } from '@masetra/core';
import {
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useQms } from '../provider/useQms';

/** Query keys of training, under the package's root key so `qmsKeys.all` covers them. */
export const trainingKeys = {
  all: ['masetra', 'training'] as const,
  mine: () => ['masetra', 'training', 'mine'] as const,
  matrix: () => ['masetra', 'training', 'matrix'] as const,
};

/** The signed-in user's training tasks, open ones first, with open and overdue counts. */
export function useMyTraining(options: { enabled?: boolean } = {}): UseQueryResult<MyTraining, Error> {
  const { client } = useQms();
  return useQuery({
    queryKey: trainingKeys.mine(),
    queryFn: ({ signal }) => client.training.mine({ signal }),
    enabled: options.enabled,
  });
}

/** People × current effective documents (for the roles the permission matrix allows). */
export function useTrainingMatrix(
  options: { enabled?: boolean } = {},
): UseQueryResult<TrainingMatrix, Error> {
  const { client } = useQms();
  return useQuery({
    queryKey: trainingKeys.matrix(),
    queryFn: ({ signal }) => client.training.matrix({ signal }),
    enabled: options.enabled,
  });
}

/** Acknowledges a task with a "read and understood" signature; training lists refresh afterwards. */
export function useAcknowledgeTraining(): UseMutationResult<
  TrainingTask,
  Error,
  { taskId: string; signature: SignatureInput }
> {
  const { client, signing } = useQms();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, signature }) =>
      client.training.acknowledge(taskId, { ...signature, meaning: 'read_and_understood' }),
    // The variables carry the signer's password: keep the finished mutation no longer than needed.
    gcTime: 0,
    onSuccess: async () => {
      signing.markSigned();
      await queryClient.invalidateQueries({ queryKey: trainingKeys.all });
    },
  });
}
