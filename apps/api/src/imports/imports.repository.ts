// Set-based reads and writes for imports: a fixed number of queries per few thousand rows,
// never one per row. Arrays go in as single parameters and come apart with unnest().
import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../db/schema.js';
import type { ObservationStatus } from '../db/tables/observations.table.js';
import { measureColumns } from '../measures/measures.repository.js';
import {
  type ObservationRow,
  observationColumns,
} from '../observations/observations.repository.js';
import type { ImportJobsTable } from './import-jobs.table.js';
import { yieldToEventLoop } from './pacing.js';

const CHUNK = 5000;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function measuresForImport(
  db: DbOrTrx,
  by: { ids?: string[]; codes?: string[]; names?: string[] },
) {
  // A name is looked up in both languages: a file may name measures in English or in French.
  const ors = [
    ...(by.ids?.length ? [{ col: 'measures.id' as const, values: by.ids }] : []),
    ...(by.codes?.length ? [{ col: 'measures.code' as const, values: by.codes }] : []),
    ...(by.names?.length ? [{ col: 'measures.name' as const, values: by.names }] : []),
    ...(by.names?.length ? [{ col: 'measures.name_fr' as const, values: by.names }] : []),
  ];
  if (ors.length === 0) return [];
  return db
    .selectFrom('measures')
    .leftJoin('organizations', 'organizations.id', 'measures.organization_id')
    .select(measureColumns.map((c) => `measures.${c}` as const))
    .select('organizations.code as organization_code')
    .where((eb) => eb.or(ors.map((o) => eb(o.col, 'in', o.values))))
    .execute();
}

/** The stored cells of these (measure, period start) pairs: totals and parts alike. */
export async function cellsOfPeriods(
  db: DbOrTrx,
  pairs: { measureId: string; periodStart: string }[],
): Promise<ObservationRow[]> {
  const out: ObservationRow[] = [];
  for (const [i, part] of chunks(pairs).entries()) {
    // On PGlite each statement holds the one thread: other requests run between them.
    if (i > 0) await yieldToEventLoop();
    const { rows } = await sql<ObservationRow>`
      select ${sql.join(observationColumns.map((c) => sql.ref(`o.${c}`)))}
      from observations o
      join unnest(${part.map((x) => x.measureId)}::uuid[], ${part.map((x) => x.periodStart)}::date[]) as k(m, p)
        on o.measure_id = k.m and o.period_start = k.p`.execute(db);
    out.push(...rows);
  }
  return out;
}

/** Submitted or approved periods of these organizations: figures within them are locked. */
/** Every submission of these organizations (locking ones, and those held for correction). */
export async function submissionsOf(db: DbOrTrx, organizationIds: string[]) {
  if (organizationIds.length === 0) return [];
  return db
    .selectFrom('submissions')
    .select(['organization_id', 'status', 'period_start', 'period_end'])
    .where('organization_id', 'in', organizationIds)
    .execute();
}

export async function closedReportingPeriods(db: DbOrTrx) {
  return db
    .selectFrom('reporting_periods')
    .select(['period_start', 'period_end', 'closes'])
    .where('closes', '<', sql<string>`current_date`)
    .execute();
}

export interface NewCell {
  id: string;
  measure_id: string;
  period_start: string;
  period_end: string;
  breakdown: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  status: ObservationStatus;
  entered_by: string;
}

/**
 * Inserts new cells, with ids chosen here so that nothing needs to come back; returns how many
 * went in (fewer when someone else created one of them meanwhile).
 */
export async function insertCells(trx: Trx, cells: NewCell[]): Promise<number> {
  let count = 0;
  // One JSON document per chunk: parsed once by the server, far cheaper than array literals.
  for (const part of chunks(cells)) {
    const result = await sql`
      insert into observations
        (id, measure_id, period_start, period_end, breakdown, value, numerator, denominator, note, status, entered_by)
      select id, measure_id, period_start, period_end, breakdown, value, numerator, denominator, note, status, entered_by
      from json_to_recordset(${JSON.stringify(part)}::json) as c(
        id uuid, measure_id uuid, period_start date, period_end date, breakdown text, value numeric,
        numerator numeric, denominator numeric, note text, status text, entered_by uuid)
      on conflict (measure_id, period_start, breakdown) do nothing`.execute(trx);
    count += Number(result.numAffectedRows ?? 0);
  }
  return count;
}

