import { v7 as uuidv7 } from 'uuid';
import { InvalidFileKeyError } from './FileStore';

/** Lowercase letters, digits and inner hyphens: nothing a path could be made of (`..`, `/`, `\`). */
const fileKeyPattern = /^[a-z0-9](?:[a-z0-9-]{0,126}[a-z0-9])?$/;

/** A fresh key for a file: a UUIDv7, which sorts by upload time. */
export function newFileKey(): string {
  return uuidv7();
}

export function isFileKey(key: string): boolean {
  return fileKeyPattern.test(key);
}

export function assertFileKey(key: string): string {
  if (typeof key !== 'string' || !isFileKey(key)) throw new InvalidFileKeyError();
  return key;
}
