// Shapes a scorecard from the API into the sections and rows the table draws, after the filters.
// Pure: it chooses and orders what the API sent, and computes no figure.

import type {
  OrganizationScorecard,
  SeriesSummary,
  SharedMeasureSummary,
  TableScorecard,
} from '../../api/scorecards-api';

export type CategoryFilter = 'all' | 'how_much' | 'how_well' | 'better_off' | 'indicator';
export const categoryFilters: readonly CategoryFilter[] = [
  'all',
  'indicator',
  'how_much',
  'how_well',
  'better_off',
];

export interface ScorecardFilters {
  /** Only this agency's programs and contributions; null for every partner. */
  partner: string | null;
  category: CategoryFilter;
  headlineOnly: boolean;
}

export const noFilters: ScorecardFilters = { partner: null, category: 'all', headlineOnly: false };

export interface OrganizationRef {
  id: string;
  code: string;
  name: string;
  /** The stored French name (null when there is none); `name` is already the reader's language. */
  nameFr: string | null;
}

/** One line of the table: a measure's figures, how deep it sits, and for whom it counts. */
export interface ScorecardRow {
  key: string;
  series: SeriesSummary;
  /** 1: an indicator or a shared measure; 2: a program's measure; 3: a partner's contribution. */
  level: 1 | 2 | 3;
  /** The contributing agency of a shared measure's contribution. */
  organization?: OrganizationRef;
}

/** A run of rows under one heading inside a section: the indicators, or one program. */
export interface ScorecardGroup {
  key: string;
  /** `plain` rows need no heading of their own (the section's title says what they are). */
  kind: 'indicators' | 'program' | 'plain';
  /** The program's name, for a program group, and its stored French (see NameText). */
  name?: string;
  nameFr?: string | null;
  organization?: OrganizationRef;
  rows: ScorecardRow[];
}

export interface ScorecardSection {
  key: string;
  kind: 'result' | 'shared' | 'program';
  /** The result's title or the program's name; none for the shared measures. */
  title?: string;
  titleFr?: string | null;
  groups: ScorecardGroup[];
}

function matchesCategory(series: SeriesSummary, category: CategoryFilter): boolean {
  if (category === 'all') return true;
  if (category === 'indicator') return series.kind === 'indicator';
  return series.kind !== 'indicator' && series.category === category;
}

function keep(series: SeriesSummary, filters: ScorecardFilters): boolean {
  return matchesCategory(series, filters.category) && (!filters.headlineOnly || series.headline);
}

function nonEmpty<T extends { rows: unknown[] }>(groups: T[]): T[] {
  return groups.filter((g) => g.rows.length > 0);
}

/** Results (indicators, then each contributing program) and, last, the shared measures. */
export function tableSections(
  scorecard: TableScorecard,
  filters: ScorecardFilters,
): ScorecardSection[] {
  const sections: ScorecardSection[] = [];
  for (const result of scorecard.results) {
    const groups: ScorecardGroup[] = [];
    // Indicators are the whole population's, so a partner filter leaves them in place.
    groups.push({
      key: `${result.id}:indicators`,
      kind: 'indicators',
      rows: result.indicators
        .filter((s) => keep(s, filters))
        .map((series) => ({ key: `${result.id}:${series.measureId}`, series, level: 1 })),
    });
    for (const program of result.programs) {
      if (filters.partner !== null && program.organization.id !== filters.partner) continue;
      groups.push({
        key: `${result.id}:${program.id}`,
        kind: 'program',
        name: program.name,
        nameFr: program.nameFr,
        organization: program.organization,
        rows: program.measures
          .filter((s) => keep(s, filters))
          .map((series) => ({
            key: `${result.id}:${program.id}:${series.measureId}`,
            series,
            level: 2,
          })),
      });
    }
    const shown = nonEmpty(groups);
    if (shown.length > 0) {
      sections.push({
        key: result.id,
        kind: 'result',
        title: result.title,
        titleFr: result.titleFr,
        groups: shown,
      });
    }
  }
  const shared = sharedRows(scorecard.sharedMeasures, filters);
  if (shared.length > 0) {
    sections.push({
      key: 'shared',
      kind: 'shared',
      groups: [{ key: 'shared', kind: 'plain', rows: shared }],
    });
  }
  return sections;
}

