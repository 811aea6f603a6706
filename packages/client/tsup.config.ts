import { defineConfig } from 'tsup';

const shared = { entry: ['src/index.ts'], dts: true, sourcemap: true, target: 'es2022' } as const;

export default defineConfig([
  { ...shared, format: ['esm'], clean: true },
  // ky ships ESM only, which `require` loads only from Node 20.19 on: the CommonJS build
  // carries its own copy so CommonJS callers on any Node 20 work.
  { ...shared, format: ['cjs'], noExternal: ['ky'] },
]);
