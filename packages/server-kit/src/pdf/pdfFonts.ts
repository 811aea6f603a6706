/** The TrueType fonts every PDF export embeds, so German (ä ö ü ß, „quotes“) and most of Latin render. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Names the exports pick fonts by. */
export const pdfFont = { body: 'Body', bold: 'Bold' } as const;

const files = {
  [pdfFont.body]: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  [pdfFont.bold]: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
} as const;

let loaded: Record<string, Buffer> | undefined;

/**
 * The font files, read once per process. Resolved as a package, so they are found from
 * `src` under test and from the built `dist` alike, in ESM and in CommonJS (where
 * `import.meta.url` is empty and `require` is the module's own).
 */
function fontFiles(): Record<string, Buffer> {
  if (loaded) return loaded;
  // A bundler's ESM stand-in for `require` is a function without `resolve`: only a real one will do.
  const resolver =
    typeof require === 'function' && typeof require.resolve === 'function'
      ? require
      : createRequire(import.meta.url);
  loaded = Object.fromEntries(
    Object.entries(files).map(([name, file]) => [name, readFileSync(resolver.resolve(file))]),
  );
  return loaded;
}

/** Registers the body and bold fonts on a document and makes the body font current. */
export function registerPdfFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, bytes] of Object.entries(fontFiles())) doc.registerFont(name, bytes);
  doc.font(pdfFont.body);
}
