/**
 * Opaque keyset cursors: base64url of a small JSON object. Opaque to clients, so the keys
 * inside can change; never trusted, so decoding checks what it gets.
 */
export function encodeCursor(position: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/** The cursor's position object, or null when it is not one of ours. */
export function decodeCursor(cursor: string): Record<string, unknown> | null {
  if (!/^[A-Za-z0-9_-]{1,1000}$/.test(cursor)) return null;
  try {
    const position: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return position !== null && typeof position === 'object' && !Array.isArray(position)
      ? (position as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
