/** Leading bytes ("magic numbers") of the binary types we accept. Text types have none. */
const signatures: Record<string, number[][]> = {
  'application/pdf': [[0x25, 0x50, 0x44, 0x46]],
  'image/png': [[0x89, 0x50, 0x4e, 0x47]],
  'image/jpeg': [[0xff, 0xd8, 0xff]],
  // Office Open XML files are ZIP archives.
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [[0x50, 0x4b, 0x03, 0x04]],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': [[0x50, 0x4b, 0x03, 0x04]],
};

/**
 * Passes a stream through, failing it when its first bytes contradict the declared content
 * type: a declared PDF that is not a PDF is refused rather than stored under a false label.
 */
export function checkLeadingBytes(contentType: string): TransformStream<Uint8Array, Uint8Array> {
  const expected = signatures[contentType];
  let head = new Uint8Array(0);
  let checked = !expected;
  return new TransformStream({
    transform(chunk, controller) {
      if (!checked && expected) {
        const merged = new Uint8Array(head.length + chunk.length);
        merged.set(head);
        merged.set(chunk, head.length);
        head = merged;
        const needed = Math.max(...expected.map((bytes) => bytes.length));
        if (head.length >= needed) {
          checked = true;
          if (!expected.some((bytes) => bytes.every((byte, index) => head[index] === byte))) {
            controller.error(new TypeError('The file content does not match its declared type'));
            return;
          }
        }
      }
      controller.enqueue(chunk);
    },
    flush(controller) {
      if (!checked) controller.error(new TypeError('The file content does not match its declared type'));
    },
  });
}
