import * as z from 'zod/mini';
import { importJobSchema, importQuerySchema, importReportSchema } from '../imports/importJob';
import type { RecordType } from '../record-type/defineRecordType';
import { defineRoute } from './defineRoute';

/**
 * The route that imports a CSV or XLSX file as records of one type. Served before
 * `/{collection}/{id}`, like the exports, so `import` is never read as an id.
 */
export function recordImportRoutes<T extends RecordType>(recordType: T) {
  return {
    import: defineRoute({
      id: `${recordType.collection}.import`,
      kind: 'recordImport',
      method: 'POST',
      path: `/${recordType.collection}/import`,
      summary: `Import ${recordType.collection} from CSV or XLSX (raw body): ?dryRun=true (the default) answers 200 with each row's problems, ?dryRun=false 202 with the job that creates them`,
      recordType: recordType.name,
      tags: [recordType.collection],
      query: importQuerySchema,
      bodyKind: 'binary',
      response: z.union([importReportSchema, importJobSchema]),
      successStatus: 202,
      problems: [400, 401, 403, 413, 415, 422],
    }),
  };
}

/** Import jobs, whichever collection they fill. */
export const importRoutes = {
  importJob: defineRoute({
    id: 'imports.get',
    kind: 'importJob',
    method: 'GET',
    path: '/imports/{id}',
    summary: 'An import job: its state, progress (rows done of total) and the records it created',
    tags: ['imports'],
    params: z.strictObject({ id: z.uuid() }),
    response: importJobSchema,
    successStatus: 200,
    problems: [401, 404],
  }),
};
