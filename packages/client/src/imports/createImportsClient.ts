import {
  type ImportJob,
  type ImportReport,
  importContentTypes,
  importRoutes,
  type RecordType,
  recordImportRoutes,
} from '@masetra/core';
import type { RequestOptions } from '../contractTypes';
import type { Transport } from '../internal/transport';

/** The file to import: its bytes, its name, and CSV or XLSX (from the name when left out). */
export interface ImportFile {
  data: Blob | Uint8Array;
  fileName: string;
  contentType?: string;
}

/**
 * Records from a CSV or XLSX file: check it first (the problems of each row, by row and column,
 * nothing written), then import it as a background job and follow its progress.
 */
export interface ImportsClient {
  /** A dry run: how many rows, how many would be created, and each problem. Writes nothing. */
  check<T extends RecordType>(
    recordType: T,
    file: ImportFile,
    options?: RequestOptions,
  ): Promise<ImportReport>;
  /**
   * Starts the import (202): a job that creates the records as the signed-in user. The same
   * file again answers the same job and creates nothing twice; a file with problems is a 422.
   */
  start<T extends RecordType>(recordType: T, file: ImportFile, options?: RequestOptions): Promise<ImportJob>;
  /** An import job: its state, `rowsDone` of `rowsTotal`, and the records created so far. */
  job(id: string, options?: RequestOptions): Promise<ImportJob>;
}

const routesByType = new WeakMap<RecordType, ReturnType<typeof recordImportRoutes>>();

function routeOf(recordType: RecordType) {
  let routes = routesByType.get(recordType);
  if (!routes) {
    routes = recordImportRoutes(recordType);
    routesByType.set(recordType, routes);
  }
  return routes.import;
}

function contentTypeOf(file: ImportFile): string {
  if (file.contentType) return file.contentType;
  return /\.xlsx$/i.test(file.fileName) ? importContentTypes.xlsx : importContentTypes.csv;
}

export function createImportsClient(send: Transport): ImportsClient {
  const upload = async (
    recordType: RecordType,
    file: ImportFile,
    dryRun: 'true' | 'false',
    options?: RequestOptions,
  ) =>
    (
      await send(routeOf(recordType), {
        ...options,
        query: { dryRun },
        file: { data: file.data, fileName: file.fileName, contentType: contentTypeOf(file) },
      })
    ).data;
  return {
    check: async (recordType, file, options) =>
      (await upload(recordType, file, 'true', options)) as ImportReport,
    start: async (recordType, file, options) =>
      (await upload(recordType, file, 'false', options)) as ImportJob,
    job: async (id, options) => (await send(importRoutes.importJob, { ...options, params: { id } })).data,
  };
}
