/** Version labels of controlled documents: `0.1`, `0.2` while in work, `1.0`, `2.0` once approved. */

/** `major.minor`, each up to four digits. */
export const versionLabelPattern = /^(\d{1,4})\.(\d{1,4})$/;

/** The label of a new document, and of one whose label the server has not set yet. */
export const FIRST_VERSION_LABEL = '0.1';

function parseVersionLabel(label: string): [major: number, minor: number] {
  const match = versionLabelPattern.exec(label);
  if (!match) throw new RangeError(`Not a document version label: ${label}`);
  return [Number(match[1]), Number(match[2])];
}

/** Whether a string is a version label such as `0.1` or `2.0`. */
export function isVersionLabel(label: string): boolean {
  return versionLabelPattern.test(label);
}

/**
 * The next working version: what a revision after requested changes carries.
 *
 * @example
 * nextMinorVersion('0.1'); // '0.2'
 * nextMinorVersion('1.0'); // '1.1'
 */
export function nextMinorVersion(label: string): string {
  const [major, minor] = parseVersionLabel(label);
  return `${major}.${minor + 1}`;
}

/**
 * The version an approval gives.
 *
 * @example
 * nextMajorVersion('0.3'); // '1.0'
 * nextMajorVersion('1.2'); // '2.0'
 */
export function nextMajorVersion(label: string): string {
  const [major] = parseVersionLabel(label);
  return `${major + 1}.0`;
}

/** A document's label, `0.1` when none is set yet. */
export function versionLabelOf(doc: { versionLabel?: string | undefined }): string {
  return doc.versionLabel ?? FIRST_VERSION_LABEL;
}
