import type { RecordType } from '@masetra/core';
import type { ReactNode } from 'react';
import { describeField, type FieldDescriptor } from '../form/describeField';
import type { QmsContextValue } from '../provider/QmsContext';
import { useQms } from '../provider/useQms';

const personField = /^(ownerId|createdBy|signerId|uploadedBy)$|(By|AuditorId|UserId)$/;

/** The descriptor of a field of a record type, or of a base field such as `createdAt`. */
export function fieldDescriptorOf(recordType: RecordType, field: string): FieldDescriptor | undefined {
  if (field === 'createdAt' || field === 'updatedAt') return { kind: 'dateTime', optional: false };
  if (field === 'version') return { kind: 'number', optional: false, integer: true };
  const schema = recordType.fields[field];
  return schema ? describeField(schema) : undefined;
}

/** A value as text, by what the field is: translated enums, formatted dates, people's names. */
export function formatFieldValue(
  qms: Pick<QmsContextValue, 't' | 'labels' | 'format' | 'userName'>,
  recordType: RecordType | undefined,
  field: string,
  value: unknown,
): string {
  const { t, labels, format, userName } = qms;
  if (value === undefined || value === null || value === '') return t('common.emptyValue');
  if (field === 'state' && typeof value === 'string') return labels.state(value);
  if (personField.test(field) && typeof value === 'string') return userName(value);
  const descriptor = recordType ? fieldDescriptorOf(recordType, field) : undefined;
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number') return format.number(value);
  if (typeof value === 'string') {
    if (descriptor?.kind === 'enum') return labels.value(value);
    if (descriptor?.kind === 'dateTime') return format.dateTime(value);
    if (descriptor?.kind === 'date') return format.date(value);
    return value;
  }
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value.length === 0 ? t('common.emptyValue') : format.list(value as string[]);
  }
  return JSON.stringify(value);
}

/** A field's value, formatted; dates in a `<time>` element. */
export function FieldValue({
  recordType,
  field,
  value,
}: {
  recordType: RecordType;
  field: string;
  value: unknown;
}): ReactNode {
  const qms = useQms();
  const text = formatFieldValue(qms, recordType, field, value);
  const kind = fieldDescriptorOf(recordType, field)?.kind;
  if (typeof value === 'string' && (kind === 'dateTime' || kind === 'date')) {
    return <time dateTime={value}>{text}</time>;
  }
  return text;
}
