import { defineConfig } from 'vitest/config';

// End-to-end tests: a real API process and Debian's Chromium, one file at a time.
// CI asks for a JSON report beside the console one, to print one closing count.
const jsonReport = process.env.VITEST_JSON_REPORT;

export default defineConfig({
  resolve: { conditions: ['development'] },
  ssr: { resolve: { conditions: ['development'] } },
  test: {
    include: ['e2e/**/*.e2e.ts'],
    reporters: jsonReport ? ['default', ['json', { outputFile: jsonReport }]] : ['default'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
