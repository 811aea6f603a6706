import type { RecordTypeRegistry } from '../registry/createRegistry';
import { capaTaskRoutes } from './capaTaskRoutes';
import type { RouteDefinition } from './defineRoute';
import { documentRoutes } from './documentRoutes';
import { kitRoutes } from './kitRoutes';
import { recordRoutes } from './recordRoutes';
import { trainingRoutes } from './trainingRoutes';

/** The server kit's whole API for one registry: every collection's routes and the kit's own. */
export interface Contract {
  routes: readonly RouteDefinition[];
  byId: ReadonlyMap<string, RouteDefinition>;
}

export function buildContract(registry: RecordTypeRegistry): Contract {
  const routes: RouteDefinition[] = [
    ...Object.values(kitRoutes),
    ...(registry.byName('document') ? Object.values(trainingRoutes) : []),
    ...(registry.byCollection('documents')?.name === 'document' ? Object.values(documentRoutes) : []),
    ...registry.list.flatMap((recordType) => Object.values(recordRoutes(recordType)) as RouteDefinition[]),
    // Tasks across CAPAs, where the registry serves the built-in CAPA.
    ...(registry.byName('capa') ? Object.values(capaTaskRoutes) : []),
  ];
  return { routes, byId: new Map(routes.map((route) => [route.id, route])) };
}
