// Builds the offline explorer (src/explorer) into dist/explorer: `npm run build:explorer`, part of `npm run build`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  // Relative asset URLs: the page works wherever the gateway mounts it (/explorer/).
  base: './',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../dist/explorer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      // React's and GraphiQL's "use no memo" directives are for the React compiler, which this build does not
      // run; dropping them is what is wanted, so the warning each one raises is not shown.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
