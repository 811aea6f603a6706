import { isProblemError, type RecordChanges, type RecordCreateInput } from '@masetra/client';
import {
  initialStateOf,
  linkOwnedFields,
  type RecordBase,
  type RecordOf,
  type RecordType,
} from '@masetra/core';
import { type FormEvent, useId, useMemo, useRef, useState } from 'react';
import { useCreateRecord } from '../hooks/useCreateRecord';
import { type RecordTypeRef, useRecordType } from '../hooks/useRecordType';
import { useUpdateRecord } from '../hooks/useUpdateRecord';
import { type ClassNames, useSlots } from '../internal/classNames';
import { describeError, fieldOfPointer } from '../internal/problems';
import { useQms } from '../provider/useQms';
import { describeField, type FieldDescriptor } from './describeField';
import { FormField } from './FormField';
import { fromInputValue, type InputValue, toInputValue } from './formValues';

export type RecordFormSlot =
  | 'root'
  | 'title'
  | 'summary'
  | 'fields'
  | 'field'
  | 'required'
  | 'reason'
  | 'actions';

export interface RecordFormProps<T extends RecordType = RecordType> {
  recordType: RecordTypeRef<T>;
  /** The record to edit; without one the form creates a draft. */
  record?: RecordOf<T>;
  /** The fields to show, in order; every field the form can edit by default. */
  fields?: readonly string[];
  /** Values a new record starts with, e.g. `{ auditId }` for a finding; fields given here are not shown. */
  defaults?: Readonly<Record<string, unknown>>;
  /** The form's heading; "New deviation" or "Edit DEV-2026-0001" by default. `null` for none. */
  title?: string | null;
  onSaved?: (record: RecordOf<T>) => void;
  onCancel?: () => void;
  className?: string;
  classNames?: ClassNames<RecordFormSlot>;
}

/** Fields the lifecycle sets, never a person (besides those the record type declares its lifecycle's). */
const lifecycleOwnedFields = new Set(['versionLabel', 'nextReviewDue']);

/** The fields a form edits by default: every field of a kind it has an input for. */
export function formFieldsOf(recordType: RecordType, editing: boolean): string[] {
  const linkOwned = new Set(linkOwnedFields(recordType.name));
  return Object.entries(recordType.fields)
    .filter(([field, schema]) => {
      if (lifecycleOwnedFields.has(field) || recordType.lifecycleFields?.includes(field)) return false;
      // A deviation's linked CAPAs and earlier occurrences are links: the Links section changes them.
      if (linkOwned.has(field)) return false;
      if (editing && field === recordType.parent?.foreignKey) return false;
      return describeField(schema).kind !== 'structured';
    })
    .map(([field]) => field);
}

/**
 * A form generated from a record type's fields: text inputs, textareas for long text,
 * selects for enums, checkboxes for booleans, date and date-time inputs, lines for lists.
 * It creates a draft, or edits a record (asking the reason a change past draft needs).
 * Errors show beside their fields, from local checks and from the server's problem+json
 * `errors[]` pointers alike.
 *
 * @example
 * <RecordForm recordType="deviation" onSaved={(deviation) => navigate(deviation.id)} />
 * <RecordForm recordType="deviation" record={deviation} onSaved={close} />
 */
