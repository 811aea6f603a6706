import type { RecordBase } from '@masetra/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useSlots } from '../internal/classNames';
import { useQms } from '../provider/useQms';
import { StateBadge } from '../state-badge/StateBadge';

export interface RecordLinkPickerProps {
  /** The record types a record may be chosen from. */
  recordTypes: readonly string[];
  /** A record that may not be chosen (the record being linked from). */
  excludeId?: string;
  /** The chosen record, or undefined while none is. */
  value: RecordBase | undefined;
  onChange: (record: RecordBase | undefined) => void;
  /** The field's label. */
  label: string;
}

const MAX_MATCHES = 8;

/**
 * A combobox that finds records by number or title through each record type's list query
 * (`?q=`). Arrow keys move through the matches, Enter chooses one, Escape closes the list.
 */
export function RecordLinkPicker({ recordTypes, excludeId, value, onChange, label }: RecordLinkPickerProps) {
  const { client, registry, t, labels } = useQms();
  const slots = useSlots('record-link-picker', undefined, undefined);
  const id = useId();
  const listboxId = `${id}-listbox`;
  const hintId = `${id}-hint`;
  const [text, setText] = useState(value ? value.number : '');
  const [open, setOpen] = useState(false);
  // The option the arrow keys are on; -1 while none is.
  const [active, setActive] = useState(-1);
  const q = text.trim();
  const search = useQuery({
    queryKey: ['masetra', 'link-search', recordTypes, q],
    queryFn: async ({ signal }) => {
      const pages = await Promise.all(
        recordTypes.map((name) => {
          const type = registry.byName(name);
          if (!type) return { items: [] as RecordBase[] };
          return client.records(type).list({ q, limit: MAX_MATCHES } as never, { signal });
        }),
      );
      return pages.flatMap((page) => page.items as RecordBase[]).filter((record) => record.id !== excludeId);
    },
    enabled: open && q.length > 0,
    placeholderData: keepPreviousData,
  });
  const matches = q.length > 0 ? (search.data ?? []) : [];
  useEffect(() => {
    if (active >= matches.length) setActive(-1);
  }, [active, matches.length]);

  const titleOf = (record: RecordBase) => {
    const type = registry.byName(record.type);
    return type ? String((record as Record<string, unknown>)[type.titleField] ?? '') : '';
  };
  const choose = (record: RecordBase) => {
    onChange(record);
    setText(`${record.number} ${titleOf(record)}`.trim());
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((index) => (matches.length === 0 ? -1 : (index + 1) % matches.length));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => (matches.length === 0 ? -1 : (index <= 0 ? matches.length : index) - 1));
    } else if (event.key === 'Enter') {
      const record = matches[active];
      if (open && record) {
        event.preventDefault();
        choose(record);
      }
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  };
  const expanded = open && q.length > 0;
  const optionId = (index: number) => `${id}-option-${index}`;

  return (
    <div className={slots.ui('field', slots('root'))}>
      <label className={slots.ui('label')} htmlFor={`${id}-input`}>
        {label}
      </label>
      <input
        id={`${id}-input`}
        className={slots.ui('input')}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listboxId}
        aria-describedby={hintId}
        aria-activedescendant={expanded && matches[active] ? optionId(active) : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
          if (value) onChange(undefined);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <p id={hintId} className={slots.ui('hint')}>
        {t('links.searchHint')}
      </p>
      <div id={listboxId} role="listbox" aria-label={label} className={slots('listbox')} hidden={!expanded}>
        {matches.map((record, index) => (
          // Options are reached through aria-activedescendant: focus stays in the input (ARIA combobox pattern).
          <div
            key={record.id}
            tabIndex={-1}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className={slots('option')}
            data-active={index === active || undefined}
            // Chosen on mouse down, before the input's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(record);
            }}
          >
            <strong>{record.number}</strong> {titleOf(record)}{' '}
            <span className={slots('optionType')}>{labels.recordType(record.type)}</span>{' '}
            <StateBadge recordType={record.type} state={record.state} />
          </div>
        ))}
      </div>
      {expanded && (
        <p className={slots.ui('status')} role="status">
          {search.isFetching && matches.length === 0
            ? t('links.searching')
            : !search.isFetching && matches.length === 0
              ? t('links.noMatches')
              : ''}
        </p>
      )}
    </div>
  );
}
