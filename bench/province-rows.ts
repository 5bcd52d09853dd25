// The province benchmark's rows (bench/province-data.ts): what each step adds, table by table,
// and the writers that feed them to COPY or to INSERT … json_populate_recordset.
import { DIMENSIONS, type MeasureM, type Province, type Quarter } from './province-model.js';
import { apportion, hash, rng, uuidFrom } from './province-random.js';

export type Row = (string | number | boolean | null)[];
export interface TableRows {
  table: string;
  columns: string[];
  rows: Iterable<Row>;
}

/** Figures of one measure: [quarter index, breakdown key, value, numerator, denominator]. */
function* figuresOf(
  p: Province,
  m: MeasureM,
): Generator<[number, string, number | null, number | null, number | null]> {
  if (m.kind === 'shared') return; // computed from the partners' figures
  const r = rng(hash(p.spec.seed, 'figures', m.index));
  const last = p.quarters.length - (m.reportsLatest ? 1 : 2);
  const level = 30 + r() * 470;
  const drift = (r() - 0.45) * 0.02;
  let share = 0.35 + r() * 0.55;
  let days = 8 + r() * 50;
  let indicator = 10 + r() * 80;
  const partWeights = Object.fromEntries(
    Object.entries(DIMENSIONS).map(([d, vs]) => [d, vs.map(() => 0.5 + r())]),
  );
  for (let q = m.firstQuarter; q <= last; q++) {
    if (q > m.firstQuarter && q < last && r() < 0.02) continue; // a gap: a missed quarter
    const season = 1 + 0.12 * Math.sin((q / 4) * 2 * Math.PI);
    if (m.kind === 'indicator') {
      indicator = Math.min(99, Math.max(1, indicator + (r() - 0.5) * 3));
      yield [q, '', Math.round(indicator * 10) / 10, null, null];
    } else if (m.unit === 'count') {
      const total = Math.max(0, Math.round(level * (1 + drift * q) * season * (0.9 + r() * 0.2)));
      yield [q, '', total, null, null];
      for (const dim of m.dims) {
        const values = DIMENSIONS[dim];
        const parts = apportion(total, partWeights[dim] as number[]);
        for (const [k, v] of values.entries())
          yield [q, `${dim}=${v}`, parts[k] as number, null, null];
      }
    } else if (m.aggregation === 'ratio') {
      share = Math.min(0.98, Math.max(0.05, share + (r() - 0.48) * 0.04));
      const den = Math.max(1, Math.round((level / 3) * season * (0.85 + r() * 0.3)));
      const num = Math.min(den, Math.round(den * share));
      yield [q, '', (num / den) * 100, num, den];
    } else {
      days = Math.max(0.5, days + (r() - 0.52) * 2);
      yield [q, '', Math.round(days * 10) / 10, null, null];
    }
  }
}

const NOW = '2026-04-15 09:00:00+00';

