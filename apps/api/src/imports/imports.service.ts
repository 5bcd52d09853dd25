// Imports a CSV of figures: read through a mapping, checked by the same rules as a PUT of one
// figure, reported row by row (dry run), and written all or nothing in one transaction.

import { randomUUID } from 'node:crypto';
import {
  IMPORT_CHANGES_LIMIT,
  type ImportChange,
  type ImportJob,
  type ImportMapping,
  type ImportReport,
} from '@rba/schema';
import type { Actor } from '../access/actor.js';
import { isAdmin } from '../access/actor.js';
import {
  appendAuditEvents,
  type BulkAuditEvent,
  findAuditEvent,
  insertAuditEvent,
} from '../audit/audit.repository.js';
import type { Engine } from '../db/database.js';
import type { Db, DbOrTrx, Trx } from '../db/schema.js';
import type { ObservationStatus } from '../db/tables/observations.table.js';
import { inTransaction } from '../db/transaction.js';
import { listDimensions } from '../dimensions/dimensions.repository.js';
import { AppError, ImportConflictError, NotFoundError, ValidationError } from '../errors.js';
import { parseBreakdownKey } from '../observations/breakdown.js';
import type { ObservationRow } from '../observations/observations.repository.js';
import { lockOrganization } from '../observations/observations.repository.js';
import { toObservation } from '../observations/observations.service.js';
import { checkPartsAgainstTotal } from '../observations/parts.js';
import { labelOf } from '../periods/periods.js';
import { isCorrecting, isLocking } from '../reporting/period-locks.js';
import { getSettings } from '../settings/settings.service.js';
import { readCsv } from './csv-reader.js';
import { type Prepared, prepareAll, reasonOf } from './import-rows.js';
import {
  beatJob,
  type CellUpdate,
  cellsOfPeriods,
  closedReportingPeriods,
  findJob,
  insertCells,
  insertJob,
  lockStaleJobs,
  type NewCell,
  submissionsOf,
  transactionTime,
  updateCells,
  updateJob,
} from './imports.repository.js';
import { type Extracted, extract, type LineReason, MappingError } from './mapping.js';

/** Figures written per statement. */
const WRITE_CHUNK = 5000;

/** The largest file an import takes; larger uploads answer 413. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

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

export interface ImportInput {
  file: Buffer;
  mapping: ImportMapping;
  filename?: string | undefined;
}

export type ProgressFn = (phase: string, done: number) => Promise<void>;

const noProgress: ProgressFn = async () => {};

/** The limits a PUT's body puts on a note. */

interface Plan {
  report: ImportReport;
  inserts: Prepared[];
  updates: { p: Prepared; existing: ObservationRow }[];
  /** Inserts (existing null) and updates in file order, the first IMPORT_CHANGES_LIMIT. */
  changed: { p: Prepared; existing: ObservationRow | null }[];
  /** Program figures of periods handed back for correction: saved `returned`, not draft. */
  held: Set<Prepared>;
}

