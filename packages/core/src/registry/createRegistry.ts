import type { RecordType } from '../record-type/defineRecordType';

/** Record types by name and by collection, as server-kit and react look them up. */
export interface RecordTypeRegistry<TTypes extends Record<string, RecordType> = Record<string, RecordType>> {
  readonly types: TTypes;
  readonly list: readonly RecordType[];
  byName(name: string): RecordType | undefined;
  byCollection(collection: string): RecordType | undefined;
}

/**
 * Builds a registry. A host adds its own types next to the built-ins:
 *
 * @example
 * const registry = createRegistry({ ...recordTypes, change_control: changeControl });
 */
export function createRegistry<TTypes extends Record<string, RecordType>>(
  types: TTypes,
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
  return {
    types,
    list,
    byName: (name) => (Object.hasOwn(types, name) ? types[name] : undefined),
    byCollection: (collection) => collections.get(collection),
  };
}