/** Every row the step adds, table by table in foreign-key order. */
export function stepRows(p: Province, step: number): TableRows[] {
  const out: TableRows[] = [];
  const { tables, orgs, results, programs, measures, quarters } = p;
  const inStep = <T extends { step: number }>(xs: T[]) => xs.filter((x) => x.step === step);
  const orgsOfStep = inStep(orgs);
  const tablesOfStep = inStep(tables);
  const measuresOfStep = inStep(measures);

  if (step === 0) {
    out.push({
      table: 'dimensions',
      columns: ['id', 'code', 'name'],
      rows: Object.keys(DIMENSIONS).map((d) => [
        p.dimensionIds[d] as string,
        d,
        d === 'age_group' ? 'Age group' : 'Gender',
      ]),
    });
    out.push({
      table: 'dimension_values',
      columns: ['id', 'dimension_id', 'code', 'label', 'sort_order'],
      rows: Object.entries(DIMENSIONS).flatMap(([d, vs]) =>
        vs.map((v, k) => [
          p.dimensionValueIds[`${d}=${v}`] as string,
          p.dimensionIds[d] as string,
          v,
          v.replace('_', '–'),
          k,
        ]),
      ),
    });
    // Reporting periods: every quarter but the latest has closed.
    out.push({
      table: 'reporting_periods',
      columns: ['period_type', 'period_start', 'period_end', 'opens', 'due', 'closes'],
      rows: quarters
        .slice(0, -1)
        .map((q) => [
          'fiscal_quarter',
          q.start,
          q.end,
          q.start,
          addDays(q.end, 30),
          addDays(q.end, 60),
        ]),
    });
  }
  out.push({
    table: 'planning_tables',
    columns: ['id', 'name', 'population', 'description', 'created_at', 'updated_at'],
    rows: tablesOfStep.map((t) => [
      t.id,
      t.name,
      'Children and youth 0–24 and their families',
      `Benchmark table ${t.index + 1}`,
      NOW,
      NOW,
    ]),
  });
  out.push({
    table: 'organizations',
    columns: ['id', 'code', 'name', 'kind', 'created_at', 'updated_at'],
    rows: orgsOfStep.map((o) => [o.id, o.code, `Agency ${o.code}`, 'agency', NOW, NOW]),
  });
  out.push({
    table: 'table_partners',
    columns: ['table_id', 'organization_id', 'created_at'],
    rows: orgsOfStep.flatMap((o) => o.tables.map((t) => [tables[t]?.id as string, o.id, NOW])),
  });
  out.push({
    table: 'results',
    columns: ['id', 'table_id', 'title', 'sort_order', 'created_at', 'updated_at'],
    rows: results
      .filter((r) => tables[r.table]?.step === step)
      .map((r) => [
        r.id,
        tables[r.table]?.id as string,
        `Result ${r.sort + 1}: children and youth are well`,
        r.sort,
        NOW,
        NOW,
      ]),
  });
  const programsOfStep = programs.filter((pr) => orgs[pr.org]?.step === step);
  out.push({
    table: 'programs',
    columns: ['id', 'organization_id', 'name', 'created_at', 'updated_at'],
    rows: programsOfStep.map((pr) => [
      pr.id,
      orgs[pr.org]?.id as string,
      `Program ${(pr.index % p.spec.programsPerOrganization) + 1} of ${orgs[pr.org]?.code}`,
      NOW,
      NOW,
    ]),
  });
  out.push({
    table: 'program_results',
    columns: ['program_id', 'result_id'],
    rows: programsOfStep.flatMap((pr) => pr.results.map((r) => [pr.id, results[r]?.id as string])),
  });
  // Shared measures first: performance measures point at them.
  const ordered = [
    ...measuresOfStep.filter((m) => m.kind !== 'performance'),
    ...measuresOfStep.filter((m) => m.kind === 'performance'),
  ];
  out.push({
    table: 'measures',
    columns: [
      'id',
      'kind',
      'code',
      'name',
      'table_id',
      'result_id',
      'program_id',
      'organization_id',
      'category',
      'unit',
      'direction',
      'period_type',
      'aggregation',
      'period_aggregation',
      'decimals',
      'headline',
      'shared_measure_id',
      'sort_order',
      'created_at',
      'updated_at',
    ],
    rows: ordered.map((m) => [
      m.id,
      m.kind,
      m.code,
      m.name,
      m.table === null ? null : (tables[m.table]?.id as string),
      m.result === null ? null : (results[m.result]?.id as string),
      m.program === null ? null : (programs[m.program]?.id as string),
      m.org === null ? null : (orgs[m.org]?.id as string),
      m.category,
      m.unit,
      m.direction,
      'fiscal_quarter',
      m.aggregation,
      m.aggregation,
      m.decimals,
      m.headline,
      m.shared === null ? null : (measures[m.shared]?.id as string),
      m.sort,
      NOW,
      NOW,
    ]),
  });
  out.push({
    table: 'measure_dimensions',
    columns: ['measure_id', 'dimension_id'],
    rows: measuresOfStep.flatMap((m) => m.dims.map((d) => [m.id, p.dimensionIds[d] as string])),
  });
  out.push({
    table: 'targets',
    columns: ['measure_id', 'period_start', 'period_end', 'breakdown', 'value', 'updated_at'],
    rows: measuresOfStep
      .filter((m) => m.targets && m.unit !== 'count')
      .flatMap((m) =>
        quarters
          .slice(-8)
          .map((q, k) => [m.id, q.start, q.end, '', 50 + ((m.index + k) % 40), NOW]),
      ),
  });
  // Submissions: each agency's quarters approved, the next-to-last submitted or approved.
  out.push({
    table: 'submissions',
    columns: [
      'organization_id',
      'period_type',
      'period_start',
      'period_end',
      'status',
      'submitted_at',
      'reviewed_at',
    ],
    rows: orgsOfStep.flatMap((o) =>
      quarters.slice(0, -1).map((q, k) => {
        const status = k === quarters.length - 2 ? o.lateStatus : 'approved';
        return [
          o.id,
          'fiscal_quarter',
          q.start,
          q.end,
          status,
          `${addDays(q.end, 20)} 12:00:00+00`,
          status === 'approved' ? `${addDays(q.end, 40)} 12:00:00+00` : null,
        ];
      }),
    ),
  });
  out.push({
    table: 'observations',
    columns: [
      'id',
      'measure_id',
      'period_start',
      'period_end',
      'breakdown',
      'value',
      'numerator',
      'denominator',
      'status',
      'created_at',
      'updated_at',
    ],
    rows: observationRows(p, measuresOfStep),
  });
  return out;
}

