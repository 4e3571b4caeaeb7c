import path from 'node:path';
import { defineConfig } from 'vite';

/**
 * The web back office (decision 020): served by the host at /admin from dist/admin. JSX is
 * compiled by Vite's own transformer (React's automatic runtime); no dev-server plugin is
 * needed for a production build.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/admin/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: path.resolve(import.meta.dirname, '../dist/admin'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // antd's files start with "use client" (for React server components, which this is not)
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
});
