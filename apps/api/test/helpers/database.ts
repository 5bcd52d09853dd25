// A fresh, migrated database for one test file, on the engine this run tests.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Engine, kyselyOverPg, kyselyOverPglite, openPglite } from '../../src/db/database.js';
import type { Db } from '../../src/db/schema.js';
import { databaseUrlFor } from './template.js';

export interface TestDatabase {
  db: Db;
  engine: Engine;
  /** The cloned database's URL, on PostgreSQL: the app gets it too, as a server would. */
  url?: string;
  close(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject('testDatabase');
  if (template.engine === 'pglite') {
    const blob = new Blob([readFileSync(template.templateFile)]);
    const client = await openPglite({ loadDataDir: blob });
    const db = kyselyOverPglite(client);
    return {
      db,
      engine: 'pglite',
      close: async () => {
        await db.destroy();
        if (!client.closed) await client.close();
      },
    };
  }
  const name = `rba_t_${template.run}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: template.url });
  await admin.connect();
  await admin.query(`create database ${name} template ${template.template}`);
  await admin.end();
  const url = databaseUrlFor(template.url, name);
  const { db } = kyselyOverPg(url, 10);
  return {
    db,
    engine: 'postgres',
    url,
    close: async () => {
      await db.destroy();
      const c = new pg.Client({ connectionString: template.url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