/** Each shared measure's collective figure, with the partners' contributions beneath it. */
function sharedRows(
  measures: readonly SharedMeasureSummary[],
  filters: ScorecardFilters,
): ScorecardRow[] {
  const rows: ScorecardRow[] = [];
  for (const measure of measures) {
    if (!keep(measure, filters)) continue;
    const { contributions, ...series } = measure;
    rows.push({ key: `shared:${measure.measureId}`, series, level: 1 });
    for (const contribution of contributions) {
      if (filters.partner !== null && contribution.organization.id !== filters.partner) continue;
      const { organization, ...contributed } = contribution;
      rows.push({
        key: `shared:${measure.measureId}:${contribution.measureId}`,
        series: contributed,
        level: 3,
        organization,
      });
    }
  }
  return rows;
}

/** A partner's scorecard: one section per program. */
export function organizationSections(
  scorecard: OrganizationScorecard,
  filters: ScorecardFilters,
): ScorecardSection[] {
  return scorecard.programs.flatMap((program) => {
    const rows: ScorecardRow[] = program.measures
      .filter((s) => keep(s, filters))
      .map((series) => ({ key: `${program.id}:${series.measureId}`, series, level: 1 }));
    if (rows.length === 0) return [];
    return [
      {
        key: program.id,
        kind: 'program' as const,
        title: program.name,
        titleFr: program.nameFr,
        groups: [{ key: program.id, kind: 'plain' as const, rows }],
      },
    ];
  });
}

/** The agencies a table's scorecard names (its programs' and contributions'), by name. */
export function scorecardPartners(scorecard: TableScorecard): OrganizationRef[] {
  const found = new Map<string, OrganizationRef>();
  for (const result of scorecard.results) {
    for (const program of result.programs) found.set(program.organization.id, program.organization);
  }
  for (const measure of scorecard.sharedMeasures) {
    for (const c of measure.contributions) found.set(c.organization.id, c.organization);
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export type PeriodKind = 'fiscal_quarter' | 'fiscal_year' | 'quarter' | 'month' | 'year' | 'other';
const periodKinds: readonly PeriodKind[] = [
  'fiscal_quarter',
  'quarter',
  'month',
  'fiscal_year',
  'year',
  'other',
];

/** What kind of period a canonical label names (FORMAT.md's labels). */
export function periodKind(label: string): PeriodKind {
  if (/^FY\d{4}-\d{2}-Q[1-4]$/.test(label)) return 'fiscal_quarter';
  if (/^FY\d{4}-\d{2}$/.test(label)) return 'fiscal_year';
  if (/^\d{4}-Q[1-4]$/.test(label)) return 'quarter';
  if (/^\d{4}-\d{2}$/.test(label)) return 'month';
  if (/^\d{4}$/.test(label)) return 'year';
  return 'other';
}

/** The periods of a scorecard's figures (the API's `periods`), by kind, newest first. */
export function scorecardPeriods(
  scorecard: TableScorecard | OrganizationScorecard,
): { kind: PeriodKind; periods: string[] }[] {
  const byKind = new Map<PeriodKind, Set<string>>();
  for (const period of scorecard.periods) {
    const kind = periodKind(period);
    let set = byKind.get(kind);
    if (!set) {
      set = new Set();
      byKind.set(kind, set);
    }
    set.add(period);
  }
  return periodKinds
    .filter((kind) => byKind.has(kind))
    .map((kind) => ({
      kind,
      // Canonical labels are zero-padded and year-first: text order is time order.
      periods: [...(byKind.get(kind) ?? [])].sort().reverse(),
    }));
}
