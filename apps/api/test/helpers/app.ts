// Builds the real app in-process over a fresh database, and speaks HTTP to it with supertest.
import type { FastifyInstance } from 'fastify';
import type { KyselyPlugin } from 'kysely';
import supertest from 'supertest';
import { buildApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';
import { routePattern } from '../../src/plugins/method-not-allowed.js';
import { recording } from '../conformance/record.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { testLogLevel } from './test-env.js';

export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-thirty-two-bytes-long';

export interface TestApp extends TestDatabase {
  app: FastifyInstance;
  config: Config;
  http(): supertest.Agent;
  /** Signs in and returns the bearer header value. */
  login(email: string, password: string): Promise<string>;
  closeAll(): Promise<void>;
}

/** An HTTP agent on an app a test builds itself, its answers checked as createTestApp's are. */
export function httpOf(app: FastifyInstance): supertest.Agent {
  return recording(supertest.agent(app.server), () => false);
}

/** The configuration a test app runs with: no data directory, no web build, no demo; `env` on top. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    DATA_DIR: '/nonexistent-test-data-dir',
    JWT_SECRET: TEST_JWT_SECRET,
    // TEST_LOG_LEVEL=error shows what a 500 in a test was about.
    LOG_LEVEL: testLogLevel,
    DEMO: 'false',
    WEB_DIST_DIR: '/nonexistent-web-dist',
    ...env,
  });
}

export async function createTestApp(
  env: Record<string, string> = {},
  prepare?: (app: FastifyInstance) => void,
  options: { plugins?: KyselyPlugin[] } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const appDb = (options.plugins ?? []).reduce((db, p) => db.withPlugin(p), database.db);
  // On PostgreSQL the app knows its database's URL, as a server does: the exports then take
  // their COPY path, on a pool of their own.
  const config = testConfig({
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...env,
  });
  const app = await buildApp({
    config,
    db: appDb,
    engine: database.engine,
    jwtSecret: TEST_JWT_SECRET,
  });
  // Routes a test adds for itself stay out of the OpenAPI document; their answers go unchecked.
  const ownRoutes: RegExp[] = [];
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, hide: true };
    ownRoutes.push(routePattern(route.url));
  });
  prepare?.(app);
  await app.ready();
  const http = () =>
    recording(supertest.agent(app.server), (path) => ownRoutes.some((r) => r.test(path)));
  return {
    ...database,
    app,
    config,
    http,
    async login(email, password) {
      const res = await http().post('/api/v1/auth/login').send({ email, password });
      if (res.status !== 200)
        throw new Error(`login failed for ${email}: ${res.status} ${res.text}`);
      return `Bearer ${res.body.token as string}`;
    },
    async closeAll() {
      await app.close();
      await database.close();
    },
  };
}
