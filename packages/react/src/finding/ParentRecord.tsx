import type { RecordType } from '@masetra/core';
import type { RecordViewSectionProps } from '../detail/recordView';
import { useRecord } from '../hooks/useRecord';
import { useRecordType } from '../hooks/useRecordType';
import { useSlots } from '../internal/classNames';
import { describeError } from '../internal/problems';
import { useQms } from '../provider/useQms';
import { StateBadge } from '../state-badge/StateBadge';

/**
 * The record a record hangs under (a finding's audit), by its record type's `parent` link: its
 * number, title and state, and a way to open it where the host page can.
 */
export function ParentRecord({
  record,
  recordType,
  onOpenRecord,
  parent,
}: RecordViewSectionProps & { parent: NonNullable<RecordType['parent']> }) {
  const { t } = useQms();
  const slots = useSlots('parent-record', undefined, undefined);
  const parentType = useRecordType(parent.type);
  const parentId = record[parent.foreignKey] as string;
  const query = useRecord(parentType, parentId);
  const loaded = query.data as (Record<string, unknown> & { number: string; state: string }) | undefined;
  if (query.isError) {
    return (
      <p className={slots.ui('alert')} role="alert">
        {describeError(t, query.error)}
      </p>
    );
  }
  if (!loaded) return <p role="status">{t('common.loading')}</p>;
  const label = `${loaded.number} ${String(loaded[parentType.titleField] ?? '')}`.trim();
  return (
    <p className={slots('root')} data-record-type={recordType.name}>
      {onOpenRecord ? (
        <button
          type="button"
          className={slots.ui('button')}
          data-variant="link"
          onClick={() => onOpenRecord(parentType.name, parentId)}
        >
          {label}
        </button>
      ) : (
        <strong>{label}</strong>
      )}{' '}
      <StateBadge recordType={parentType} state={loaded.state} />
    </p>
  );
}
