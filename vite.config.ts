import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/** Cross-origin isolation lets the engine share typed arrays between workers. */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  worker: { format: 'es' },
  test: {
    environment: 'node',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    // Property tests run thousands of cases; on a busy shared machine they need room. Time is never asserted here.
    testTimeout: 120_000,
    // A failed test runs once more; one that passes only then is listed by `npm test` as flaky, with
    // its first failure, so it is seen and fixed rather than hidden.
    retry: 1,
  },
});
