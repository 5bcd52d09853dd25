// A deterministic, realistic dataset for the province benchmark: planning tables, partner
// agencies, results, programs and measures of every kind, forty fiscal quarters of figures
// (counts broken down by age group and gender, percentages entered as numerator and
// denominator, mean waits, population indicators), targets, submissions and reporting periods.
//
// Everything comes from a seeded generator, so every run builds the same province with the same
// ids. The province is built in steps (by default 10 %, 50 % and 100 % of its organizations and
// tables): each step adds new tables with their own partners, so a table loaded in the first
// step keeps its size while the province around it grows ten-fold.
//
// Rows go straight into the tables (COPY on PostgreSQL, batched INSERT … json_populate_recordset
// on PGlite), bypassing the API; they satisfy every constraint and the observations trigger.

export interface DatasetSpec {
  name: string;
  seed: number;
  tables: number;
  organizations: number;
  programsPerOrganization: number;
  /** All measures: indicators, shared measures and programs' performance measures. */
  measures: number;
  quarters: number;
  /** The first fiscal year (April to March): 2016 gives FY2016-17-Q1 as the first quarter. */
  firstFiscalYear: number;
  /** Cumulative shares of tables and organizations loaded by each step, the last being 1. */
  steps: number[];
}

export const PROVINCE: DatasetSpec = {
  name: 'province',
  seed: 20261126,
  tables: 33,
  organizations: 500,
  programsPerOrganization: 4,
  measures: 10_000,
  quarters: 40,
  firstFiscalYear: 2016,
  steps: [0.1, 0.5, 1],
};

