// The OpenAPI document exactly as /api/v1/openapi.json serves it, built without a server or a
// stored database (an empty in-memory PGlite: generating it reads no table). For the redocly
// lint (scripts/lint-openapi.ts) and the conformance check of the API tests.
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { kyselyOverPglite, openPglite } from '../src/db/database.js';
import type { OpenApiDocument } from '../src/plugins/openapi-document.js';

export async function buildOpenApiDocument(): Promise<OpenApiDocument> {
  const secret = 'openapi-document-only-never-signs-anything';
  const client = await openPglite({});
  const db = kyselyOverPglite(client);
  const config = loadConfig({
    DATA_DIR: '/nonexistent-openapi-data-dir',
    JWT_SECRET: secret,
    LOG_LEVEL: 'silent',
    DEMO: 'false',
    WEB_DIST_DIR: '/nonexistent-web-dist',
  });
  const app = await buildApp({ config, db, engine: 'pglite', jwtSecret: secret });
  try {
    await app.ready();
    const res = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    if (res.statusCode !== 200) throw new Error(`openapi.json answered ${res.statusCode}`);
    return res.json<OpenApiDocument>();
  } finally {
    await app.close();
    await db.destroy();
    if (!client.closed) await client.close();
  }
}
