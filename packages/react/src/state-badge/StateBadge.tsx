import type { RecordType } from '@masetra/core';
import { type RecordTypeRef, useRecordType } from '../hooks/useRecordType';
import { type ClassNames, useSlots } from '../internal/classNames';
import { useQms } from '../provider/useQms';
import { stateKindOf } from './stateKind';

export interface StateBadgeProps {
  recordType: RecordTypeRef<RecordType>;
  state: string;
  className?: string;
  classNames?: ClassNames<'root'>;
}

/** A record's lifecycle state as a badge; `data-state` and `data-kind` let a host colour it. */
export function StateBadge({ recordType, state, className, classNames }: StateBadgeProps) {
  const { labels } = useQms();
  const type = useRecordType(recordType);
  const slots = useSlots('state-badge', className, classNames);
  return (
    <span className={slots('root')} data-state={state} data-kind={stateKindOf(type, state)}>
      {labels.state(state)}
    </span>
  );
}
