import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The demo calls the API on its own origin (`/api/v1`). In development, Vite forwards those
// calls to a reference server started with `pnpm start` (MASETRA_API_ORIGIN to point elsewhere).
const apiOrigin = process.env.MASETRA_API_ORIGIN ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  // The set-up page and the demo's dev mailbox are the reference server's own pages.
  server: { proxy: { '/api': apiOrigin, '/setup': apiOrigin, '/mailbox': apiOrigin } },
  preview: { proxy: { '/api': apiOrigin, '/setup': apiOrigin, '/mailbox': apiOrigin } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Every page needs the SDK (its schemas, lifecycles and table): one chunk of ~250 kB gzipped.
    chunkSizeWarningLimit: 1024,
  },
});