/** Compares with what is stored: what a commit would insert, update or leave unchanged. */
async function plan(
  db: DbOrTrx,
  actor: Actor,
  extracted: Extracted,
  rowsRead: number,
  prepared: Prepared[],
  rejectedBefore: LineReason[],
): Promise<Plan> {
  const rejected = [...rejectedBefore];
  const vocabulary = await listDimensions(db);
  const pairs = new Map<string, { measureId: string; periodStart: string }>();
  for (const p of prepared)
    pairs.set(`${p.m.id}|${p.start}`, { measureId: p.m.id, periodStart: p.start });
  const stored = await cellsOfPeriods(db, [...pairs.values()]);
  // Parts are checked against their total only where a period has parts, in the file or stored.
  const withParts = new Set<string>();
  for (const s of stored)
    if (s.breakdown !== '') withParts.add(`${s.measure_id}|${s.period_start}`);
  for (const p of prepared) if (p.key !== '') withParts.add(`${p.m.id}|${p.start}`);
  const groups = new Map<string, Map<string, ObservationRow | Prepared>>();
  for (const s of stored) {
    const g = `${s.measure_id}|${s.period_start}`;
    if (!withParts.has(g)) continue;
    if (!groups.has(g)) groups.set(g, new Map());
    groups.get(g)?.set(s.breakdown, s);
  }
  const existingOf = new Map(
    stored.map((s) => [`${s.measure_id}|${s.period_start}|${s.breakdown}`, s]),
  );

  const orgs = [
    ...new Set(
      prepared.filter((p) => p.m.kind === 'performance').map((p) => p.m.organization_id as string),
    ),
  ];
  const submissions = await submissionsOf(db, orgs);
  const closed = isAdmin(actor) || orgs.length === 0 ? [] : await closedReportingPeriods(db);

  const sameAsStored = (p: Prepared) => {
    const existing = existingOf.get(`${p.m.id}|${p.start}|${p.key}`);
    if (!existing) return false;
    const nextNote = p.note === undefined ? existing.note : p.note;
    return (
      existing.value === p.figure.value &&
      existing.numerator === p.figure.numerator &&
      existing.denominator === p.figure.denominator &&
      existing.note === nextNote
    );
  };

  // A row that matches what is stored changes nothing, so a locked or closed period does not
  // refuse it: re-importing an export of approved quarters reports them unchanged.
  let unchangedInLocked = 0;
  const open: Prepared[] = [];
  const held = new Set<Prepared>();
  for (const p of prepared) {
    if (p.m.kind === 'performance') {
      const covering = submissions.filter(
        (l) =>
          l.organization_id === p.m.organization_id &&
          l.period_start <= p.start &&
          l.period_end >= p.end,
      );
      const lock = covering.find((l) => isLocking(l.status));
      // A period handed back for correction stays open after its reporting period closed.
      const correcting = covering.some((l) => isCorrecting(l.status));
      if (correcting) held.add(p);
      const closedHere =
        !correcting && closed.some((c) => c.period_start <= p.start && c.period_end >= p.start);
      if ((lock || closedHere) && sameAsStored(p)) {
        unchangedInLocked++;
        continue;
      }
      if (lock) {
        rejected.push({
          line: p.line,
          reason: `period locked: this period is ${lock.status}; a coordinator must return it before it can change`,
        });
        continue;
      }
      if (closedHere) {
        rejected.push({
          line: p.line,
          reason: 'period closed: the reporting period for these figures has closed',
        });
        continue;
      }
    }
    open.push(p);
  }
  // Parts against their total, with the file's figures laid over what is stored.
  for (const p of open) {
    const g = `${p.m.id}|${p.start}`;
    if (!withParts.has(g)) continue;
    if (!groups.has(g)) groups.set(g, new Map());
    groups.get(g)?.set(p.key, p);
  }
  const cellsOfGroup = new Map<
    string,
    {
      breakdown: string;
      value: number | null;
      numerator: number | null;
      denominator: number | null;
    }[]
  >();
  const checked: Prepared[] = [];
  for (const p of open) {
    const g = `${p.m.id}|${p.start}`;
    if (!withParts.has(g)) {
      checked.push(p);
      continue;
    }
    let cells = cellsOfGroup.get(g);
    if (!cells) {
      cells = [...(groups.get(g)?.entries() ?? [])].map(([breakdown, x]) =>
        'figure' in x
          ? { breakdown, ...x.figure }
          : { breakdown, value: x.value, numerator: x.numerator, denominator: x.denominator },
      );
      cellsOfGroup.set(g, cells);
    }
    if (cells.length > 1) {
      try {
        checkPartsAgainstTotal(p.m, cells, p.key, vocabulary);
      } catch (err) {
        rejected.push({ line: p.line, reason: reasonOf(err) });
        continue;
      }
    }
    checked.push(p);
  }

  const inserts: Prepared[] = [];
  const updates: Plan['updates'] = [];
  const changed: Plan['changed'] = [];
  let unchanged = unchangedInLocked;
  for (const p of checked) {
    const existing = existingOf.get(`${p.m.id}|${p.start}|${p.key}`);
    if (sameAsStored(p)) {
      unchanged++;
      continue;
    }
    if (!existing) inserts.push(p);
    else updates.push({ p, existing });
    if (changed.length < IMPORT_CHANGES_LIMIT) changed.push({ p, existing: existing ?? null });
  }
  rejected.sort((a, b) => a.line - b.line);
  return {
    report: {
      rowsRead,
      inserted: inserts.length,
      updated: updates.length,
      unchanged,
      rejected,
      committed: false,
      skipped: extracted.skipped,
      filtered: extracted.filtered,
    },
    inserts,
    updates,
    changed,
    held,
  };
}

