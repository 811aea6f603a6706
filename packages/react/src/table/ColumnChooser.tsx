import { useId, useRef, useState } from 'react';
import type { SlotClasses } from '../internal/classNames';
import { useQms } from '../provider/useQms';
import type { RecordTableSlot } from './RecordTable';

export interface ChoosableColumn {
  id: string;
  label: string;
  visible: boolean;
  toggle(visible: boolean): void;
}

/** A disclosure with one checkbox per column. Escape closes it and returns focus to its button. */
export function ColumnChooser({
  columns,
  slots,
}: {
  columns: readonly ChoosableColumn[];
  slots: SlotClasses<RecordTableSlot>;
}) {
  const { t } = useQms();
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const visibleCount = columns.filter((column) => column.visible).length;

  return (
    <div className={slots('columnChooser')}>
      <button
        ref={button}
        type="button"
        className={slots.ui('button')}
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen(!open)}
      >
        {t('table.columns')}
      </button>
      {open && (
        <fieldset
          id={`${id}-panel`}
          className={slots('columnPanel')}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              setOpen(false);
              button.current?.focus();
            }
          }}
        >
          <legend>{t('table.chooseColumns')}</legend>
          {columns.map((column) => (
            <label key={column.id} className={slots.ui('checkbox')}>
              <input
                type="checkbox"
                checked={column.visible}
                // The last visible column stays: a table of no columns shows nothing to open.
                disabled={column.visible && visibleCount === 1}
                onChange={(event) => column.toggle(event.target.checked)}
              />
              {column.label}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
