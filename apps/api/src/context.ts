// What every plugin, route and service needs, built once at start-up and passed down.
import type { Config } from './config.js';
import type { Engine } from './db/database.js';
import type { Db } from './db/schema.js';

export interface AppContext {
  config: Config;
  db: Db;
  engine: Engine;
  /** The signing secret actually in use (configured, or generated under DATA_DIR). */
  jwtSecret: string;
}
