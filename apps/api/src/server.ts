// Listens, and shuts down gracefully; everything else is in app.ts.
import { buildApp } from './app.js';
import { ensureFirstAdmin, resolveJwtSecret } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { seedDemo } from './demo/seed-demo.js';
import { recoverImportsAtStartup } from './imports/imports.service.js';
import { type ReminderLoop, startReminderLoop } from './mail/reminder-loop.js';

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
  const app = await buildApp({ config, db: database.db, engine: database.engine, jwtSecret });
  const recovered = await recoverImportsAtStartup(database.db, database.engine);
  if (recovered.failed.length + recovered.completed.length > 0) {
    app.log.warn({ recovered }, 'Import jobs interrupted by a previous stop were closed');
  }

  const admin = await ensureFirstAdmin(database.db, config);
  if (admin?.generatedPassword) {
    app.log.warn(
      `Created the first administrator. Sign in as ${admin.email} with password ${admin.generatedPassword} — it is shown only this once.`,
    );
  } else if (admin) {
    app.log.info(`Created the first administrator ${admin.email}`);
  }

  if (config.demo) {
    const demo = await seedDemo(database.db, { today: new Date().toISOString().slice(0, 10) });
    if (demo.seeded) {
      app.log.warn(
        `Seeded the demo collaborative (${demo.quarters[0]} to ${demo.quarters.at(-1)}). Demo accounts, all with password "${demo.accounts[0]?.password}": ${demo.accounts.map((a) => `${a.email} (${a.role})`).join(', ')}`,
      );
    }
  }

  // Reminders and e-mail, run by every process on its own (REMINDERS_INTERVAL_SECONDS=0: none).
  let reminders: ReminderLoop | undefined;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    try {
      await reminders?.stop();
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
  if (config.remindersIntervalSeconds > 0) {
    reminders = startReminderLoop(
      { db: database.db, config, jwtSecret },
      config.remindersIntervalSeconds,
      app.log,
    );
  }
  app.log.info(
    `RBA scorecards on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (${database.engine})`,
  );
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
