// The one reader of process.env: parses and validates configuration once, at start-up.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { checkPassword, PASSWORD_MAX_LENGTH } from './auth/password-policy.js';

const here = path.dirname(fileURLToPath(import.meta.url));

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_READ_POOL_SIZE: z.coerce.number().int().min(1).max(200).optional(),
  DATABASE_READ_MAX_LAG_SECONDS: z.coerce.number().min(0.1).max(3600).default(10),
  JWT_SECRET: z.string().optional(),
  TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(60 * 60 * 24 * 7)
    .default(60 * 15),
  REFRESH_SLIDING_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(60 * 60 * 24 * 90)
    .default(60 * 60 * 24),
  REFRESH_ABSOLUTE_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(60 * 60 * 24 * 365)
    .default(60 * 60 * 24 * 7),
  REFRESH_GRACE_SECONDS: z.coerce.number().int().min(0).max(120).default(10),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z
    .string()
    .min(12, 'must be at least 12 characters')
    .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`)
    .optional(),
  DEMO: booleanString.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  NODE_ENV: z.string().optional(),
  WEB_DIST_DIR: z.string().default(path.resolve(here, '../../web/dist')),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(10),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  LOGIN_BACKOFF_AFTER: z.coerce.number().int().min(1).default(5),
  LOGIN_BACKOFF_MAX_SECONDS: z.coerce.number().int().min(1).default(900),
  CORS_ORIGINS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter((o) => o !== ''),
    )
    .pipe(
      z.array(
        z
          .string()
          .regex(
            /^https?:\/\/[^/\s?#]+$/,
            'each origin must be scheme://host[:port], with no path (e.g. https://example.org)',
          ),
      ),
    )
    .optional(),
  TRUST_PROXY: booleanString.default(false),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/\s]+/, 'must be an smtp:// or smtps:// URL (smtp://user:pass@host:port)')
    .optional(),
  MAIL_FROM: z.string().trim().min(3).max(320).optional(),
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^\s?#]+$/, 'must be an http:// or https:// address without ? or #')
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
  REMINDERS_INTERVAL_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(60 * 60 * 24)
    .default(300),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  database:
    | { kind: 'pglite'; dataDir: string }
    | {
        kind: 'postgres';
        url: string;
        poolSize: number;
        /**
         * A streaming replica (DATABASE_READ_URL) for the heavy reads: scorecards, series,
         * exports, public pages (db/read-routing.ts). Skipped while it lags more than
         * maxLagSeconds behind the primary.
         */
        read?: { url: string; poolSize: number; maxLagSeconds: number };
      };
  /** Undefined only on the embedded database, where start-up generates and keeps one. */
  jwtSecret: string | undefined;
  tokenTtlSeconds: number;
  /** Refresh tokens: idle (sliding) and absolute lifetimes, and the two-tabs grace. */
  refresh: { slidingSeconds: number; absoluteSeconds: number; graceSeconds: number };
  admin: { email: string; password: string } | undefined;
  demo: boolean;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /**
   * `pretty`: one readable line per event and per API request, for a person at a terminal;
   * `json`: pino's JSON lines, for a log collector. Unset: the server picks pretty on a
   * terminal outside production, JSON otherwise (see server.ts).
   */
  logFormat: 'json' | 'pretty' | undefined;
  /** NODE_ENV=production: never the readable log format unless LOG_FORMAT asks for it. */
  production: boolean;
  webDistDir: string;
  loginLimit: {
    maxFailures: number;
    windowSeconds: number;
    /** Failures of one account (five times as many for one address) before delays start. */
    backoffAfter: number;
    backoffMaxSeconds: number;
  };
  trustProxy: boolean;
  /** Exact origins allowed to call the API from a browser; empty: CORS closed. */
  corsOrigins: string[];
  /** E-mail: without an SMTP URL nothing is sent, every message is still an in-app notification. */
  mail: { smtpUrl: string | undefined; from: string; publicUrl: string };
  /** Seconds between a process's automatic reminder runs; 0: none. */
  remindersIntervalSeconds: number;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const MIN_JWT_SECRET_BYTES = 32;

/** Variables whose values an error message must not repeat. */
const secretNames = new Set([
  'ADMIN_PASSWORD',
  'JWT_SECRET',
  'DATABASE_URL',
  'DATABASE_READ_URL',
  'SMTP_URL',
]);

/** Reads the environment (process.env unless given) and returns a checked configuration. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "not set", as they do in most .env files.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const name = String(first?.path[0] ?? 'environment');
    throw new ConfigError(
      `${name}: ${first?.message ?? 'invalid'} (${secretNames.has(name) ? 'value not shown' : `got ${JSON.stringify(env[name] ?? '')}`})`,
    );
  }
  const e = parsed.data;
  if ((e.ADMIN_EMAIL === undefined) !== (e.ADMIN_PASSWORD === undefined)) {
    throw new ConfigError(
      `${e.ADMIN_EMAIL === undefined ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD'}: must be set together with ${e.ADMIN_EMAIL === undefined ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'}`,
    );
  }
  if (e.ADMIN_EMAIL !== undefined && e.ADMIN_PASSWORD !== undefined) {
    const problem = checkPassword(e.ADMIN_PASSWORD, e.ADMIN_EMAIL);
    if (problem) throw new ConfigError(`ADMIN_PASSWORD: ${problem.message} (value not shown)`);
  }
  if (e.JWT_SECRET !== undefined && Buffer.byteLength(e.JWT_SECRET) < MIN_JWT_SECRET_BYTES) {
    throw new ConfigError(`JWT_SECRET: must be at least ${MIN_JWT_SECRET_BYTES} bytes`);
  }
  if (e.DATABASE_URL !== undefined && e.JWT_SECRET === undefined) {
    throw new ConfigError(
      `JWT_SECRET: required when DATABASE_URL is set (at least ${MIN_JWT_SECRET_BYTES} bytes, the same on every API process)`,
    );
  }
  if (e.DATABASE_READ_URL !== undefined && e.DATABASE_URL === undefined) {
    throw new ConfigError(
      'DATABASE_READ_URL: only with DATABASE_URL (a replica of that PostgreSQL; the embedded database has none)',
    );
  }
  if (e.SMTP_URL !== undefined && e.MAIL_FROM === undefined) {
    throw new ConfigError('MAIL_FROM: required when SMTP_URL is set (the sender of every e-mail)');
  }
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database:
      e.DATABASE_URL === undefined
        ? { kind: 'pglite', dataDir: path.join(dataDir, 'pgdata') }
        : {
            kind: 'postgres',
            url: e.DATABASE_URL,
            poolSize: e.DATABASE_POOL_SIZE,
            ...(e.DATABASE_READ_URL === undefined
              ? {}
              : {
                  read: {
                    url: e.DATABASE_READ_URL,
                    poolSize: e.DATABASE_READ_POOL_SIZE ?? e.DATABASE_POOL_SIZE,
                    maxLagSeconds: e.DATABASE_READ_MAX_LAG_SECONDS,
                  },
                }),
          },
    jwtSecret: e.JWT_SECRET,
    tokenTtlSeconds: e.TOKEN_TTL_SECONDS,
    refresh: {
      slidingSeconds: Math.min(e.REFRESH_SLIDING_SECONDS, e.REFRESH_ABSOLUTE_SECONDS),
      absoluteSeconds: e.REFRESH_ABSOLUTE_SECONDS,
      graceSeconds: e.REFRESH_GRACE_SECONDS,
    },
    admin:
      e.ADMIN_EMAIL !== undefined && e.ADMIN_PASSWORD !== undefined
        ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD }
        : undefined,
    demo: e.DEMO ?? e.DATABASE_URL === undefined,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    production: e.NODE_ENV === 'production',
    webDistDir: path.resolve(e.WEB_DIST_DIR),
    loginLimit: {
      maxFailures: e.LOGIN_MAX_FAILURES,
      windowSeconds: e.LOGIN_WINDOW_SECONDS,
      backoffAfter: e.LOGIN_BACKOFF_AFTER,
      backoffMaxSeconds: e.LOGIN_BACKOFF_MAX_SECONDS,
    },
    trustProxy: e.TRUST_PROXY,
    corsOrigins: e.CORS_ORIGINS ?? [],
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM ?? 'RBA Scorecard <no-reply@localhost>',
      publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    },
    remindersIntervalSeconds: e.REMINDERS_INTERVAL_SECONDS,
  };
}