export interface CellUpdate {
  id: string;
  version: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  status: ObservationStatus;
  /** Null only when an undo puts back a figure entered by no one (a seed). */
  entered_by: string | null;
}

/** Updates cells at the versions read; returns how many changed (fewer when someone else won). */
export async function updateCells(trx: Trx, cells: CellUpdate[]): Promise<number> {
  let count = 0;
  for (const part of chunks(cells)) {
    const result = await sql`
      update observations o set
        value = v.value, numerator = v.numerator, denominator = v.denominator, note = v.note,
        status = v.status, entered_by = v.entered_by, version = o.version + 1, updated_at = now()
      from json_to_recordset(${JSON.stringify(part)}::json) as v(
        id uuid, version int, value numeric, numerator numeric, denominator numeric, note text,
        status text, entered_by uuid)
      where o.id = v.id and o.version = v.version`.execute(trx);
    count += Number(result.numAffectedRows ?? 0);
  }
  return count;
}

/** The transaction's clock: what now() writes into updated_at within it. */
export async function transactionTime(trx: Trx): Promise<Date> {
  const { rows } = await sql<{ now: Date }>`select now() as now`.execute(trx);
  return (rows[0] as { now: Date }).now;
}

// Import jobs: their state lives in the database, so any API process can answer a poll.

function jobs(db: DbOrTrx) {
  return db.withTables<{ import_jobs: ImportJobsTable }>();
}

export async function insertJob(
  db: DbOrTrx,
  v: { createdBy: string; commit: boolean; total: number },
) {
  return jobs(db)
    .insertInto('import_jobs')
    .values({
      created_by: v.createdBy,
      commit: v.commit,
      total: v.total,
      status: 'running',
      phase: 'queued',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateJob(
  db: DbOrTrx,
  id: string,
  v: {
    status?: 'running' | 'done' | 'failed';
    phase?: string;
    done?: number;
    report?: unknown;
    error?: unknown;
  },
) {
  const finished = v.status === 'done' || v.status === 'failed';
  await jobs(db)
    .updateTable('import_jobs')
    .set({
      ...(v.status ? { status: v.status } : {}),
      ...(v.phase ? { phase: v.phase } : {}),
      ...(v.done !== undefined ? { done: v.done } : {}),
      ...(v.report !== undefined ? { report: JSON.stringify(v.report) } : {}),
      ...(v.error !== undefined ? { error: JSON.stringify(v.error) } : {}),
      updated_at: new Date(),
      heartbeat_at: sql<Date>`now()`,
      ...(finished ? { finished_at: new Date() } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** The running process's sign of life, on the database's clock (the same for every process). */
export async function beatJob(db: DbOrTrx, id: string): Promise<void> {
  await jobs(db)
    .updateTable('import_jobs')
    .set({ heartbeat_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

/**
 * Running jobs whose heartbeat is older than `staleMs` (all running jobs when null), locked for
 * this transaction; a job another process is recovering at the same moment is skipped.
 */
export async function lockStaleJobs(trx: Trx, staleMs: number | null, onlyId?: string) {
  let q = jobs(trx)
    .selectFrom('import_jobs')
    .select(['id', 'created_by', 'phase', 'done', 'total', 'heartbeat_at'])
    .where('status', '=', 'running');
  if (staleMs !== null)
    q = q.where('heartbeat_at', '<', sql<Date>`now() - make_interval(secs => ${staleMs / 1000})`);
  if (onlyId) q = q.where('id', '=', onlyId);
  return q.forUpdate().skipLocked().execute();
}

export async function findJob(db: DbOrTrx, id: string) {
  return jobs(db).selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirst();
}