/** A dry run's report: what is stored and what would be, figure by figure (`changes`). */
function withChanges(p: Plan, fys: number): ImportReport {
  const figure = (x: {
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    note: string | null;
  }) => ({ value: x.value, numerator: x.numerator, denominator: x.denominator, note: x.note });
  const changes: ImportChange[] = p.changed.map(({ p: x, existing }) => ({
    line: x.line,
    measureId: x.m.id,
    measureCode: x.m.code,
    organizationCode: x.m.organization_code,
    period: labelOf(x.start, x.m.period_type, fys),
    breakdown: parseBreakdownKey(x.key),
    before: existing ? figure(existing) : null,
    after: figure({
      ...x.figure,
      note: x.note === undefined ? (existing?.note ?? null) : x.note,
    }),
  }));
  return {
    ...p.report,
    changes,
    changesTruncated: p.report.inserted + p.report.updated > changes.length,
  };
}

class RolledBack extends Error {
  constructor(readonly report: ImportReport) {
    super('import rejected');
  }
}

async function write(
  trx: Trx,
  actor: Actor,
  p: Plan,
  fys: number,
  input: ImportInput,
  jobId: string | null,
): Promise<void> {
  // As a PUT does: population figures are approved when saved, program figures are drafts, or
  // `returned` in a period handed back for correction (figureStatus, observations.service.ts).
  const statusOf = (x: Prepared): ObservationStatus =>
    x.m.kind === 'indicator' ? 'approved' : p.held.has(x) ? 'returned' : 'draft';
  // Ids are chosen here and the clock is the transaction's, so every audited row is known
  // without reading the written rows back. Chunk by chunk, the next chunk is prepared while
  // the database writes the last one, and no more than a chunk of audit JSON is held.
  const at = await transactionTime(trx);
  const figureEvents = { actorId: actor.userId, requestId: actor.requestId, entity: 'observation' };
  const cellOf = (x: Prepared): NewCell => ({
    id: randomUUID(),
    measure_id: x.m.id,
    period_start: x.start,
    period_end: x.end,
    breakdown: x.key,
    ...x.figure,
    note: x.note ?? null,
    status: statusOf(x),
    entered_by: actor.userId,
  });
  const conflict = () =>
    new ImportConflictError(
      'Someone saved some of these figures while the import ran; nothing was written, run it again',
    );
  let pending: Promise<void> = Promise.resolve();
  const send = async (work: () => Promise<void>) => {
    await pending;
    pending = work();
    pending.catch(() => {}); // awaited below; this only keeps it from counting as unhandled
    await new Promise((resolve) => setImmediate(resolve)); // let the queries go out
  };
  for (let i = 0; i < p.inserts.length; i += WRITE_CHUNK) {
    const cells: NewCell[] = [];
    const events: BulkAuditEvent[] = [];
    for (const x of p.inserts.slice(i, i + WRITE_CHUNK)) {
      const cell = cellOf(x);
      cells.push(cell);
      const row: ObservationRow = { ...cell, version: 1, updated_at: at };
      events.push({
        action: 'observation.create',
        entityId: cell.id,
        before: undefined,
        after: toObservation(row, x.m, fys),
      });
    }
    await send(async () => {
      if ((await insertCells(trx, cells)) !== cells.length) throw conflict();
      await appendAuditEvents(trx, figureEvents, events);
    });
  }
  for (let i = 0; i < p.updates.length; i += WRITE_CHUNK) {
    const changes: CellUpdate[] = [];
    const events: BulkAuditEvent[] = [];
    for (const { p: x, existing } of p.updates.slice(i, i + WRITE_CHUNK)) {
      const change: CellUpdate = {
        id: existing.id,
        version: existing.version,
        ...x.figure,
        note: x.note === undefined ? existing.note : x.note,
        status: statusOf(x),
        entered_by: actor.userId,
      };
      changes.push(change);
      const row: ObservationRow = {
        ...existing,
        ...change,
        version: existing.version + 1,
        updated_at: at,
      };
      events.push({
        action: 'observation.update',
        entityId: existing.id,
        before: toObservation(existing, x.m, fys),
        after: toObservation(row, x.m, fys),
      });
    }
    await send(async () => {
      if ((await updateCells(trx, changes)) !== changes.length) throw conflict();
      await appendAuditEvents(trx, figureEvents, events);
    });
  }
  await pending;
  await insertAuditEvent(trx, {
    actorId: actor.userId,
    action: 'import.commit',
    entity: 'import',
    entityId: jobId,
    after: {
      filename: input.filename ?? null,
      mode: input.mapping.mode,
      rowsRead: p.report.rowsRead,
      inserted: p.report.inserted,
      updated: p.report.updated,
      unchanged: p.report.unchanged,
    },
    requestId: actor.requestId,
  });
}

