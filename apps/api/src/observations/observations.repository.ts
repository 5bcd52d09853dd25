import { sql } from 'kysely';
import type { DbOrTrx } from '../db/schema.js';
import type { ObservationStatus } from '../db/tables/observations.table.js';
import type { SubmissionStatus } from '../db/tables/reporting.table.js';
import { type MeasureRow, measureColumns } from '../measures/measures.repository.js';
import { figuresOf } from './figure-source.js';

export const observationColumns = [
  'id',
  'measure_id',
  'period_start',
  'period_end',
  'breakdown',
  'value',
  'numerator',
  'denominator',
  'note',
  'status',
  'version',
  'entered_by',
  'updated_at',
] as const;

export type ObservationRow = Awaited<ReturnType<typeof findObservation>> & {};

export async function findObservation(
  db: DbOrTrx,
  measureId: string,
  periodStart: string,
  breakdown: string,
) {
  return db
    .selectFrom('observations')
    .select(observationColumns)
    .where('measure_id', '=', measureId)
    .where('period_start', '=', periodStart)
    .where('breakdown', '=', breakdown)
    .executeTakeFirst();
}

export interface ObservationWrite {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  status: ObservationStatus;
  entered_by: string;
}

/** Inserts a new cell; undefined when someone else created it first. */
export async function insertObservation(
  db: DbOrTrx,
  v: ObservationWrite & {
    measure_id: string;
    period_start: string;
    period_end: string;
    breakdown: string;
  },
) {
  return db
    .insertInto('observations')
    .values(v)
    .onConflict((oc) => oc.columns(['measure_id', 'period_start', 'breakdown']).doNothing())
    .returning(observationColumns)
    .executeTakeFirst();
}

