import type { NextConfig } from 'next';

const config: NextConfig = {
  // The build goes to dist/, which the repository's lint and git ignore like every other build.
  distDir: 'dist',
  // Loaded by Node, not bundled: PGlite reads its WebAssembly and data files beside its module,
  // argon2 is a native addon.
  // Masetra: PGlite stays external.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2'],
  // Masetra: end.
  // `pnpm typecheck` checks the example; the build does not do it again.
  typescript: { ignoreBuildErrors: true },
};

export default config;