/**
 * Figures in the order they would arrive: quarter by quarter across every measure (so that one
 * measure's history is spread over the table's pages, as in a real database).
 */
function* observationRows(p: Province, ms: MeasureM[]): Generator<Row> {
  const byQuarter: Row[][] = p.quarters.map(() => []);
  for (const m of ms) {
    const idr = rng(hash(p.spec.seed, 'observation-ids', m.index));
    for (const [q, breakdown, value, num, den] of figuresOf(p, m)) {
      const quarter = p.quarters[q] as Quarter;
      const org = m.org === null ? undefined : p.orgs[m.org];
      const status =
        m.kind === 'indicator'
          ? 'approved'
          : q === p.quarters.length - 1
            ? 'draft'
            : q === p.quarters.length - 2
              ? (org?.lateStatus ?? 'approved')
              : 'approved';
      const at = `${addDays(quarter.end, 15)} 12:00:00+00`;
      (byQuarter[q] as Row[]).push([
        uuidFrom(idr),
        m.id,
        quarter.start,
        quarter.end,
        breakdown,
        value,
        num,
        den,
        status,
        at,
        at,
      ]);
    }
  }
  for (const rows of byQuarter) yield* rows;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Writers

/** One CSV field for COPY … WITH (FORMAT csv): NULL unquoted and empty, every string quoted. */
function csvField(v: Row[number]): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  return `"${v.replaceAll('"', '""')}"`;
}

/** CSV text in chunks of about `lines` lines, for a COPY FROM STDIN stream. */
export function* csvChunks(rows: Iterable<Row>, lines = 5000): Generator<string> {
  let buf: string[] = [];
  for (const row of rows) {
    buf.push(row.map(csvField).join(','));
    if (buf.length >= lines) {
      yield `${buf.join('\n')}\n`;
      buf = [];
    }
  }
  if (buf.length > 0) yield `${buf.join('\n')}\n`;
}

/** Batches of row objects, for INSERT … SELECT … FROM json_populate_recordset. */
export function* jsonBatches(t: TableRows, size = 5000): Generator<Record<string, Row[number]>[]> {
  let batch: Record<string, Row[number]>[] = [];
  for (const row of t.rows) {
    batch.push(Object.fromEntries(t.columns.map((c, i) => [c, row[i] ?? null])));
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
