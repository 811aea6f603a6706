import type { WebhookEndpointWithSecret } from '@masetra/core';
import { type FormEvent, useId, useState } from 'react';
import type { SlotClasses } from '../internal/classNames';
import { describeError } from '../internal/problems';
import { useQms } from '../provider/useQms';
import { useCreateWebhook } from './useWebhooks';
import type { WebhookSettingsSlot } from './WebhookSettings';

/** The verbs offered per record type: the moves and changes a receiver usually waits for. */
export const offeredWebhookVerbs = ['created', 'updated', 'transitioned', 'signed'] as const;

/** Registers an endpoint: its URL, a description and the event types it receives, by checkbox. */
export function WebhookRegisterForm({
  onRegistered,
  slots,
}: {
  onRegistered(endpoint: WebhookEndpointWithSecret): void;
  slots: SlotClasses<WebhookSettingsSlot>;
}) {
  const { t, labels, registry } = useQms();
  const id = useId();
  const create = useCreateWebhook();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [eventTypes, setEventTypes] = useState<ReadonlySet<string>>(new Set());
  const toggle = (type: string, on: boolean) =>
    setEventTypes((current) => {
      const next = new Set(current);
      if (on) next.add(type);
      else next.delete(type);
      return next;
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { url: url.trim(), description: description.trim(), eventTypes: [...eventTypes] },
      {
        onSuccess: (endpoint) => {
          setUrl('');
          setDescription('');
          setEventTypes(new Set());
          onRegistered(endpoint);
        },
      },
    );
  };
  return (
    <form className={slots('form')} aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h3 id={`${id}-title`} className={slots.ui('heading')}>
        {t('webhooks.register')}
      </h3>
      <label className={slots.ui('field')} htmlFor={`${id}-url`}>
        {t('webhooks.url')}
      </label>
      <input
        id={`${id}-url`}
        className={slots.ui('input')}
        type="url"
        required
        placeholder="https://erp.example.com/masetra"
        value={url}
        onChange={(event) => setUrl(event.target.value)}
      />
      <label className={slots.ui('field')} htmlFor={`${id}-description`}>
        {t('webhooks.description')}
      </label>
      <input
        id={`${id}-description`}
        className={slots.ui('input')}
        value={description}
        onChange={(event) => setDescription(event.target.value)}
      />
      <fieldset className={slots('events')}>
        <legend>{t('webhooks.eventTypes')}</legend>
        {registry.list.map((recordType) =>
          offeredWebhookVerbs.map((verb) => {
            const type = `${recordType.name}.${verb}`;
            return (
              <label key={type} className={slots('event')}>
                <input
                  type="checkbox"
                  className={slots.ui('checkbox')}
                  checked={eventTypes.has(type)}
                  onChange={(event) => toggle(type, event.target.checked)}
                />{' '}
                {t('webhooks.eventLabel', {
                  recordType: labels.recordType(recordType.name),
                  verb: t(`webhooks.verb.${verb}`),
                })}
              </label>
            );
          }),
        )}
      </fieldset>
      <button
        type="submit"
        className={slots.ui('button')}
        data-variant="primary"
        disabled={create.isPending || eventTypes.size === 0}
      >
        {create.isPending ? t('common.saving') : t('webhooks.register')}
      </button>
      {create.isError && (
        <p className={slots.ui('alert')} role="alert">
          {describeError(t, create.error)}
        </p>
      )}
    </form>
  );
}
