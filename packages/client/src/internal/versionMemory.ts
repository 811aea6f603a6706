/**
 * The version this client last read per record id, the default `If-Match` of its next change.
 * Bounded, oldest forgotten first, so a long-lived client listing many records stays small.
 */
export interface VersionMemory {
  get(id: string): number | undefined;
  remember(id: string, version: number): void;
}

export function createVersionMemory(capacity = 10_000): VersionMemory {
  const versions = new Map<string, number>();
  return {
    get: (id) => versions.get(id),
    remember(id, version) {
      // Re-inserting moves the id to the newest end, so eviction drops the least recently seen.
      versions.delete(id);
      versions.set(id, version);
      if (versions.size > capacity) versions.delete(versions.keys().next().value as string);
    },
  };
}

/** The version an ETag names: `"3"`, `W/"3"` or `3`. */
export function versionOfEtag(etag: string | null): number | undefined {
  const match = etag ? /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(etag) : null;
  return match ? Number(match[1]) : undefined;
}
