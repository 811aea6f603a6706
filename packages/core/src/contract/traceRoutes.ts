import * as z from 'zod/mini';
import { traceSchema } from '../links/traceSchemas';
import type { RecordType } from '../record-type/defineRecordType';
import { defineRoute } from './defineRoute';

/**
 * `GET /{collection}/{id}/trace`: the record's chain over links, both directions, within
 * `traceLimits`, in its organization, leaving out records the caller may not read.
 */
export function traceRoutes<T extends RecordType>(recordType: T) {
  return {
    trace: defineRoute({
      id: `${recordType.collection}.trace`,
      kind: 'trace',
      method: 'GET',
      path: `/${recordType.collection}/{id}/trace`,
      summary: `The ${recordType.name}'s traceability chain: linked records, their links' records, and so on`,
      tags: [recordType.collection],
      recordType: recordType.name,
      params: z.strictObject({ id: z.uuid() }),
      response: traceSchema,
      successStatus: 200,
      problems: [401, 404],
    }),
  };
}
