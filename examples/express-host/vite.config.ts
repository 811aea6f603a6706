import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The LIMS's browser app. `pnpm start` serves the build from the Express server, which answers
// its own API and the QMS (/qms) on the same origin, so the session cookie goes along.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1024 },
});
