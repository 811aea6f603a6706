import type { WebhookEndpoint, WebhookEndpointWithSecret } from '@masetra/core';
import { useId, useState } from 'react';
import { type ClassNames, useSlots } from '../internal/classNames';
import { describeError } from '../internal/problems';
import { useQms } from '../provider/useQms';
import { useDeleteWebhook, useRotateWebhookSecret, useUpdateWebhook, useWebhooks } from './useWebhooks';
import { WebhookDeliveries } from './WebhookDeliveries';
import { WebhookRegisterForm } from './WebhookRegisterForm';

export type WebhookSettingsSlot =
  | 'root'
  | 'title'
  | 'list'
  | 'endpoint'
  | 'form'
  | 'events'
  | 'event'
  | 'secret'
  | 'deliveries'
  | 'table';

export interface WebhookSettingsProps {
  /** The heading; "Webhooks" by default. */
  title?: string;
  className?: string;
  classNames?: ClassNames<WebhookSettingsSlot>;
}

/**
 * The organization's outbound webhooks, for its administrators: the endpoints with their event
 * types and state, registering one (its signing secret shown this once), rotating the secret,
 * disabling, enabling and deleting, and each endpoint's delivery log with replay. Anyone else is
 * told by the server's answer that their roles do not allow it.
 *
 * @example
 * <WebhookSettings />
 */
export function WebhookSettings({ title, className, classNames }: WebhookSettingsProps) {
  const { t } = useQms();
  const slots = useSlots<WebhookSettingsSlot>('webhook-settings', className, classNames);
  const id = useId();
  const endpoints = useWebhooks();
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  const rotate = useRotateWebhookSecret();
  const [secret, setSecret] = useState<{ url: string; secret: string } | undefined>();
  const [open, setOpen] = useState<string | undefined>();
  const showSecret = (endpoint: WebhookEndpointWithSecret) =>
    setSecret({ url: endpoint.url, secret: endpoint.secret });
  const failed = update.error ?? remove.error ?? rotate.error;

  const actions = (endpoint: WebhookEndpoint) => (
    <>
      <button
        type="button"
        className={slots.ui('button')}
        aria-expanded={open === endpoint.id}
        onClick={() => setOpen(open === endpoint.id ? undefined : endpoint.id)}
      >
        {t('webhooks.showDeliveries')}
      </button>{' '}
      <button
        type="button"
        className={slots.ui('button')}
        disabled={rotate.isPending}
        onClick={() => rotate.mutate(endpoint.id, { onSuccess: showSecret })}
      >
        {t('webhooks.rotate')}
      </button>{' '}
      <button
        type="button"
        className={slots.ui('button')}
        disabled={update.isPending}
        onClick={() => update.mutate({ endpoint, changes: { enabled: !endpoint.enabled } })}
      >
        {endpoint.enabled ? t('webhooks.disable') : t('webhooks.enable')}
      </button>{' '}
      <button
        type="button"
        className={slots.ui('button')}
        data-variant="quiet"
        disabled={remove.isPending}
        onClick={() => remove.mutate(endpoint)}
      >
        {t('webhooks.delete')}
      </button>
    </>
  );

  return (
    <section className={slots('root')} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={slots.ui('heading', slots('title'))}>
        {title ?? t('webhooks.title')}
      </h2>
      {secret && (
        <div className={slots('secret')} role="alert">
          <p>{t('webhooks.secretOnce', { url: secret.url })}</p>
          <p>
            {t('webhooks.secret')}: <code>{secret.secret}</code>
          </p>
          <button type="button" className={slots.ui('button')} onClick={() => setSecret(undefined)}>
            {t('webhooks.secretStored')}
          </button>
        </div>
      )}
      {endpoints.isPending ? (
        <p role="status">{t('common.loading')}</p>
      ) : endpoints.isError ? (
        <div className={slots.ui('alert')} role="alert">
          <p>{describeError(t, endpoints.error)}</p>
        </div>
      ) : (
        <>
          {endpoints.data.length === 0 ? (
            <p className={slots.ui('hint')}>{t('webhooks.empty')}</p>
          ) : (
            <ul className={slots('list')} aria-label={t('webhooks.endpoints')}>
              {endpoints.data.map((endpoint) => (
                <li key={endpoint.id} className={slots('endpoint')} data-enabled={endpoint.enabled}>
                  <strong>{endpoint.url}</strong>{' '}
                  <span className={slots.ui('hint')}>
                    {endpoint.enabled ? t('webhooks.enabled') : t('webhooks.disabled')}
                  </span>
                  {endpoint.description && <p>{endpoint.description}</p>}
                  {endpoint.disabledReason && <p className={slots.ui('hint')}>{endpoint.disabledReason}</p>}
                  <p className={slots.ui('hint')}>{endpoint.eventTypes.join(', ')}</p>
                  {actions(endpoint)}
                  {open === endpoint.id && <WebhookDeliveries endpoint={endpoint} slots={slots} />}
                </li>
              ))}
            </ul>
          )}
          <WebhookRegisterForm onRegistered={showSecret} slots={slots} />
        </>
      )}
      {failed && (
        <p className={slots.ui('alert')} role="alert">
          {describeError(t, failed)}
        </p>
      )}
    </section>
  );
}