function readFile(input: ImportInput) {
  const file = readCsv(input.file, input.mapping.delimiter);
  let extracted: Extracted;
  try {
    extracted = extract(file, input.mapping);
  } catch (err) {
    if (err instanceof MappingError) throw new ValidationError(`mapping: ${err.message}`);
    throw err;
  }
  return { rowsRead: file.records.length, extracted };
}

/**
 * Runs an import: a dry run unless `commit`. A commit with any rejected row writes nothing and
 * returns the report with `committed` false; the caller answers 422.
 */
export async function runImport(
  db: Db,
  actor: Actor,
  input: ImportInput,
  commit: boolean,
  progress: ProgressFn = noProgress,
  jobId: string | null = null,
  read: ReturnType<typeof readFile> = readFile(input),
): Promise<ImportReport> {
  const { rowsRead, extracted } = read;
  await progress('checking', rowsRead);
  const { prepared, rejected } = await prepareAll(db, actor, input.mapping, extracted);
  extracted.candidates = []; // prepared from here on; let the raw rows go
  const { fiscalYearStartMonth: fys } = await getSettings(db);
  if (!commit) {
    return withChanges(await plan(db, actor, extracted, rowsRead, prepared, rejected), fys);
  }
  if (rejected.length > 0) {
    // Nothing will be written: report what the file holds without opening a transaction.
    return (await plan(db, actor, extracted, rowsRead, prepared, rejected)).report;
  }
  await progress('writing', rowsRead);
  try {
    return await inTransaction(db, async (trx) => {
      // The agencies' row locks, as a figure save takes them (shared; in id order so that two
      // imports cannot deadlock): a submit or review waits for the import, and the import sees
      // a period the submit locked before it. Then compared again inside the transaction, so
      // the report matches what is written.
      const agencies = [
        ...new Set(
          prepared
            .filter((x) => x.m.kind === 'performance')
            .map((x) => x.m.organization_id as string),
        ),
      ].sort();
      for (const id of agencies) await lockOrganization(trx, id, 'share');
      const p = await plan(trx, actor, extracted, rowsRead, prepared, rejected);
      if (p.report.rejected.length > 0) throw new RolledBack(p.report);
      await write(trx, actor, p, fys, input, jobId);
      return { ...p.report, committed: true };
    });
  } catch (err) {
    if (err instanceof RolledBack) return err.report;
    throw err;
  }
}

/** Starts an import in the background; its progress and report are polled from the database. */
export async function startImportJob(
  db: Db,
  actor: Actor,
  input: ImportInput,
  commit: boolean,
): Promise<{ jobId: string }> {
  const read = readFile(input);
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
      const report = await runImport(db, actor, input, commit, progress, job.id, read);
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
 * failed with INTERRUPTED_MESSAGE, each with an `import.interrupted` audit event. The commit is
 * one transaction, so an interrupted import wrote nothing, unless it had committed and only the
 * job's last update was lost: its `import.commit` event says so, and the job is marked done.
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
