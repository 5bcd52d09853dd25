// Migrates once per run into a template that every test file clones: a PGlite data-dir
// dump, or a PostgreSQL template database when TEST_DATABASE_URL is set.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { kyselyOverPg, kyselyOverPglite, openPglite } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { finishConformance, startConformance } from './conformance/run.js';
import { databaseUrlFor, type TestDatabaseTemplate } from './helpers/template.js';
import { testDatabaseUrl } from './helpers/test-env.js';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: TestDatabaseTemplate;
  }
}

let cleanup: (() => Promise<void>) | undefined;

export async function setup(project: TestProject): Promise<void> {
  project.provide('conformanceDir', startConformance());
  const url = testDatabaseUrl;
  if (url) {
    const run = randomBytes(4).toString('hex');
    const template = `rba_tpl_${run}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${template}`);
    await admin.end();
    const { db } = kyselyOverPg(databaseUrlFor(url, template), 1);
    await migrateToLatest(db);
    await db.destroy();
    project.provide('testDatabase', { engine: 'postgres', url, template, run });
    process.stdout.write(`API tests run on PostgreSQL (template database ${template})\n`);
    cleanup = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      const { rows } = await c.query<{ datname: string }>(
        'select datname from pg_database where datname like $1',
        [`rba_%${run}%`],
      );
      for (const r of rows) await c.query(`drop database if exists ${r.datname} with (force)`);
      await c.end();
    };
    return;
  }
  const client = await openPglite({});
  const db = kyselyOverPglite(client);
  await migrateToLatest(db);
  const dump = await client.dumpDataDir('none');
  await db.destroy();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rba-test-template-'));
  const file = path.join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('testDatabase', { engine: 'pglite', templateFile: file });
  process.stdout.write('API tests run on embedded PGlite (set TEST_DATABASE_URL for PostgreSQL)\n');
  cleanup = async () => rmSync(dir, { recursive: true, force: true });
}

export async function teardown(): Promise<void> {
  await cleanup?.();
  // Every response the tests received, against the OpenAPI document: fails the run on a mismatch.
  await finishConformance();
}
