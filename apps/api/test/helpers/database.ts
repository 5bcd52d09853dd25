// A fresh, migrated database for one test file, on the engine this run tests.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Dialect, Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { inject } from 'vitest';
import { type Engine, kyselyOverPg, kyselyOverPglite, openPglite } from '../../src/db/database.js';
import type { Db } from '../../src/db/schema.js';
import { databaseUrlFor } from './template.js';

export interface TestDatabase {
  db: Db;
  engine: Engine;
  /** The cloned database's URL, on PostgreSQL: the app gets it too, as a server would. */
  url?: string;
  /** A second Kysely over the same database, as another process's (closed with the first). */
  another(): Db;
  close(): Promise<void>;
}

/**
 * `wrap` lets a test see what the driver sends: it receives the dialect `db` would have (the
 * app's type parsers and cursors included) and returns the one to use.
 */
export async function createTestDatabase(
  opts: { wrap?: (dialect: Dialect) => Dialect } = {},
): Promise<TestDatabase> {
  const wrap = opts.wrap ?? ((d: Dialect) => d);
  const others: Db[] = [];
  const template = inject('testDatabase');
  if (template.engine === 'pglite') {
    const blob = new Blob([readFileSync(template.templateFile)]);
    const client = await openPglite({ loadDataDir: blob });
    const db: Db = opts.wrap
      ? new Kysely({ dialect: wrap(new PGliteDialect(client)) })
      : kyselyOverPglite(client);
    return {
      db,
      engine: 'pglite',
      another: () => kyselyOverPglite(client),
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
  const { db: plain, pool } = kyselyOverPg(url, 10);
  const db: Db = opts.wrap
    ? new Kysely({ dialect: wrap(new PostgresDialect({ pool, cursor: Cursor })) })
    : plain;
  return {
    db,
    engine: 'postgres',
    url,
    another: () => {
      const { db: other } = kyselyOverPg(url, 2);
      others.push(other);
      return other;
    },
    close: async () => {
      await db.destroy();
      for (const other of others) await other.destroy();
      const c = new pg.Client({ connectionString: template.url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
