import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

const api = 'http://localhost:3000';

/** The client's own modules, but for the pages that draw curves (they import the charts). */
const ownCode =
  /[\\/]apps[\\/]web[\\/]src[\\/](?!charts[\\/]|pages[\\/](series|plans|curve-report)[\\/])/;

export default defineConfig({
  plugins: [react()],
  // 'development' makes workspace packages (@rba/domain, @rba/schema) resolve to their sources.
  resolve: { conditions: ['development', ...defaultClientConditions] },
  server: {
    proxy: {
      '/api': api,
      '/docs': api,
      '/healthz': api,
      '/readyz': api,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // The framework changes less often than the app: its own long-cached chunk. Only
        // what every page needs goes here; charts stay with the routes that draw them.
        codeSplitting: {
          groups: [
            {
              name: 'framework',
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/][^\\/]+)[\\/]/,
              priority: 4,
            },
            // What the entry needs (the sign-in page, the session, both catalogues): one chunk.
            { name: 'start', tags: ['$initial'], priority: 3 },
            // What two or more pages share, in one chunk rather than one per module: a page
            // then loads three or four files instead of twenty small ones. Not the modules of
            // the pages that draw curves, which would bring the charts with them.
            { name: 'shared', test: ownCode, minShareCount: 2, priority: 2 },
            // The charts and recharts (a group takes its modules' dependencies along), for the
            // routes that draw curves only.
            { name: 'curve-chart', test: /[\\/]apps[\\/]web[\\/]src[\\/]charts[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
});
