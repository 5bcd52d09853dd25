// The province benchmark's model (bench/province-data.ts): tables, agencies, results, programs
// and measures, built in memory from the seed.
import type { DatasetSpec } from './province-data.js';
import { hash, pickWeighted, rng, uuidFrom } from './province-random.js';

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

export type Unit = 'count' | 'percent' | 'rate' | 'number' | 'currency' | 'days';
export type Aggregation = 'sum' | 'ratio' | 'mean';

export interface TableM {
  index: number;
  id: string;
  step: number;
  weight: number;
  name: string;
  results: number[];
  shared: number[];
  partners: number[];
}
export interface OrgM {
  index: number;
  id: string;
  step: number;
  code: string;
  tables: number[];
  /** Status of the next-to-last quarter: submitted or already approved. */
  lateStatus: 'submitted' | 'approved';
}
export interface ResultM {
  index: number;
  id: string;
  table: number;
  sort: number;
}
export interface ProgramM {
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
