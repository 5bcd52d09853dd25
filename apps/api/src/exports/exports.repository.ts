// Reads for CSV exports: the measures in scope, and their cells in keyset-paginated batches so
// that memory stays flat on either engine.
import { sql } from 'kysely';
import type { DbOrTrx } from '../db/schema.js';
import type { ObservationStatus } from '../db/tables/observations.table.js';
import { measureColumns } from '../measures/measures.repository.js';
import { figuresAs, figuresOf, underRevision } from '../observations/figure-source.js';

export async function measuresWithOrganization(
  db: DbOrTrx,
  where: { ids?: string[]; organizationId?: string; programId?: string; all?: boolean },
) {
  let q = db
    .selectFrom('measures')
    .leftJoin('organizations', 'organizations.id', 'measures.organization_id')
    .select(measureColumns.map((c) => `measures.${c}` as const))
    .select('organizations.code as organization_code');
  if (where.ids) {
    if (where.ids.length === 0) return [];
    q = q.where('measures.id', 'in', where.ids);
  }
  if (where.organizationId) {
    q = q
      .where('measures.organization_id', '=', where.organizationId)
      .where('measures.kind', '=', 'performance')
      .where('measures.archived_at', 'is', null);
  }
  if (where.programId) {
    q = q
      .where('measures.program_id', '=', where.programId)
      .where('measures.archived_at', 'is', null);
  }
  if (where.all) q = q.where('measures.archived_at', 'is', null);
  return q.execute();
}

/** A table's own (not archived) indicators and shared measures. */
export async function tableLevelMeasureIds(db: DbOrTrx, tableId: string) {
  const rows = await db
    .selectFrom('measures')
    .select(['id', 'kind'])
    .where('table_id', '=', tableId)
    .where('kind', 'in', ['indicator', 'shared'])
    .where('archived_at', 'is', null)
    .execute();
  return {
    indicators: rows.filter((r) => r.kind === 'indicator').map((r) => r.id),
    shared: rows.filter((r) => r.kind === 'shared').map((r) => r.id),
  };
}

/** The measures among these whose figures are ratios of their parts. */
export async function ratioMeasureIds(db: DbOrTrx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('measures')
    .select('id')
    .where('id', 'in', ids)
    .where('aggregation', '=', 'ratio')
    .execute();
  return new Set(rows.map((r) => r.id));
}

export interface CellFilter {
  statuses: ObservationStatus[];
  from?: string | undefined;
  to?: string | undefined;
  totalsOnly: boolean;
}

export interface ExportCell {
  period_start: string;
  period_end: string;
  breakdown: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  status: ObservationStatus;
  updated_at: Date;
  target: number | null;
  under_revision: boolean;
}

/** One batch of a measure's cells after (periodStart, breakdown), in that order. */
export async function cellBatch(
  db: DbOrTrx,
  measureId: string,
  f: CellFilter,
  after: { periodStart: string; breakdown: string } | null,
  limit: number,
): Promise<ExportCell[]> {
  let q = db
    .selectFrom(figuresAs(f.statuses))
    .leftJoin('targets as t', (j) =>
      j
        .onRef('t.measure_id', '=', 'o.measure_id')
        .onRef('t.period_start', '=', 'o.period_start')
        .onRef('t.breakdown', '=', 'o.breakdown'),
    )
    .select([
      'o.period_start',
      'o.period_end',
      'o.breakdown',
      'o.value',
      'o.numerator',
      'o.denominator',
      'o.note',
      'o.status',
      'o.updated_at',
      't.value as target',
      underRevision(f.statuses, 'o').as('under_revision'),
    ])
    .where('o.measure_id', '=', measureId)
    .where('o.status', 'in', f.statuses)
    .orderBy('o.period_start')
    .orderBy('o.breakdown')
    .limit(limit);
  if (f.from) q = q.where('o.period_start', '>=', f.from);
  if (f.to) q = q.where('o.period_start', '<=', f.to);
  if (f.totalsOnly) q = q.where('o.breakdown', '=', '');
  if (after) {
    q = q.where(
      sql<boolean>`(o.period_start, o.breakdown) > (${after.periodStart}::date, ${after.breakdown})`,
    );
  }
  return q.execute();
}

/** The distinct period starts of each measure, for the wide layout's header. */
export async function periodStartsOf(db: DbOrTrx, measureIds: string[], f: CellFilter) {
  if (measureIds.length === 0) return [];
  let q = db
    .selectFrom(figuresOf(f.statuses))
    .select(['measure_id', 'period_start'])
    .distinct()
    .where('measure_id', 'in', measureIds)
    .where('status', 'in', f.statuses);
  if (f.from) q = q.where('period_start', '>=', f.from);
  if (f.to) q = q.where('period_start', '<=', f.to);
  if (f.totalsOnly) q = q.where('breakdown', '=', '');
  return q.execute();
}

/**
 * The words an export's file is named after: the table's name, the agency's code, the program's
 * agency and name, or the measure's code. Null when the id names nothing (the export then
 * fails on its own checks) or when no scope is given.
 */
export async function exportScopeName(
  db: DbOrTrx,
  q: { tableId?: string; organizationId?: string; programId?: string; measureId?: string },
): Promise<string | null> {
  if (q.measureId) {
    const m = await db
      .selectFrom('measures')
      .select('code')
      .where('id', '=', q.measureId)
      .executeTakeFirst();
    return m?.code ?? null;
  }
  if (q.programId) {
    const p = await db
      .selectFrom('programs')
      .innerJoin('organizations', 'organizations.id', 'programs.organization_id')
      .select(['organizations.code', 'programs.name'])
      .where('programs.id', '=', q.programId)
      .executeTakeFirst();
    return p ? `${p.code} ${p.name}` : null;
  }
  if (q.organizationId) {
    const o = await db
      .selectFrom('organizations')
      .select('code')
      .where('id', '=', q.organizationId)
      .executeTakeFirst();
    return o?.code ?? null;
  }
  if (q.tableId) {
    const t = await db
      .selectFrom('planning_tables')
      .select('name')
      .where('id', '=', q.tableId)
      .executeTakeFirst();
    return t?.name ?? null;
  }
  return null;
}
