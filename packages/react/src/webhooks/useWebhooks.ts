// Webhook endpoints as TanStack Query hooks: the list, registering, changing, rotating, deleting,
// an endpoint's delivery log and replaying one delivery.
import type {
  Page,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointChanges,
  WebhookEndpointInput,
  WebhookEndpointWithSecret,
  WebhookReplay,
} from '@masetra/core';
import {
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useQms } from '../provider/useQms';

const keys = {
  all: () => ['masetra', 'webhooks'] as const,
  deliveries: (id: string) => ['masetra', 'webhooks', id, 'deliveries'] as const,
};

/** The organization's webhook endpoints (administrators). */
export function useWebhooks(): UseQueryResult<WebhookEndpoint[], Error> {
  const { client } = useQms();
  return useQuery({
    queryKey: keys.all(),
    queryFn: async ({ signal }) => (await client.webhooks.list({ signal })).items,
  });
}

function useInvalidating<TData, TInput>(
  mutationFn: (input: TInput) => Promise<TData>,
): UseMutationResult<TData, Error, TInput> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all() }),
  });
}

/** Registers an endpoint; the answer carries its secret, which is never shown again. */
export function useCreateWebhook() {
  const { client } = useQms();
  return useInvalidating<WebhookEndpointWithSecret, WebhookEndpointInput>((input) =>
    client.webhooks.create(input),
  );
}

/** Changes an endpoint, based on the version the screen shows (`If-Match`). */
export function useUpdateWebhook() {
  const { client } = useQms();
  return useInvalidating<
    WebhookEndpoint,
    { endpoint: Pick<WebhookEndpoint, 'id' | 'version'>; changes: WebhookEndpointChanges }
  >(({ endpoint, changes }) => client.webhooks.update(endpoint.id, changes, { version: endpoint.version }));
}

export function useDeleteWebhook() {
  const { client } = useQms();
  return useInvalidating<WebhookEndpoint, Pick<WebhookEndpoint, 'id' | 'version'>>((endpoint) =>
    client.webhooks.delete(endpoint.id, { version: endpoint.version }),
  );
}

/** A new secret, shown once; the old one keeps signing for a day. */
export function useRotateWebhookSecret() {
  const { client } = useQms();
  return useInvalidating<WebhookEndpointWithSecret, string>((id) => client.webhooks.rotateSecret(id));
}

/** The newest page of an endpoint's delivery log. */
export function useWebhookDeliveries(id: string): UseQueryResult<Page<WebhookDelivery>, Error> {
  const { client } = useQms();
  return useQuery({
    queryKey: keys.deliveries(id),
    queryFn: ({ signal }) => client.webhooks.deliveries(id, { limit: 50 }, { signal }),
  });
}

/** Sends a delivery's event again; the log is read anew. */
export function useReplayWebhookDelivery(id: string): UseMutationResult<WebhookReplay, Error, string> {
  const { client } = useQms();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId) => client.webhooks.replay(id, deliveryId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.deliveries(id) }),
  });
}
