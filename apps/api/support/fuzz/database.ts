// A fresh, migrated database for a fuzz run: embedded PGlite, or a throw-away database on a
// PostgreSQL server (created here, dropped on close).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Engine, kyselyOverPg, kyselyOverPglite, openPglite } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { Db } from '../../src/db/schema.js';

export async function openFuzzDatabase(
  url: string | undefined,
): Promise<{ db: Db; engine: Engine; close(): Promise<void> }> {
  if (url) {
    const name = `rba_fuzz_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    const { db } = kyselyOverPg(u.toString(), 10);
    await migrateToLatest(db);
    return {
      db,
      engine: 'postgres',
      close: async () => {
        await db.destroy();
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const client = await openPglite({});
  const db = kyselyOverPglite(client);
  await migrateToLatest(db);
  return {
    db,
    engine: 'pglite',
    close: async () => {
      await db.destroy();
      if (!client.closed) await client.close();
    },
  };
}
