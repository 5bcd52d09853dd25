// Imports run as background jobs: started, beating while they run, polled, and closed as
// interrupted when the process that ran them stopped.

import type { ImportJob, ImportReport } from '@rba/schema';
import type { Actor } from '../access/actor.js';
import { isAdmin } from '../access/actor.js';
import { findAuditEvent, insertAuditEvent } from '../audit/audit.repository.js';
import type { Engine } from '../db/database.js';
import type { Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { AppError, NotFoundError } from '../errors.js';
import { undoAbandonedJournals } from './import-undo.js';
import { beatJob, findJob, insertJob, lockStaleJobs, updateJob } from './imports.repository.js';
import { type ImportInput, type ProgressFn, readFile, runImport } from './imports.service.js';

/** How often a running job writes its heartbeat. */
export const IMPORT_HEARTBEAT_MS = 5_000;

/**
 * A running job whose heartbeat is older than this belongs to a process that stopped: it is
 * marked failed. Twelve missed beats: a live process, however busy, beats far more often.
 */
export const IMPORT_STALE_MS = 60_000;

export const INTERRUPTED_MESSAGE =
  'interrupted: the server stopped during the import; nothing was saved';

/** Jobs this process is running: never taken for abandoned, whatever their heartbeat says. */
const liveJobs = new Set<string>();

/** Starts an import in the background; its progress and report are polled from the database. */
export async function startImportJob(
  db: Db,
  actor: Actor,
  input: ImportInput,
  commit: boolean,
  engine: Engine = 'postgres',
): Promise<{ jobId: string }> {
  const read = await readFile(input);
  const job = await insertJob(db, { createdBy: actor.userId, commit, total: read.rowsRead });
  liveJobs.add(job.id);
  const progress: ProgressFn = (phase, done) => updateJob(db, job.id, { phase, done });
  // The heartbeat goes out on its own connection on PostgreSQL; on PGlite it waits behind the
  // import's transaction, which is harmless: one process owns the data directory, and it knows
  // its own jobs are alive (liveJobs).
  let beating = false;
  const heartbeat = setInterval(() => {
    if (beating) return;
    beating = true;
    beatJob(db, job.id)
      .catch(() => {})
      .finally(() => {
        beating = false;
      });
  }, IMPORT_HEARTBEAT_MS);
  heartbeat.unref();
  void (async () => {
    try {
      const report = await runImport(db, actor, input, commit, {
        progress,
        jobId: job.id,
        read,
        engine,
      });
      await updateJob(db, job.id, {
        status: 'done',
        phase: 'done',
        done: read.rowsRead,
        report,
        ...(commit && !report.committed
          ? { error: { code: 'IMPORT_REJECTED', message: 'Rejected rows: nothing was written' } }
          : {}),
      });
    } catch (err) {
      const error =
        err instanceof AppError
          ? { code: err.code, message: err.message }
          : { code: 'INTERNAL', message: 'The import failed' };
      await updateJob(db, job.id, { status: 'failed', phase: 'failed', error }).catch(() => {});
    } finally {
      clearInterval(heartbeat);
      liveJobs.delete(job.id);
    }
  })();
  return { jobId: job.id };
}

/**
 * Marks import jobs left running by a process that stopped (killed, crashed, out of memory):
 * failed with INTERRUPTED_MESSAGE, each with an `import.interrupted` audit event. On PostgreSQL
 * the commit is one transaction, so an interrupted import wrote nothing; on PGlite it is applied
 * in chunks (import-chunks.ts), and what the chunks wrote is first undone from its journal, so
 * that nothing was saved holds there too. Unless it had committed and only the job's last
 * update was lost: its `import.commit` event says so, and the job is marked done.
 *
 * `staleMs` null takes every running job but this process's own (start-up on PGlite, where the
 * data-directory lock proves no other process can be running one); otherwise only jobs whose
 * heartbeat is older than that (PostgreSQL, where another live API process may be running one).
 */
export async function recoverInterruptedImports(
  db: Db,
  staleMs: number | null,
  onlyId?: string,
): Promise<{ failed: string[]; completed: string[] }> {
  // The journal of an import that no process runs any more (start-up on PGlite: every one not
  // this process's; a stale job: its own), undone in short transactions before the job closes.
  if (staleMs === null || onlyId) await undoAbandonedJournals(db, onlyId);
  return inTransaction(db, async (trx) => {
    const failed: string[] = [];
    const completed: string[] = [];
    for (const job of await lockStaleJobs(trx, staleMs, onlyId)) {
      if (liveJobs.has(job.id)) continue;
      const commitEvent = await findAuditEvent(trx, {
        entity: 'import',
        entityId: job.id,
        action: 'import.commit',
      });
      const before = {
        status: 'running',
        phase: job.phase,
        done: job.done,
        total: job.total,
        heartbeatAt: job.heartbeat_at.toISOString(),
      };
      if (commitEvent) {
        const c = (commitEvent.after ?? {}) as Partial<ImportReport>;
        const report: ImportReport = {
          rowsRead: c.rowsRead ?? job.total,
          inserted: c.inserted ?? 0,
          updated: c.updated ?? 0,
          unchanged: c.unchanged ?? 0,
          rejected: [],
          committed: true,
          skipped: [],
          filtered: 0,
        };
        await updateJob(trx, job.id, { status: 'done', phase: 'done', done: job.total, report });
        completed.push(job.id);
      } else {
        // ABANDONED is the code the web client (and docs/csv.md) already know.
        const error = { code: 'ABANDONED', message: INTERRUPTED_MESSAGE };
        await updateJob(trx, job.id, { status: 'failed', phase: 'abandoned', error });
        failed.push(job.id);
      }
      await insertAuditEvent(trx, {
        actorId: null,
        action: 'import.interrupted',
        entity: 'import',
        entityId: job.id,
        before,
        after: commitEvent
          ? { status: 'done', note: 'the commit had completed; only the job record was behind' }
          : { status: 'failed', error: { code: 'ABANDONED', message: INTERRUPTED_MESSAGE } },
        requestId: null,
      });
    }
    return { failed, completed };
  });
}

/** Start-up: jobs of a previous run of this server (PGlite), or of dead processes (PostgreSQL). */
export function recoverImportsAtStartup(db: Db, engine: Engine) {
  return recoverInterruptedImports(db, engine === 'pglite' ? null : IMPORT_STALE_MS);
}

export async function getImportJob(db: Db, actor: Actor, id: string): Promise<ImportJob> {
  let job = await findJob(db, id);
  if (!job || (job.created_by !== actor.userId && !isAdmin(actor))) {
    throw new NotFoundError('Import job');
  }
  if (
    job.status === 'running' &&
    !liveJobs.has(job.id) &&
    Date.now() - job.heartbeat_at.getTime() > IMPORT_STALE_MS
  ) {
    // Looks abandoned by this process's clock; the database's clock decides.
    await recoverInterruptedImports(db, IMPORT_STALE_MS, job.id);
    job = (await findJob(db, id)) ?? job;
  }
  return {
    id: job.id,
    status: job.status,
    commit: job.commit,
    phase: job.phase,
    done: job.done,
    total: job.total,
    report: (job.report as ImportReport | null) ?? null,
    error: (job.error as { code: string; message: string } | null) ?? null,
    createdAt: job.created_at.toISOString(),
    updatedAt: job.updated_at.toISOString(),
    finishedAt: job.finished_at ? job.finished_at.toISOString() : null,
  };
}
