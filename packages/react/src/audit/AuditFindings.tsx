import { can, type RecordBase, type RecordOf, type RecordType, stateHasTag } from '@masetra/core';
import { useId, useState } from 'react';
import { RecordForm } from '../form/RecordForm';
import { useRecords } from '../hooks/useRecords';
import { type RecordTypeRef, useRecordType } from '../hooks/useRecordType';
import { type ClassNames, useSlots } from '../internal/classNames';
import { FieldValue } from '../internal/FieldValue';
import { describeError } from '../internal/problems';
import { useQms } from '../provider/useQms';
import { StateBadge } from '../state-badge/StateBadge';

export type AuditFindingsSlot = 'root' | 'title' | 'summary' | 'list' | 'finding' | 'form';

export interface AuditFindingsProps<T extends RecordType = RecordType> {
  /** The audit, as loaded. */
  audit: RecordBase;
  /** The audit's record type; the one its `type` names in the provider's registry by default. */
  auditType?: RecordTypeRef<RecordType>;
  /** The finding record type; the built-in `finding` by default. */
  findingType?: RecordTypeRef<T>;
  /** Called when a finding is opened. */
  onOpenFinding?: (finding: RecordOf<T>) => void;
  /**
   * Whether it is its own region with a heading (the default); `false` inside a page section
   * that is titled already, as on `RecordDetail`.
   */
  titled?: boolean;
  className?: string;
  classNames?: ClassNames<AuditFindingsSlot>;
}

/**
 * The findings of an audit, with how many are still open (the report is issued only when
 * none is), and a form to record a new finding while the audit's state is `editable`.
 *
 * @example
 * <AuditFindings audit={audit} onOpenFinding={(finding) => open('finding', finding.id)} />
 */
export function AuditFindings<T extends RecordType = RecordType>({
  audit,
  auditType,
  findingType = 'finding',
  onOpenFinding,
  titled = true,
  className,
  classNames,
}: AuditFindingsProps<T>) {
  const { t, principal, format } = useQms();
  const type = useRecordType(findingType);
  const parentType = useRecordType(auditType ?? audit.type);
  const slots = useSlots('audit-findings', className, classNames);
  const id = useId();
  const [adding, setAdding] = useState(false);
  const foreignKey = type.parent?.foreignKey ?? 'auditId';
  // The foreign key is known only at run time: ask as for any record type.
  const findings = useRecords<RecordType>(type, {
    filters: { [foreignKey]: audit.id },
    sort: 'number',
    pageSize: 200,
  });
  const list = (findings.data ?? []) as (RecordBase & Record<string, unknown>)[];
  const open = list.filter((finding) => !type.finalStates.includes(finding.state)).length;
  const mayAdd =
    principal !== undefined &&
    can(principal, type, 'create') &&
    stateHasTag(parentType, audit.state, 'editable');

  const Root = titled ? 'section' : 'div';

  return (
    <Root className={slots('root')} aria-labelledby={titled ? `${id}-title` : undefined}>
      {titled && (
        <h3 id={`${id}-title`} className={slots.ui('heading', slots('title'))}>
          {t('findings.title')}
        </h3>
      )}
      {findings.isPending ? (
        <p role="status">{t('common.loading')}</p>
      ) : findings.isError ? (
        <p className={slots.ui('alert')} role="alert">
          {describeError(t, findings.error)}
        </p>
      ) : list.length === 0 ? (
        <p className={slots.ui('hint')}>{t('findings.empty')}</p>
      ) : (
        <>
          <p className={slots('summary')}>
            {t('findings.openCount', { count: format.number(open), total: format.number(list.length) })}
          </p>
          <ul className={slots('list')}>
            {list.map((finding) => (
              <li key={finding.id} className={slots('finding')} data-state={finding.state}>
                {onOpenFinding ? (
                  <button
                    type="button"
                    className={slots.ui('button')}
                    data-variant="link"
                    onClick={() => onOpenFinding(finding as RecordOf<T>)}
                  >
                    {finding.number}
                  </button>
                ) : (
                  <strong>{finding.number}</strong>
                )}{' '}
                {String(finding[type.titleField] ?? '')}{' '}
                {typeof finding.classification === 'string' && (
                  <span>
                    (<FieldValue recordType={type} field="classification" value={finding.classification} />){' '}
                  </span>
                )}
                <StateBadge recordType={type} state={finding.state} />
              </li>
            ))}
          </ul>
        </>
      )}
      {mayAdd &&
        (adding ? (
          <RecordForm
            className={slots('form')}
            recordType={type}
            defaults={{ [foreignKey]: audit.id }}
            fields={['title', 'classification', 'description', 'requirementRef', 'dueAt'].filter(
              (field) => field in type.fields,
            )}
            title={t('findings.new')}
            onSaved={() => setAdding(false)}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <button type="button" className={slots.ui('button')} onClick={() => setAdding(true)}>
            {t('findings.new')}
          </button>
        ))}
    </Root>
  );
}
