/**
 * Canonical JSON (the RFC 8785 subset our data needs): object keys sorted by code unit,
 * no whitespace, `undefined` members dropped. The same value always gives the same bytes,
 * in browsers and Node, so a hash of it can be recomputed years later by anyone.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what JSON escapes
const needsEscaping = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * A string as JSON.stringify writes it. Most strings (ids, names, states) need no escaping and
 * are quoted directly: a native call per string was most of the time of verifying a trail.
 */
function quote(text: string): string {
  return needsEscaping.test(text) ? JSON.stringify(text) : `"${text}"`;
}

export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new TypeError('canonicalJson: non-finite numbers have no JSON form');
    }
    return JSON.stringify(value) ?? 'null';
  }
  // Built by concatenation, without intermediate arrays: verifying an audit trail runs this
  // once per entry, a million times for a large one.
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index++) {
      if (index > 0) text += ',';
      const item = value[index];
      text += item === undefined ? 'null' : canonicalJson(item);
    }
    return `${text}]`;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return canonicalJson((value as { toJSON: () => unknown }).toJSON());
  }
  const object = value as Record<string, unknown>;
  // The default sort compares UTF-16 code units, which is the order RFC 8785 asks for.
  const keys = Object.keys(object).sort();
  let text = '{';
  for (const key of keys) {
    const member = object[key];
    if (member === undefined) continue;
    if (text.length > 1) text += ',';
    text += `${quote(key)}:${canonicalJson(member)}`;
  }
  return `${text}}`;
}