/** Updates a cell only at the version read; undefined when another save won. */
export async function updateObservationAtVersion(
  db: DbOrTrx,
  id: string,
  version: number,
  v: ObservationWrite,
) {
  return db
    .updateTable('observations')
    .set({ ...v, version: version + 1, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(observationColumns)
    .executeTakeFirst();
}

export async function listObservations(
  db: DbOrTrx,
  measureId: string,
  q: { from?: string; to?: string; totalsOnly: boolean; statuses: ObservationStatus[] },
) {
  let query = db
    .selectFrom(figuresOf(q.statuses))
    .select(observationColumns)
    .where('measure_id', '=', measureId)
    .where('status', 'in', q.statuses)
    .orderBy('period_start')
    .orderBy('breakdown');
  if (q.from) query = query.where('period_start', '>=', q.from);
  if (q.to) query = query.where('period_start', '<=', q.to);
  if (q.totalsOnly) query = query.where('breakdown', '=', '');
  return query.execute();
}

/** The cells of one measure and period, total and parts, to check parts against the total. */
export async function cellsOfPeriod(db: DbOrTrx, measureId: string, periodStart: string) {
  return db
    .selectFrom('observations')
    .select(['breakdown', 'value', 'numerator', 'denominator'])
    .where('measure_id', '=', measureId)
    .where('period_start', '=', periodStart)
    .execute();
}

/**
 * A submission of an organization in one of these statuses that covers this period, if any:
 * the one that locks its figures, or hands them back for correction (reporting/period-locks.ts
 * says which statuses do).
 */
export async function coveringSubmission(
  db: DbOrTrx,
  organizationId: string,
  period: { start: string; end: string },
  statuses: readonly SubmissionStatus[],
) {
  if (statuses.length === 0) return undefined;
  return db
    .selectFrom('submissions')
    .select(['id', 'status', 'period_type', 'period_start'])
    .where('organization_id', '=', organizationId)
    .where('status', 'in', [...statuses])
    .where('period_start', '<=', period.start)
    .where('period_end', '>=', period.end)
    .executeTakeFirst();
}

/** A reporting period covering this one that has closed before today. */
export async function closedReportingPeriod(db: DbOrTrx, periodStart: string) {
  return db
    .selectFrom('reporting_periods')
    .select(['id', 'closes'])
    .where('period_start', '<=', periodStart)
    .where('period_end', '>=', periodStart)
    .where('closes', '<', sql<string>`current_date`)
    .executeTakeFirst();
}

export async function upsertTarget(
  db: DbOrTrx,
  v: {
    measure_id: string;
    period_start: string;
    period_end: string;
    breakdown: string;
    value: number;
  },
) {
  const existing = await db
    .selectFrom('targets')
    .select(['id', 'value'])
    .where('measure_id', '=', v.measure_id)
    .where('period_start', '=', v.period_start)
    .where('breakdown', '=', v.breakdown)
    .executeTakeFirst();
  const row = await db
    .insertInto('targets')
    .values(v)
    .onConflict((oc) =>
      oc
        .columns(['measure_id', 'period_start', 'breakdown'])
        .doUpdateSet({ value: v.value, updated_at: new Date() }),
    )
    .returning(['id', 'measure_id', 'period_start', 'breakdown', 'value'])
    .executeTakeFirstOrThrow();
  return { before: existing ?? null, row };
}

/**
 * Takes the agency's row lock for the rest of the transaction: shared by figure saves,
 * exclusive for submitting and reviewing a period.
 */
export async function lockOrganization(
  db: DbOrTrx,
  organizationId: string,
  mode: 'share' | 'update',
) {
  const q = db.selectFrom('organizations').select('id').where('id', '=', organizationId);
  await (mode === 'share' ? q.forShare() : q.forUpdate()).execute();
}

// Saving a figure in one statement (migration 20261208010000-save-figure: save_figure and the
// configuration version it checks).

/** The configuration version: it grows with every change of what the save path caches. */
export async function configVersion(db: DbOrTrx): Promise<number> {
  const { rows } = await sql<{ version: string | number }>`
    select version from config_version where id`.execute(db);
  return Number(rows[0]?.version);
}

/**
 * The dimension codes of these measures, with the configuration version they were read at (one
 * statement, one snapshot).
 */
export async function measureDimensionsAt(db: DbOrTrx, measureIds: string[]) {
  const { rows } = await sql<{
    version: string | number;
    measure_id: string | null;
    code: string | null;
  }>`
    select v.version, x.measure_id, x.code
    from config_version v
    left join lateral (
      select md.measure_id, d.code
      from measure_dimensions md join dimensions d on d.id = md.dimension_id
      where md.measure_id = any (${`{${measureIds.join(',')}}`}::uuid[])
      order by d.code) x on true
    where v.id`.execute(db);
  return {
    version: Number(rows[0]?.version),
    dims: rows.flatMap((r) =>
      r.measure_id && r.code ? [{ measure_id: r.measure_id, code: r.code }] : [],
    ),
  };
}

/** A measure, with the configuration version it was read at (one statement, one snapshot). */
export async function measureAt(db: DbOrTrx, measureId: string) {
  const { rows } = await sql<MeasureRow & { config_version: string | number; id: string | null }>`
    select v.version as config_version, ${sql.join(measureColumns.map((c) => sql.ref(`m.${c}`)))}
    from config_version v left join measures m on m.id = ${measureId}::uuid
    where v.id`.execute(db);
  const { config_version, ...row } = rows[0] as MeasureRow & { config_version: string | number };
  return { version: Number(config_version), measure: row.id ? (row as MeasureRow) : undefined };
}

export interface SaveFigureArgs {
  configVersion: number;
  measureId: string;
  /** The agency whose period rules apply (program measures), or null (no period rules). */
  organizationId: string | null;
  locking: readonly string[];
  correcting: readonly string[];
  /** May write after the reporting period has closed (administrators). */
  afterClose: boolean;
  periodStart: string;
  periodEnd: string;
  breakdown: string;
  /** The figure to store, or null to keep the stored one (a note-only edit). */
  figure: { value: number | null; numerator: number | null; denominator: number | null } | null;
  /** The note to store (null clears it), or undefined to keep the stored one. */
  note: string | null | undefined;
  /** The version the caller read, if it gave one. */
  version: number | undefined;
  actorId: string;
  /** Write the audit event (the last write of the statement), or leave it to the caller. */
  audit: boolean;
  /** What the audit event's before and after say of the period and breakdown. */
  periodLabel: string;
  breakdownObject: Record<string, string>;
  requestId: string | null;
  /** The measure's additive layers: a part larger than its total in one of them is refused. */
  layers: readonly string[];
}

export type SaveFigureKind =
  | 'stale'
  | 'locked'
  | 'closed'
  | 'conflict'
  | 'unchanged'
  | 'saved'
  | 'before'
  | 'cell';

export interface SaveFigureRow {
  o_kind: SaveFigureKind;
  o_status: string | null;
  o_id: string | null;
  o_measure_id: string | null;
  o_period_start: string | null;
  o_period_end: string | null;
  o_breakdown: string | null;
  o_value: number | null;
  o_numerator: number | null;
  o_denominator: number | null;
  o_note: string | null;
  o_version: number | null;
  o_entered_by: string | null;
  o_updated_at: Date | null;
}

/** The period checks, the write and (when asked) the audit event of one figure, in one statement. */
export async function saveFigure(db: DbOrTrx, a: SaveFigureArgs): Promise<SaveFigureRow[]> {
  const f = a.figure;
  const { rows } = await sql<SaveFigureRow>`
    select * from save_figure(${a.configVersion}::bigint, ${a.measureId}::uuid,
      ${a.organizationId}::uuid, string_to_array(${a.locking.join(',')}, ','),
      string_to_array(${a.correcting.join(',')}, ','), ${a.afterClose}::boolean,
      ${a.periodStart}::date, ${a.periodEnd}::date, ${a.breakdown}::text, ${f !== null}::boolean,
      ${numericParam(f?.value)}::numeric, ${numericParam(f?.numerator)}::numeric,
      ${numericParam(f?.denominator)}::numeric, ${a.note !== undefined}::boolean,
      ${a.note ?? null}::text, ${a.version ?? null}::integer, ${a.actorId}::uuid,
      ${a.audit}::boolean, ${a.periodLabel}::text, ${JSON.stringify(a.breakdownObject)}::jsonb,
      ${a.requestId}::text, string_to_array(${a.layers.join(',')}, ','))`.execute(db);
  return rows;
}

/** SQLSTATE of save_figure's refusal of a part larger than its total. */
const PART_OVER_TOTAL = 'RB001';

/**
 * The cells save_figure refused a write for (the total first, then each part larger than it),
 * when `err` is that refusal; else undefined.
 */
export function partsOverTotalOf(err: unknown):
  | {
      breakdown: string;
      value: number | null;
      numerator: number | null;
      denominator: number | null;
    }[]
  | undefined {
  const e = err as { code?: unknown; detail?: unknown } | null;
  if (e?.code !== PART_OVER_TOTAL || typeof e.detail !== 'string') return undefined;
  return JSON.parse(e.detail);
}

/** A JavaScript number as numeric text, exactly as the driver would write it. */
function numericParam(n: number | null | undefined): string | null {
  return n === null || n === undefined ? null : String(n);
}

/** An observation row from save_figure's answer. */
export function observationOf(r: SaveFigureRow): ObservationRow {
  return {
    id: r.o_id as string,
    measure_id: r.o_measure_id as string,
    period_start: r.o_period_start as string,
    period_end: r.o_period_end as string,
    breakdown: r.o_breakdown as string,
    value: r.o_value,
    numerator: r.o_numerator,
    denominator: r.o_denominator,
    note: r.o_note,
    status: r.o_status as ObservationRow['status'],
    version: r.o_version as number,
    entered_by: r.o_entered_by,
    updated_at: r.o_updated_at as Date,
  };
}
