/** SQL for the record types' own fields, which live in the `data` jsonb column. */

/** A field name safe to splice into SQL text (index definitions cannot take parameters). */
export function assertFieldName(field: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(field))
    throw new Error(`Field name ${field} is not usable in SQL`);
  return field;
}

/** `(data->>'severity')`: the text of a top-level field. */
export function dataFieldText(field: string): string {
  return `(data->>'${assertFieldName(field)}')`;
}
