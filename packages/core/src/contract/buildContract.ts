import type { RecordTypeRegistry } from '../registry/createRegistry';
import { capaTaskRoutes } from './capaTaskRoutes';
import type { RouteDefinition } from './defineRoute';
import { documentRoutes } from './documentRoutes';
import { exportRoutes, recordExportRoutes } from './exportRoutes';
import { importRoutes, recordImportRoutes } from './importRoutes';
import { kitRoutes } from './kitRoutes';
import { outboxRoutes } from './outboxRoutes';
import { pdfRoutes } from './pdfRoutes';
import { recordRoutes } from './recordRoutes';
import { recordReportRoute, reportRoutes } from './reportRoutes';
import { trainingRoutes } from './trainingRoutes';
import { webhookRoutes } from './webhookRoutes';

/** The server kit's whole API for one registry: every collection's routes and the kit's own. */
export interface Contract {
  routes: readonly RouteDefinition[];
  byId: ReadonlyMap<string, RouteDefinition>;
}

export function buildContract(registry: RecordTypeRegistry): Contract {
  const routes: RouteDefinition[] = [
    ...Object.values(kitRoutes),
    ...Object.values(outboxRoutes),
    ...Object.values(webhookRoutes),
    ...pdfRoutes(registry),
    ...(registry.byName('document') ? Object.values(trainingRoutes) : []),
    ...(registry.byCollection('documents')?.name === 'document' ? Object.values(documentRoutes) : []),
    ...Object.values(exportRoutes),
    // Before the record routes: `/{collection}/export.csv` must not be read as `/{collection}/{id}`.
    ...registry.list.flatMap(
      (recordType) => Object.values(recordExportRoutes(recordType)) as RouteDefinition[],
    ),
    ...Object.values(importRoutes),
    // Before the record routes too: `/{collection}/import` is no id.
    ...registry.list.flatMap(
      (recordType) => Object.values(recordImportRoutes(recordType)) as RouteDefinition[],
    ),
    ...registry.list.flatMap((recordType) => Object.values(recordRoutes(recordType)) as RouteDefinition[]),
    ...Object.values(reportRoutes),
    ...registry.list.map((recordType) => recordReportRoute(recordType) as RouteDefinition),
    // Tasks across CAPAs, where the registry serves the built-in CAPA.
    ...(registry.byName('capa') ? Object.values(capaTaskRoutes) : []),
  ];
  return { routes, byId: new Map(routes.map((route) => [route.id, route])) };
}
