/** PostgreSQL cuts identifiers at 63 bytes; a hash keeps two long index names from colliding. */
export function indexName(table: string, purpose: string): string {
  const name = `${table}_${purpose.toLowerCase().replaceAll(/[^a-z0-9_]/g, '_')}_idx`;
  if (name.length <= 63) return name;
  let hash = 0x811c9dc5;
  for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return `${name.slice(0, 54)}_${hash.toString(16).padStart(8, '0')}`;
}
