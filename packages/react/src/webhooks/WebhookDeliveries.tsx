import type { WebhookEndpoint } from '@masetra/core';
import { useId } from 'react';
import type { SlotClasses } from '../internal/classNames';
import { describeError } from '../internal/problems';
import { useQms } from '../provider/useQms';
import { useReplayWebhookDelivery, useWebhookDeliveries } from './useWebhooks';
import type { WebhookSettingsSlot } from './WebhookSettings';

/** An endpoint's delivery log: each try's event, status, response code, duration, and a replay. */
export function WebhookDeliveries({
  endpoint,
  slots,
}: {
  endpoint: WebhookEndpoint;
  slots: SlotClasses<WebhookSettingsSlot>;
}) {
  const { t, format } = useQms();
  const id = useId();
  const deliveries = useWebhookDeliveries(endpoint.id);
  const replay = useReplayWebhookDelivery(endpoint.id);
  return (
    <section aria-labelledby={`${id}-title`} className={slots('deliveries')}>
      <h4 id={`${id}-title`} className={slots.ui('heading')}>
        {t('webhooks.deliveriesOf', { url: endpoint.url })}
      </h4>
      {deliveries.isPending ? (
        <p role="status">{t('common.loading')}</p>
      ) : deliveries.isError ? (
        <p className={slots.ui('alert')} role="alert">
          {describeError(t, deliveries.error)}
        </p>
      ) : deliveries.data.items.length === 0 ? (
        <p className={slots.ui('hint')}>{t('webhooks.noDeliveries')}</p>
      ) : (
        <table className={slots('table')}>
          <caption>{t('webhooks.deliveries')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('webhooks.at')}</th>
              <th scope="col">{t('webhooks.event')}</th>
              <th scope="col">{t('webhooks.status')}</th>
              <th scope="col">{t('webhooks.responseStatus')}</th>
              <th scope="col">{t('webhooks.duration')}</th>
              <th scope="col">{t('webhooks.attempt')}</th>
              <th scope="col">
                <span className={slots.ui('hint')}>{t('webhooks.replay')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {deliveries.data.items.map((delivery) => (
              <tr key={delivery.id} data-status={delivery.status}>
                <td>{format.dateTime(delivery.at)}</td>
                <td>
                  {delivery.eventType}
                  {delivery.recordNumber ? ` ${delivery.recordNumber}` : ''}
                </td>
                <td title={delivery.error ?? undefined}>{t(`webhooks.status.${delivery.status}`)}</td>
                <td>{delivery.responseStatus ?? t('common.emptyValue')}</td>
                <td>{t('webhooks.ms', { ms: format.number(delivery.durationMs) })}</td>
                <td>{format.number(delivery.attempt)}</td>
                <td>
                  <button
                    type="button"
                    className={slots.ui('button')}
                    data-variant="quiet"
                    disabled={replay.isPending || !endpoint.enabled}
                    aria-label={t('webhooks.replayOf', {
                      event: delivery.eventType,
                      at: format.dateTime(delivery.at),
                    })}
                    onClick={() => replay.mutate(delivery.id)}
                  >
                    {t('webhooks.replay')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p role="status" className={slots.ui('status')}>
        {replay.isSuccess ? t('webhooks.replayed') : ''}
      </p>
      {replay.isError && (
        <p className={slots.ui('alert')} role="alert">
          {describeError(t, replay.error)}
        </p>
      )}
    </section>
  );
}
