import type { ReactNode } from 'react';
import type { SlotClasses } from '../internal/classNames';
import { useQms } from '../provider/useQms';
import type { FieldDescriptor } from './describeField';
import type { InputValue } from './formValues';
import type { RecordFormSlot } from './RecordForm';

/** One labelled input of a record form, chosen by what the field is, with its hint and error. */
export function FormField({
  id,
  name,
  label,
  descriptor,
  value,
  required,
  error,
  disabled,
  onChange,
  slots,
}: {
  id: string;
  name: string;
  label: string;
  descriptor: FieldDescriptor;
  value: InputValue;
  required: boolean;
  error: string | undefined;
  disabled?: boolean;
  onChange(value: InputValue): void;
  slots: SlotClasses<RecordFormSlot>;
}) {
  const { t, labels } = useQms();
  const hintId = descriptor.kind === 'stringList' ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const common = {
    id,
    name,
    required,
    disabled,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined,
  } as const;
  const text = typeof value === 'string' ? value : '';

  let input: ReactNode;
  switch (descriptor.kind) {
    case 'boolean':
      return (
        <div className={slots.ui('field', slots('field'))} data-kind={descriptor.kind}>
          <label className={slots.ui('checkbox')}>
            <input
              {...common}
              type="checkbox"
              checked={value === true}
              onChange={(event) => onChange(event.target.checked)}
            />
            {label}
            {required && <span className={slots('required')}> {t('common.requiredMark')}</span>}
          </label>
          {error && (
            <p id={errorId} className={slots.ui('error')}>
              {error}
            </p>
          )}
        </div>
      );
    case 'enum':
      input = (
        <select
          {...common}
          className={slots.ui('select')}
          value={text}
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">{t('form.choose')}</option>
          {descriptor.options?.map((option) => (
            <option key={option} value={option}>
              {labels.value(option)}
            </option>
          ))}
        </select>
      );
      break;
    case 'longText':
    case 'stringList':
      input = (
        <textarea
          {...common}
          className={slots.ui('textarea')}
          value={text}
          rows={descriptor.kind === 'longText' ? 4 : 3}
          onChange={(event) => onChange(event.target.value)}
        />
      );
      break;
    default:
      input = (
        <input
          {...common}
          className={slots.ui('input')}
          type={
            descriptor.kind === 'dateTime'
              ? 'datetime-local'
              : descriptor.kind === 'date'
                ? 'date'
                : descriptor.kind === 'number'
                  ? 'number'
                  : 'text'
          }
          maxLength={descriptor.kind === 'text' ? descriptor.maxLength : undefined}
          min={descriptor.min}
          max={descriptor.max}
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      );
  }
  return (
    <div className={slots.ui('field', slots('field'))} data-kind={descriptor.kind}>
      <label className={slots.ui('label')} htmlFor={id}>
        {label}
        {required && <span className={slots('required')}> {t('common.requiredMark')}</span>}
      </label>
      {input}
      {hintId && (
        <p id={hintId} className={slots.ui('hint')}>
          {t('form.listHint')}
        </p>
      )}
      {error && (
        <p id={errorId} className={slots.ui('error')}>
          {error}
        </p>
      )}
    </div>
  );
}
