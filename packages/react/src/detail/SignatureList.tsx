import type { RecordType } from '@masetra/core';
import { useId } from 'react';
import { type RecordTypeRef, useRecordType } from '../hooks/useRecordType';
import { useSignatures } from '../hooks/useSignatures';
import { type ClassNames, useSlots } from '../internal/classNames';
import { describeError } from '../internal/problems';
import { useQms } from '../provider/useQms';

export type SignatureListSlot = 'root' | 'title' | 'list' | 'signature' | 'manifestation' | 'meta';

export interface SignatureListProps {
  recordType: RecordTypeRef<RecordType>;
  id: string;
  className?: string;
  classNames?: ClassNames<SignatureListSlot>;
}

/**
 * A record's electronic signatures, each with its manifestation (printed name, meaning, time,
 * 21 CFR 11.50) in the provider's language, the step it signed and the record version.
 */
export function SignatureList({ recordType, id, className, classNames }: SignatureListProps) {
  const { t, labels, format } = useQms();
  const type = useRecordType(recordType);
  const slots = useSlots('signatures', className, classNames);
  const headingId = useId();
  const signatures = useSignatures(type, id);
  const items = signatures.data ?? [];
  return (
    <section className={slots('root')} aria-labelledby={headingId}>
      <h3 id={headingId} className={slots.ui('heading', slots('title'))}>
        {t('detail.signatures')}
      </h3>
      {signatures.isPending ? (
        <p role="status">{t('common.loading')}</p>
      ) : signatures.isError ? (
        <p className={slots.ui('alert')} role="alert">
          {describeError(t, signatures.error)}
        </p>
      ) : items.length === 0 ? (
        <p className={slots.ui('hint')}>{t('detail.noSignatures')}</p>
      ) : (
        <ul className={slots('list')}>
          {items.map((signature) => (
            <li key={signature.id} className={slots('signature')} data-meaning={signature.meaning}>
              <p className={slots('manifestation')}>
                {t('signature.manifestation', {
                  meaning: t(`meaning.${signature.meaning}.verb`),
                  name: signature.signerName,
                  time: format.dateTime(signature.signedAt),
                })}
              </p>
              <p className={slots('meta')}>
                {t('detail.signatureOf', {
                  event: labels.event(signature.event),
                  version: signature.recordVersion,
                })}
                {' · '}
                <time
                  dateTime={signature.signedAt}
                >{`${signature.signedAt.slice(0, 10)} ${signature.signedAt.slice(11, 19)} UTC`}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