export const COMMUNITY: DatasetSpec = {
  name: 'community',
  seed: 4242,
  tables: 1,
  organizations: 20,
  programsPerOrganization: 4,
  measures: 400,
  quarters: 40,
  firstFiscalYear: 2016,
  steps: [1],
};

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32, as in the demo seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(...parts: (string | number)[]): number {
  let h = 2166136261;
  const text = parts.join('|');
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function uuidFrom(r: () => number): string {
  const b = Array.from({ length: 16 }, () => Math.floor(r() * 256));
  b[6] = ((b[6] as number) & 0x0f) | 0x40;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const h = b.map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function pickWeighted<T>(r: () => number, items: T[], weight: (t: T) => number): T {
  const total = items.reduce((s, t) => s + weight(t), 0);
  let x = r() * total;
  for (const t of items) {
    x -= weight(t);
    if (x < 0) return t;
  }
  return items[items.length - 1] as T;
}

/** Splits a whole number into parts proportional to weights, summing exactly. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map(Math.floor);
  let left = total - parts.reduce((s, p) => s + p, 0);
  const order = raw
    .map((v, i) => ({ i, frac: v - Math.floor(v) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] as number) + 1;
    left--;
  }
  return parts;
}

// ---------------------------------------------------------------------------------------------
// The model

export interface Quarter {
  index: number;
  label: string;
  start: string;
  end: string;
}

export function fiscalQuarters(firstYear: number, count: number): Quarter[] {
  const out: Quarter[] = [];
  const pad = (n: number) => String(n).padStart(2, '0');
  for (let i = 0; i < count; i++) {
    const fy = firstYear + Math.floor(i / 4);
    const q = i % 4;
    const month = 4 + q * 3; // 4, 7, 10, 13
    const y = month > 12 ? fy + 1 : fy;
    const m = month > 12 ? month - 12 : month;
    const endMonth = m + 2;
    const lastDay = new Date(Date.UTC(y, endMonth, 0)).getUTCDate();
    out.push({
      index: i,
      label: `FY${fy}-${pad((fy + 1) % 100)}-Q${q + 1}`,
      start: `${y}-${pad(m)}-01`,
      end: `${y}-${pad(endMonth)}-${pad(lastDay)}`,
    });
  }
  return out;
}

type Unit = 'count' | 'percent' | 'rate' | 'number' | 'currency' | 'days';
type Aggregation = 'sum' | 'ratio' | 'mean';

interface TableM {
  index: number;
  id: string;
  step: number;
  weight: number;
  name: string;
  results: number[];
  shared: number[];
  partners: number[];
}
interface OrgM {
  index: number;
  id: string;
  step: number;
  code: string;
  tables: number[];
  /** Status of the next-to-last quarter: submitted or already approved. */
  lateStatus: 'submitted' | 'approved';
}
interface ResultM {
  index: number;
  id: string;
  table: number;
  sort: number;
}
interface ProgramM {
  index: number;
  id: string;
  org: number;
  table: number;
  results: number[];
}
export interface MeasureM {
  index: number;
  id: string;
  kind: 'indicator' | 'shared' | 'performance';
  code: string;
  name: string;
  step: number;
  table: number | null;
  result: number | null;
  program: number | null;
  org: number | null;
  category: 'how_much' | 'how_well' | 'better_off' | null;
  unit: Unit;
  direction: 'up' | 'down';
  aggregation: Aggregation;
  decimals: number;
  headline: boolean;
  shared: number | null;
  sort: number;
  dims: ('age_group' | 'gender')[];
  /** The first quarter with a figure; the last is missing for late reporters. */
  firstQuarter: number;
  reportsLatest: boolean;
  targets: boolean;
}

export const DIMENSIONS = {
  age_group: ['0_5', '6_11', '12_17', '18_24'],
  gender: ['girls', 'boys', 'another_gender'],
} as const;

export interface Province {
  spec: DatasetSpec;
  quarters: Quarter[];
  tables: TableM[];
  orgs: OrgM[];
  results: ResultM[];
  programs: ProgramM[];
  measures: MeasureM[];
  dimensionIds: Record<string, string>;
  dimensionValueIds: Record<string, string>;
  /** Tables and organizations per step (cumulative counts). */
  stepBounds: { tables: number; orgs: number }[];
}

const PERF_KINDS: {
  name: string;
  category: MeasureM['category'];
  unit: Unit;
  aggregation: Aggregation;
  direction: 'up' | 'down';
  dims: MeasureM['dims'];
  shared: number | null;
}[] = [
  {
    name: 'Children and youth served',
    category: 'how_much',
    unit: 'count',
    aggregation: 'sum',
    direction: 'up',
    dims: ['age_group', 'gender'],
    shared: null,
  },
  {
    name: 'Seen within 30 days of referral',
    category: 'how_well',
    unit: 'percent',
    aggregation: 'ratio',
    direction: 'up',
    dims: [],
    shared: 0,
  },
  {
    name: 'Mean days waited for service',
    category: 'how_well',
    unit: 'days',
    aggregation: 'mean',
    direction: 'down',
    dims: [],
    shared: null,
  },
  {
    name: 'Reporting improved functioning',
    category: 'better_off',
    unit: 'percent',
    aggregation: 'ratio',
    direction: 'up',
    dims: [],
    shared: 1,
  },
  {
    name: 'Sessions delivered',
    category: 'how_much',
    unit: 'count',
    aggregation: 'sum',
    direction: 'up',
    dims: ['gender'],
    shared: null,
  },
];

/** Builds the whole province in memory (no figures yet: those are generated per step). */
export function buildProvince(spec: DatasetSpec): Province {
  const r = rng(spec.seed);
  const id = () => uuidFrom(r);
  const quarters = fiscalQuarters(spec.firstFiscalYear, spec.quarters);
  const stepBounds = spec.steps.map((s) => ({
    tables: Math.max(1, Math.round(s * spec.tables)),
    orgs: Math.max(1, Math.round(s * spec.organizations)),
  }));
  const stepOfTable = (i: number) => stepBounds.findIndex((b) => i < b.tables);
  const stepOfOrg = (i: number) => stepBounds.findIndex((b) => i < b.orgs);

  const dimensionIds: Record<string, string> = {};
  const dimensionValueIds: Record<string, string> = {};
  for (const [dim, values] of Object.entries(DIMENSIONS)) {
    dimensionIds[dim] = id();
    for (const v of values) dimensionValueIds[`${dim}=${v}`] = id();
  }

  // Tables: the very first is the largest of the province (about twice the median), so that
  // its size stays the same from the first step on while the province grows around it.
  const tables: TableM[] = Array.from({ length: spec.tables }, (_, i) => {
    const step = stepOfTable(i);
    return {
      index: i,
      id: id(),
      step,
      weight: i === 0 ? 5 : 0.6 + r() * 0.8,
      name: `Planning table ${String(i + 1).padStart(2, '0')}`,
      results: [],
      shared: [],
      partners: [],
    };
  });

  const orgs: OrgM[] = Array.from({ length: spec.organizations }, (_, i) => {
    const step = stepOfOrg(i);
    const own = tables.filter((t) => t.step === step);
    const primary = pickWeighted(r, own, (t) => t.weight);
    const orgTables = [primary.index];
    if (own.length > 1 && r() < 0.25) {
      const other = pickWeighted(
        r,
        own.filter((t) => t !== primary),
        (t) => t.weight,
      );
      orgTables.push(other.index);
    }
    for (const t of orgTables) tables[t]?.partners.push(i);
    return {
      index: i,
      id: id(),
      step,
      code: `AG${String(i + 1).padStart(3, '0')}`,
      tables: orgTables,
      lateStatus: r() < 0.7 ? 'submitted' : 'approved',
    };
  });

  const results: ResultM[] = [];
  for (const t of tables) {
    const n = 3 + Math.floor(r() * 4);
    for (let k = 0; k < n; k++) {
      t.results.push(results.length);
      results.push({ index: results.length, id: id(), table: t.index, sort: k });
    }
  }

  const programs: ProgramM[] = [];
  for (const o of orgs) {
    for (let k = 0; k < spec.programsPerOrganization; k++) {
      const table = tables[
        (k === 2 && o.tables[1] !== undefined ? o.tables[1] : o.tables[0]) as number
      ] as TableM;
      const first = table.results[Math.floor(r() * table.results.length)] as number;
      const res = [first];
      if (table.results.length > 1 && r() < 0.2) {
        const second = table.results[Math.floor(r() * table.results.length)] as number;
        if (second !== first) res.push(second);
      }
      programs.push({
        index: programs.length,
        id: id(),
        org: o.index,
        table: table.index,
        results: res,
      });
    }
  }

  const measures: MeasureM[] = [];
  const base = (m: Partial<MeasureM> & Pick<MeasureM, 'kind' | 'code' | 'name' | 'step'>) => {
    const mr = rng(hash(spec.seed, 'measure', measures.length));
    const late = mr() < 0.25;
    const row: MeasureM = {
      index: measures.length,
      id: id(),
      table: null,
      result: null,
      program: null,
      org: null,
      category: null,
      unit: 'count',
      direction: 'up',
      aggregation: 'sum',
      decimals: 0,
      headline: false,
      shared: null,
      sort: 0,
      dims: [],
      firstQuarter: late ? 1 + Math.floor(mr() * Math.min(20, spec.quarters - 4)) : 0,
      reportsLatest: mr() < 0.9,
      targets: mr() < 0.3,
      ...m,
    };
    measures.push(row);
    return row;
  };

  // Table-level measures: indicators per result, two shared measures per table.
  for (const t of tables) {
    let sort = 0;
    for (const [k, rIndex] of t.results.entries()) {
      const n = k === 0 ? 3 : 2;
      for (let j = 0; j < n; j++) {
        base({
          kind: 'indicator',
          code: `IND-${k + 1}-${j + 1}`,
          name: `Population indicator ${k + 1}.${j + 1}`,
          step: t.step,
          table: t.index,
          result: rIndex,
          unit: 'percent',
          aggregation: 'mean',
          direction: j % 2 === 0 ? 'up' : 'down',
          decimals: 1,
          headline: j === 0,
          sort: sort++,
          targets: true,
        });
      }
    }
    for (const s of [0, 1]) {
      const kind = PERF_KINDS[s === 0 ? 1 : 3] as (typeof PERF_KINDS)[number];
      t.shared.push(
        base({
          kind: 'shared',
          code: `SHARED-${s + 1}`,
          name: `Collective: ${kind.name.toLowerCase()}`,
          step: t.step,
          table: t.index,
          unit: 'percent',
          aggregation: 'ratio',
          direction: 'up',
          decimals: 1,
          headline: true,
          sort: s,
          firstQuarter: 0,
          reportsLatest: true,
          targets: true,
        }).index,
      );
    }
  }

  // Performance measures: the rest, spread evenly over programs (error diffusion).
  const perfTotal = spec.measures - measures.length;
  const perProgram = perfTotal / programs.length;
  for (const p of programs) {
    const n = Math.floor((p.index + 1) * perProgram) - Math.floor(p.index * perProgram);
    const org = orgs[p.org] as OrgM;
    const table = tables[p.table] as TableM;
    const pr = rng(hash(spec.seed, 'program', p.index));
    for (let k = 0; k < n; k++) {
      const kind = PERF_KINDS[k % PERF_KINDS.length] as (typeof PERF_KINDS)[number];
      const linkShared = kind.shared !== null && pr() < (kind.shared === 0 ? 0.7 : 0.5);
      base({
        kind: 'performance',
        code: `P${p.index % spec.programsPerOrganization}-M${k + 1}`,
        name: k < PERF_KINDS.length ? kind.name : `${kind.name} (${k + 1})`,
        step: org.step,
        program: p.index,
        org: p.org,
        category: kind.category,
        unit: kind.unit,
        aggregation: kind.aggregation,
        direction: kind.direction,
        decimals: kind.unit === 'percent' || kind.unit === 'days' ? 1 : 0,
        headline: k === 0,
        dims: k < PERF_KINDS.length ? kind.dims : [],
        shared: linkShared ? (table.shared[kind.shared as number] ?? null) : null,
        sort: k,
      });
    }
  }
  if (measures.length !== spec.measures) {
    throw new Error(`generated ${measures.length} measures, wanted ${spec.measures}`);
  }
  return {
    spec,
    quarters,
    tables,
    orgs,
    results,
    programs,
    measures,
    dimensionIds,
    dimensionValueIds,
    stepBounds,
  };
}

// ---------------------------------------------------------------------------------------------
// Rows per step

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
// Sizes, for the report

export interface TableSize {
  index: number;
  id: string;
  name: string;
  step: number;
  partners: number;
  programs: number;
  measures: number;
}

/** Measures a table's collective scorecard shows: its own, its programs', and shared links. */
export function tableSizes(p: Province): TableSize[] {
  return p.tables.map((t) => {
    const progs = p.programs.filter((pr) => pr.table === t.index);
    const progSet = new Set(progs.map((pr) => pr.index));
    const sharedSet = new Set(t.shared);
    const measures = p.measures.filter(
      (m) =>
        m.table === t.index ||
        (m.program !== null && progSet.has(m.program)) ||
        (m.shared !== null && sharedSet.has(m.shared)),
    ).length;
    return {
      index: t.index,
      id: t.id,
      name: t.name,
      step: t.step,
      partners: t.partners.length,
      programs: progs.length,
      measures,
    };
  });
}

export function organizationSize(p: Province, org: number): number {
  return p.measures.filter((m) => m.org === org).length;
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