export function RecordForm<T extends RecordType = RecordType>({
  recordType,
  record,
  fields,
  defaults,
  title,
  onSaved,
  onCancel,
  className,
  classNames,
}: RecordFormProps<T>) {
  const { t, labels } = useQms();
  const type = useRecordType(recordType);
  const slots = useSlots('record-form', className, classNames);
  const id = useId();
  const editing = record !== undefined;
  const base = record as (RecordBase & Record<string, unknown>) | undefined;
  const create = useCreateRecord(type);
  const update = useUpdateRecord(type);
  const formRef = useRef<HTMLFormElement>(null);

  const shown = useMemo(() => {
    // Never as raw lines, even when asked for by name: the server keeps them in step with links.
    const linkOwned = new Set(linkOwnedFields(type.name));
    return (fields ?? formFieldsOf(type, editing)).filter(
      (field) => type.fields[field] && !(defaults && field in defaults) && !linkOwned.has(field),
    );
  }, [fields, type, editing, defaults]);
  const descriptors = useMemo(
    () => Object.fromEntries(shown.map((field) => [field, describeField(type.fields[field]!)])),
    [shown, type],
  ) as Record<string, FieldDescriptor>;
  const required = new Set<string>(editing ? [] : (type.createRequired as readonly string[]));
  const needsReason = editing && base !== undefined && base.state !== initialStateOf(type);

  const initial = () =>
    Object.fromEntries(shown.map((field) => [field, toInputValue(descriptors[field]!, base?.[field])]));
  const [values, setValues] = useState<Record<string, InputValue>>(initial);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string[]>([]);
  const pending = create.isPending || update.isPending;

  const focusFirstError = () =>
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const nextErrors: Record<string, string> = {};
    const parsed: Record<string, unknown> = {};
    for (const field of shown) {
      const descriptor = descriptors[field]!;
      const result = fromInputValue(t, descriptor, values[field], required.has(field));
      if (!result.ok) nextErrors[field] = result.error;
      else if (result.value !== undefined) parsed[field] = result.value;
      else if (
        editing &&
        base?.[field] !== undefined &&
        (descriptor.kind === 'text' || descriptor.kind === 'longText')
      ) {
        // Text clears to an empty string; the contract has no way to unset other kinds of field.
        parsed[field] = '';
      }
    }
    const changes = editing
      ? Object.fromEntries(
          Object.entries(parsed).filter(
            ([field, value]) => JSON.stringify(value) !== JSON.stringify(base?.[field]),
          ),
        )
      : { ...defaults, ...parsed };
    if (needsReason && !reason.trim()) nextErrors.reason = t('reason.required');
    // The record type's own schema has the last word on what is valid (patterns, refinements).
    if (Object.keys(nextErrors).length === 0) {
      const checked = (editing ? type.updateInput : type.createInput).safeParse(changes);
      if (!checked.success) {
        for (const issue of checked.error.issues) {
          const field = String(issue.path[0] ?? '');
          nextErrors[field] ??= t('form.invalidValue');
        }
      }
    }
    setErrors(nextErrors);
    if (Object.keys(nextErrors).length > 0) {
      setSummary([t('form.errorSummary')]);
      focusFirstError();
      return;
    }
    if (editing && Object.keys(changes).length === 0) {
      setSummary([t('form.noChanges')]);
      return;
    }
    setSummary([]);
    try {
      const saved = editing
        ? await update.mutateAsync({
            id: base!.id,
            version: base!.version,
            changes: changes as RecordChanges<T>,
            reason: needsReason ? reason.trim() : undefined,
          })
        : await create.mutateAsync(changes as RecordCreateInput<T>);
      onSaved?.(saved);
    } catch (error) {
      const issues = isProblemError(error) ? error.errors : [];
      const mapped: Record<string, string> = {};
      const unmapped: string[] = [];
      for (const issue of issues) {
        const field =
          issue.pointer === '/reason' ? 'reason' : fieldOfPointer(issue.pointer, editing ? '/changes' : '');
        if (field && (shown.includes(field) || (field === 'reason' && needsReason)))
          mapped[field] ??= issue.detail;
        else unmapped.push(field ? `${labels.field(type.name, field)}: ${issue.detail}` : issue.detail);
      }
      setErrors(mapped);
      setSummary([describeError(t, error), ...unmapped]);
      focusFirstError();
    }
  };

  const heading =
    title === null
      ? undefined
      : (title ??
        (editing
          ? t('form.editTitle', { number: base!.number })
          : t('form.createTitle', { type: labels.recordType(type.name) })));

  return (
    <form
      ref={formRef}
      className={slots('root')}
      onSubmit={submit}
      noValidate
      aria-labelledby={heading ? `${id}-heading` : undefined}
      aria-label={heading ? undefined : labels.recordType(type.name)}
    >
      {heading && (
        <h2 id={`${id}-heading`} className={slots.ui('heading', slots('title'))}>
          {heading}
        </h2>
      )}
      {summary.length > 0 && (
        <div className={slots.ui('alert', slots('summary'))} role="alert">
          {summary.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
      <div className={slots('fields')}>
        {shown.map((field) => (
          <FormField
            key={field}
            id={`${id}-field-${field}`}
            name={field}
            label={labels.field(type.name, field)}
            descriptor={descriptors[field]!}
            value={values[field]}
            required={required.has(field)}
            error={errors[field]}
            disabled={pending}
            onChange={(value) => setValues((current) => ({ ...current, [field]: value }))}
            slots={slots}
          />
        ))}
      </div>
      {needsReason && (
        <div className={slots.ui('field', slots('reason'))}>
          <label className={slots.ui('label')} htmlFor={`${id}-reason`}>
            {t('form.reason')}
            <span className={slots('required')}> {t('common.requiredMark')}</span>
          </label>
          <textarea
            id={`${id}-reason`}
            className={slots.ui('textarea')}
            value={reason}
            required
            disabled={pending}
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={[`${id}-reason-hint`, errors.reason && `${id}-reason-error`]
              .filter(Boolean)
              .join(' ')}
            onChange={(event) => setReason(event.target.value)}
          />
          <p id={`${id}-reason-hint`} className={slots.ui('hint')}>
            {t('form.reasonHint')}
          </p>
          {errors.reason && (
            <p id={`${id}-reason-error`} className={slots.ui('error')}>
              {errors.reason}
            </p>
          )}
        </div>
      )}
      <div className={slots('actions')}>
        {onCancel && (
          <button type="button" className={slots.ui('button')} onClick={onCancel} disabled={pending}>
            {t('common.cancel')}
          </button>
        )}
        <button type="submit" className={slots.ui('button')} data-variant="primary" disabled={pending}>
          {pending ? t('common.saving') : editing ? t('form.save') : t('form.create')}
        </button>
      </div>
    </form>
  );
}
