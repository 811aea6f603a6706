import {
  IMPORT_MAX_ROWS,
  type ImportCell,
  type ImportProblem,
  type ImportReport,
  importRowInput,
  type Principal,
  type RecordType,
  resolveImportColumns,
} from '@masetra/core';
import { ProblemError } from '../http/ProblemError';
import { problems } from '../http/problems';
import type { QmsOptions } from '../services/QmsOptions';
import { assertActiveUserReferences } from '../services/userReferences';
import type { ImportRow } from './readImportFile';

/** A row that passed every check: the create body it becomes. */
export interface ImportInput {
  row: number;
  fields: Record<string, unknown>;
}

/**
 * Checks a file's rows exactly as the creates will: columns against the type's fields, each
 * cell by its field's schema, each row by the create input, and the people it names by the
 * host's `activeUsers` as a create does. The dry run answers the report; the real run refuses
 * a file with any problem, so a job never stops half-way on a row it could have refused first.
 */
export async function checkImportRows(
  options: QmsOptions,
  principal: Principal,
  recordType: RecordType,
  file: { header: ImportCell[]; rows: ImportRow[] },
): Promise<{ report: ImportReport; inputs: ImportInput[] }> {
  if (file.rows.length === 0)
    throw problems.validation(
      'The file holds no records below its header.',
      [{ pointer: '', detail: 'No rows.' }],
      'import_empty',
    );
  if (file.rows.length > IMPORT_MAX_ROWS)
    throw problems.validation(
      `The file holds ${file.rows.length} rows; an import takes at most ${IMPORT_MAX_ROWS}.`,
      [{ pointer: '', detail: 'Too many rows.' }],
      'import_too_large',
    );
  const { columns, problems: found } = resolveImportColumns(recordType, file.header);
  const all: ImportProblem[] = [...found];
  const inputs: ImportInput[] = [];
  for (const { row, cells } of file.rows) {
    const checked = importRowInput(recordType, columns, cells, row);
    all.push(...checked.problems);
    if (!checked.input) continue;
    try {
      await assertActiveUserReferences(options, { principal, recordType, fields: checked.input });
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      for (const issue of error.problem.errors ?? [])
        all.push({
          row,
          column: issue.pointer.split('/')[1] ?? null,
          code: 'invalid_value',
          detail: issue.detail,
        });
      continue;
    }
    inputs.push({ row, fields: checked.input });
  }
  return {
    report: { rows: file.rows.length, valid: found.length > 0 ? 0 : inputs.length, problems: all },
    inputs: found.length > 0 ? [] : inputs,
  };
}
