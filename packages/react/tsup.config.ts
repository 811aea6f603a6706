import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defineConfig, type Options } from 'tsup';

/**
 * dist/styles.css: the files `src/styles.css` imports, concatenated in its order. A plain
 * stylesheet, nothing injected at run time, so a strict Content-Security-Policy holds.
 */
function buildStyles() {
  const entry = 'src/styles.css';
  const imports = [...readFileSync(entry, 'utf8').matchAll(/@import\s+["']([^"']+)["'];/g)].map(
    (match) => match[1]!,
  );
  const header =
    '/* @masetra/react: every rule in the `masetra` cascade layer, so the host’s CSS wins. */\n@layer masetra;\n';
  const body = imports.map((path) => readFileSync(join(dirname(entry), path), 'utf8').trim()).join('\n\n');
  writeFileSync('dist/styles.css', `${header}\n${body}\n`);
}

const shared: Options = {
  // `charts` is an entry of its own: the chart library is only in what a host imports from `@masetra/react/charts`.
  entry: { index: 'src/index.ts', charts: 'src/charts/index.ts' },
  // `styles.css.d.ts` types the stylesheet's export, for checkers of side-effect imports (and attw).
  dts: { entry: { index: 'src/index.ts', charts: 'src/charts/index.ts', 'styles.css': 'src/stylesheet.ts' } },
  sourcemap: true,
  target: 'es2022',
  // Peers: the host's own copies, so a host's QueryClient and ours share one context.
  external: ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query'],
};

export default defineConfig([
  { ...shared, format: ['esm'], clean: true, onSuccess: async () => buildStyles() },
  // TanStack Table 9 ships ESM only, which `require` loads only from Node 20.19 on: the
  // CommonJS build carries its own copy so CommonJS callers on any Node 20 work.
  { ...shared, format: ['cjs'], noExternal: ['@tanstack/react-table', '@tanstack/table-core'] },
]);
