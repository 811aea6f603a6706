import { deviation } from '../deviation';
import { createRegistry } from './createRegistry';

/** The built-in record types, keyed by name. */
export const recordTypes = { deviation } as const;

/** The built-in registry; a host that adds its own types builds one with `createRegistry`. */
export const builtInRegistry = createRegistry(recordTypes);
