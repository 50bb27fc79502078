// Builds the checkout example's two pages into dist/checkout: `npm run build:example` (the explorer's bundler).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  logLevel: 'warn',
  build: {
    outDir: here('../../dist/checkout'),
    emptyOutDir: true,
    rolldownOptions: {
      input: { checkout: here('index.html'), backOffice: here('back-office.html') },
      // src/gql/ makes every operation of schema/operations/ a `new TypedDocumentString(…)`: pure, so the
      // bundle keeps only the documents the pages use.
      treeshake: { manualPureFunctions: ['TypedDocumentString'] },
    },
  },
});
