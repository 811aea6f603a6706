import type { HostObjectKind } from '../links/hostObjectKinds';
import type { RecordType } from '../record-type/defineRecordType';

/** Record types by name and by collection, as server-kit and react look them up. */
export interface RecordTypeRegistry<TTypes extends Record<string, RecordType> = Record<string, RecordType>> {
  readonly types: TTypes;
  readonly list: readonly RecordType[];
  byName(name: string): RecordType | undefined;
  byCollection(collection: string): RecordType | undefined;
  /** The kinds of host object `concerns` links may name; none declared, any is taken. */
  readonly hostObjectKinds?: readonly HostObjectKind[];
}

export interface RegistryOptions {
  /** The host's kinds of object (batch, sample, work order), from `defineHostObjectKind`. */
  hostObjectKinds?: readonly HostObjectKind[];
}

/**
 * Builds a registry. A host adds its own types next to the built-ins:
 *
 * @example
 * const registry = createRegistry({ ...recordTypes, change_control: changeControl });
 * // with the host's kinds of object for `concerns` links:
 * createRegistry(recordTypes, { hostObjectKinds: [defineHostObjectKind({ system: 'mes', kind: 'batch', label: { en: 'Batch', de: 'Charge' } })] });
 */
export function createRegistry<TTypes extends Record<string, RecordType>>(
  types: TTypes,
  options: RegistryOptions = {},
): RecordTypeRegistry<TTypes> {
  const list = Object.values(types);
  const collections = new Map(list.map((type) => [type.collection, type]));
  for (const [key, type] of Object.entries(types)) {
    if (key !== type.name)
      throw new Error(`Registry key ${key} must equal the record type's name ${type.name}`);
  }
  if (collections.size !== list.length) throw new Error('Two record types share a collection name');
  const prefixes = new Set(list.map((type) => type.numberPrefix));
  if (prefixes.size !== list.length) throw new Error('Two record types share a number prefix');
  const hostObjectKinds = options.hostObjectKinds ?? [];
  const hostKeys = new Set(hostObjectKinds.map((kind) => `${kind.system}/${kind.kind}`));
  if (hostKeys.size !== hostObjectKinds.length)
    throw new Error('Two host object kinds share a system and kind');
  return {
    types,
    list,
    byName: (name) => (Object.hasOwn(types, name) ? types[name] : undefined),
    byCollection: (collection) => collections.get(collection),
    hostObjectKinds,
  };
}
