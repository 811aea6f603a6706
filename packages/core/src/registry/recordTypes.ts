import { audit } from '../audit';
import { capa } from '../capa';
import { deviation } from '../deviation';
import { controlledDocument } from '../document';
import { finding } from '../finding';
import { createRegistry } from './createRegistry';

/** The built-in record types, keyed by name. */
export const recordTypes = { deviation, capa, document: controlledDocument, audit, finding } as const;

/** The built-in registry; a host that adds its own types builds one with `createRegistry`. */
export const builtInRegistry = createRegistry(recordTypes);
