// Listens, and shuts down gracefully; everything else is in app.ts.
import { buildApp } from './app.js';
import { ensureFirstAdmin, resolveJwtSecret } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { openDatabase } from './db/database.js';
import { startEmbeddedUpkeep, type UpkeepLoop } from './db/embedded-upkeep.js';
import { migrateToLatest } from './db/migrate.js';
import { demoAccountsIfSeeded, quarterWords } from './demo/demo-accounts.service.js';
import { seedDemo } from './demo/seed-demo.js';
import { recoverImportsAtStartup } from './imports/import-jobs.js';
import { type ReminderLoop, startReminderLoop } from './mail/reminder-loop.js';
import { startBanner } from './start-banner.js';

/** pino's logger, which Fastify's type does not show flushing. */
type Flushable = { flush(done: () => void): void };

async function main(): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${err.message}\n`);
      return 78; // EX_CONFIG
    }
    throw err;
  }
  // Readable lines for a person at a terminal; JSON for a collector and in production.
  const atTerminal = Boolean(process.stdout.isTTY) && !config.production;
  config = { ...config, logFormat: config.logFormat ?? (atTerminal ? 'pretty' : 'json') };

  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase(config, (err) =>
      process.stderr.write(`A pooled database connection failed and was dropped: ${err.message}\n`),
    );
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      process.stderr.write(`${err.message}\n`);
      return 75; // EX_TEMPFAIL
    }
    throw err;
  }
  await migrateToLatest(database.db);
  const jwtSecret = resolveJwtSecret(config);
  const app = await buildApp({
    config,
    db: database.db,
    engine: database.engine,
    jwtSecret,
    ...(database.reads ? { reads: database.reads } : {}),
  });
  if (database.reads) {
    app.log.info(
      { maxLagSeconds: database.reads.maxLagSeconds },
      'Scorecards, series, exports and public pages read from the replica (DATABASE_READ_URL) while it is current',
    );
  }
  const recovered = await recoverImportsAtStartup(database.db, database.engine);
  if (recovered.failed.length + recovered.completed.length > 0) {
    app.log.warn({ recovered }, 'Import jobs interrupted by a previous stop were closed');
  }

  // A configured administrator first; then the demo, whose own administrator is then the only
  // one; a generated administrator only where neither made one (an empty embedded database).
  const configuredAdmin = config.admin ? await ensureFirstAdmin(database.db, config) : undefined;
  if (configuredAdmin) app.log.info(`Created the first administrator ${configuredAdmin.email}`);
  if (config.demo) {
    const demo = await seedDemo(database.db, { today: new Date().toISOString().slice(0, 10) });
    if (demo.seeded) {
      app.log.info(
        `Seeded the demo collaborative (${demo.quarters[0]} to ${demo.quarters.at(-1)})`,
      );
    }
  }
  const generated = config.admin ? undefined : await ensureFirstAdmin(database.db, config);
  const generatedAdmin = generated?.generatedPassword
    ? { email: generated.email, password: generated.generatedPassword }
    : undefined;
  if (generatedAdmin && config.logFormat === 'json') {
    app.log.warn(
      `Created the first administrator. Sign in as ${generatedAdmin.email} with password ${generatedAdmin.password} — it is shown only this once.`,
    );
  }

  // Reminders and e-mail, run by every process on its own (REMINDERS_INTERVAL_SECONDS=0: none).
  let reminders: ReminderLoop | undefined;
  let upkeep: UpkeepLoop | undefined;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    try {
      await reminders?.stop();
      await upkeep?.stop();
      await app.close();
    } finally {
      await database.close();
    }
  };
  const done = new Promise<void>((resolve) => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        shutdown(signal).then(resolve, (err) => {
          app.log.error({ err }, 'error during shutdown');
          resolve();
        });
      });
    }
  });

  await app.listen({ port: config.port, host: config.host });
  // PGlite runs no autovacuum: the server does its work (db/embedded-upkeep.ts).
  if (database.engine === 'pglite') upkeep = startEmbeddedUpkeep(database.db, app.log);
  if (config.remindersIntervalSeconds > 0) {
    reminders = startReminderLoop(
      { db: database.db, config, jwtSecret },
      config.remindersIntervalSeconds,
      app.log,
    );
  }
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  const demoAccounts = config.demo ? await demoAccountsIfSeeded(database.db, config) : undefined;
  if (config.logFormat === 'pretty') {
    // The log lines so far first (the readable format writes them from a worker thread).
    await new Promise<void>((resolve) => (app.log as unknown as Flushable).flush(() => resolve()));
    process.stdout.write(
      startBanner({
        url,
        engine: database.engine,
        dataDir: config.database.kind === 'pglite' ? config.dataDir : undefined,
        generatedAdmin,
        demo: demoAccounts && {
          password: demoAccounts.password,
          accounts: demoAccounts.accounts.map((a) => ({
            email: a.email,
            role: a.role,
            note: a.organization ? `${a.organization}: ${quarterWords(a.quarter)}` : undefined,
          })),
        },
      }),
    );
  } else {
    app.log.info(
      {
        url,
        engine: database.engine,
        ...(demoAccounts
          ? {
              demoAccounts: demoAccounts.accounts.map((a) => a.email),
              demoPassword: demoAccounts.password,
            }
          : {}),
      },
      `RBA scorecards on ${url} (${database.engine})`,
    );
  }
  await done;
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`Start-up failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
