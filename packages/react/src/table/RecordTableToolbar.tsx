import type { RecordType } from '@masetra/core';
import { type ReactNode, useId } from 'react';
import { describeField } from '../form/describeField';
import type { SlotClasses } from '../internal/classNames';
import { useQms } from '../provider/useQms';
import type { RecordTableSlot } from './RecordTable';

export interface RecordTableFilters {
  q: string;
  /** Exact-match filters by field; `''` for all. */
  fields: Record<string, string>;
}

/** Search and filter controls of a record table; each change asks the server again. */
export function RecordTableToolbar({
  recordType,
  filters,
  filterFields,
  searchable,
  onChange,
  slots,
  children,
}: {
  recordType: RecordType;
  filters: RecordTableFilters;
  filterFields: readonly string[];
  searchable: boolean;
  onChange(filters: RecordTableFilters): void;
  slots: SlotClasses<RecordTableSlot>;
  children?: ReactNode;
}) {
  const { t, labels } = useQms();
  const id = useId();
  const setField = (field: string, value: string) =>
    onChange({ ...filters, fields: { ...filters.fields, [field]: value } });

  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is too new for the browsers and screen readers hosts support
    <div className={slots('toolbar')} role="search" aria-label={t('table.filters')}>
      {searchable && (
        <div className={slots.ui('field')}>
          <label className={slots.ui('label')} htmlFor={`${id}-q`}>
            {t('table.search')}
          </label>
          <input
            id={`${id}-q`}
            className={slots.ui('input')}
            type="search"
            value={filters.q}
            placeholder={t('table.searchPlaceholder', { type: labels.recordType(recordType.name, true) })}
            onChange={(event) => onChange({ ...filters, q: event.target.value })}
          />
        </div>
      )}
      {filterFields.map((field) => {
        const schema = recordType.fields[field];
        const options = field === 'state' ? recordType.states : schema && describeField(schema).options;
        const label = labels.field(recordType.name, field);
        return (
          <div key={field} className={slots.ui('field')}>
            <label className={slots.ui('label')} htmlFor={`${id}-${field}`}>
              {label}
            </label>
            {options ? (
              <select
                id={`${id}-${field}`}
                className={slots.ui('select')}
                value={filters.fields[field] ?? ''}
                onChange={(event) => setField(field, event.target.value)}
              >
                <option value="">{t('table.filterAll')}</option>
                {options.map((option) => (
                  <option key={option} value={option}>
                    {field === 'state' ? labels.state(option) : labels.value(option)}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={`${id}-${field}`}
                className={slots.ui('input')}
                value={filters.fields[field] ?? ''}
                onChange={(event) => setField(field, event.target.value)}
              />
            )}
          </div>
        );
      })}
      {children}
    </div>
  );
}
