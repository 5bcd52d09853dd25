// Opens the database: embedded PGlite under DATA_DIR, or PostgreSQL through pg when
// DATABASE_URL is set. Both speak the same SQL through Kysely and return the same types.
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import Cursor from 'pg-cursor';
import type { Config } from '../config.js';
import { lockDataDir } from './data-dir-lock.js';
import { ReadRouter } from './read-routing.js';
import { notePool } from './row-stream.js';
import type { Db } from './schema.js';
import { textParsers } from './type-parsers.js';

export type Engine = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  engine: Engine;
  /** The streaming replica, when DATABASE_READ_URL is set (see read-routing.ts). */
  reads?: ReadRouter;
  close(): Promise<void>;
}

function pgTypes(): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      const custom = textParsers[oid];
      if (custom && format !== 'binary') return custom;
      return pg.types.getTypeParser(oid, format);
      // biome-ignore lint/suspicious/noExplicitAny: pg's overloads do not type a generic lookup
    }) as any,
  };
}

export function pgliteParsers(): Record<number, (value: string) => unknown> {
  return { ...textParsers };
}

export async function openPglite(dataDirOrOptions: {
  dataDir?: string;
  loadDataDir?: Blob;
}): Promise<PGlite> {
  const options = {
    parsers: pgliteParsers(),
    ...(dataDirOrOptions.loadDataDir ? { loadDataDir: dataDirOrOptions.loadDataDir } : {}),
  };
  return dataDirOrOptions.dataDir
    ? PGlite.create(dataDirOrOptions.dataDir, options)
    : PGlite.create(options);
}

export function kyselyOverPglite(client: PGlite): Db {
  return new Kysely({ dialect: new PGliteDialect(client) });
}

export function kyselyOverPg(
  url: string,
  poolSize: number,
  onIdleError: (err: Error) => void = () => {},
  options: Pick<pg.PoolConfig, 'Client' | 'keepAlive'> = {},
): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: pgTypes(), ...options });
  // An idle connection that the server closes (a restart, a failover) must not crash the
  // process: the pool drops that client and the next query opens a fresh one.
  pool.on('error', onIdleError);
  const db: Db = new Kysely({ dialect: new PostgresDialect({ pool, cursor: Cursor }) });
  notePool(db, pool);
  return { db, pool };
}

/**
 * A pg client that gives up connecting after two seconds. The replica's pools use it: a replica
 * that does not answer then counts as away (the read runs on the primary) rather than holding
 * the request. Only the connection is timed: waiting for a busy pool's free client is not,
 * as on the primary.
 */
export class QuickConnectClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super({
      ...(typeof config === 'string' ? { connectionString: config } : config),
      connectionTimeoutMillis: 2000,
    });
  }
}

/** The replica's pool and Kysely instance (DATABASE_READ_URL). */
export function openReplica(
  read: { url: string; poolSize: number },
  onIdleError?: (err: Error) => void,
): Db {
  return kyselyOverPg(read.url, read.poolSize, onIdleError, {
    Client: QuickConnectClient,
    keepAlive: true,
  }).db;
}

export async function openDatabase(
  config: Pick<Config, 'database' | 'dataDir'>,
  onIdleError?: (err: Error) => void,
): Promise<DatabaseHandle> {
  const target = config.database;
  if (target.kind === 'postgres') {
    const { db } = kyselyOverPg(target.url, target.poolSize, onIdleError);
    if (!target.read) return { db, engine: 'postgres', close: () => db.destroy() };
    const replica = openReplica(target.read, onIdleError);
    const reads = new ReadRouter({
      primary: db,
      replica,
      maxLagSeconds: target.read.maxLagSeconds,
    });
    return {
      db,
      engine: 'postgres',
      reads,
      close: async () => {
        await Promise.all([db.destroy(), replica.destroy()]);
      },
    };
  }
  const unlock = lockDataDir(config.dataDir);
  try {
    const client = await openPglite({ dataDir: target.dataDir });
    const db = kyselyOverPglite(client);
    return {
      db,
      engine: 'pglite',
      close: async () => {
        await db.destroy();
        if (!client.closed) await client.close();
        unlock();
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}
