import { problems } from '../http/problems';

/** An opaque cursor over an id-ordered list (UUIDv7 ids sort by creation time). */
export function encodeCursor(lastId: string): string {
  return Buffer.from(lastId, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[0-9a-f-]{36}$/.test(id)) {
    throw problems.invalidQuery([{ pointer: '/cursor', detail: 'Not a cursor this API issued.' }]);
  }
  return id;
}
