import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

const api = 'http://localhost:3000';

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
            },
          ],
        },
      },
    },
  },
});
