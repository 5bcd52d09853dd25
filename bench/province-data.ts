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
//
// The parts: seeded randomness in province-random.ts, the model in province-model.ts, the rows
// of each step and their writers in province-rows.ts; the sizes the report gives are here.
import type { Province } from './province-model.js';

export {
  buildProvince,
  DIMENSIONS,
  fiscalQuarters,
  type MeasureM,
  type Province,
  type Quarter,
} from './province-model.js';
export { csvChunks, jsonBatches, type Row, stepRows, type TableRows } from './province-rows.js';

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
