// Start-up steps that make a bare data directory usable: a signing secret and a first admin.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config.js';
import type { Db } from './db/schema.js';
import { ConflictError } from './errors.js';
import { countUsers } from './users/users.repository.js';
import { createUser, grantRole } from './users/users.service.js';

/** The configured secret, or one generated once and kept under DATA_DIR (embedded only). */
export function resolveJwtSecret(config: Config): string {
  if (config.jwtSecret) return config.jwtSecret;
  const file = path.join(config.dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

export interface FirstAdmin {
  email: string;
  /** Set only when the password was generated here and must be shown once. */
  generatedPassword?: string;
}

/** Creates the first administrator when the database has no user at all. */
export async function ensureFirstAdmin(db: Db, config: Config): Promise<FirstAdmin | undefined> {
  if ((await countUsers(db)) > 0) return undefined;
  let admin = config.admin;
  let generatedPassword: string | undefined;
  if (!admin) {
    if (config.database.kind !== 'pglite') return undefined;
    generatedPassword = randomBytes(15).toString('base64url');
    admin = { email: 'admin@localhost', password: generatedPassword };
  }
  let user: Awaited<ReturnType<typeof createUser>>;
  try {
    user = await createUser(db, null, {
      email: admin.email,
      name: 'Administrator',
      password: admin.password,
    });
  } catch (err) {
    // Several API processes starting together on an empty database: another one created the
    // first administrator a moment ago, which is what this step wanted.
    if (err instanceof ConflictError && err.code === 'EMAIL_TAKEN') return undefined;
    throw err;
  }
  await grantRole(db, null, user.id, { role: 'admin', scopeType: null, scopeId: null });
  return generatedPassword ? { email: admin.email, generatedPassword } : { email: admin.email };
}
