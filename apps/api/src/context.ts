// What every plugin, route and service needs, built once at start-up and passed down.
import type { Config } from './config.js';
import type { Engine } from './db/database.js';
import type { ReadRouter } from './db/read-routing.js';
import type { Db } from './db/schema.js';

export interface AppContext {
  config: Config;
  /** The primary: every write, and every read not listed in db/read-routing.ts. */
  db: Db;
  engine: Engine;
  /** The signing secret actually in use (configured, or generated under DATA_DIR). */
  jwtSecret: string;
  /**
   * The streaming replica (DATABASE_READ_URL) and the choice, per request, between it and `db`
   * (`onReplica` in db/read-routing.ts). Absent without a replica: every read runs on `db`,
   * and callers of `onReplica` need no branch.
   */
  reads?: ReadRouter;
}
