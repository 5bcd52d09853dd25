// GET /exports/scorecard.csv: one row per measure of a table's or an agency's scorecard, from the
// scorecard services. A figure stored as entered is written exactly; one the API computes (a
// percentage or rate from its numerator and denominator, a collective roll-up, a variance, a
// change) is rounded to the measure's decimals plus two (CONTRACT.md "CSV").
import type { ChangeUnit, ExportScorecardQuery } from '@rba/schema';
import type { Actor } from '../access/actor.js';
import type { Db } from '../db/schema.js';
import { organizationScorecard, tableScorecard } from '../scorecards/scorecards.service.js';
import {
  BOM,
  type CsvOptions,
  computedPlaces,
  csvLines,
  neutralise,
  num,
  rounded,
} from './csv-format.js';
import { exportFilename } from './export-filename.js';
import { exportScopeName, ratioMeasureIds } from './exports.repository.js';

// Each French twin (issue #21) comes right after its English column: empty when there is none.
const SCORECARD_COLUMNS = [
  'section',
  'result',
  'result_fr',
  'program',
  'program_fr',
  'organization_code',
  'measure_code',
  'measure_name',
  'measure_name_fr',
  'kind',
  'category',
  'unit',
  'direction',
  'period',
  'value',
  'numerator',
  'denominator',
  'suppressed',
  'target',
  'target_status',
  'variance',
  'percent_of_target',
  'trend',
  'trend_periods',
  'trend_favorable',
  'baseline_period',
  'baseline_value',
  'baseline_change',
  'baseline_favorable',
  // Added by issue #18, last so that readers by position keep working.
  'baseline_change_unit',
] as const;

interface SummaryLike {
  measureId: string;
  code: string;
  name: string;
  nameFr: string | null;
  kind: string;
  category: string | null;
  unit: string;
  direction: string;
  decimals: number;
  latest: {
    period: string;
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    suppressed: boolean;
  } | null;
  target: {
    value: number | null;
    status: string;
    variance: number | null;
    percentOfTarget: number | null;
  };
  trend: { trend: string; periods: number; favorable: boolean | null };
  baseline: {
    period: string;
    value: number | null;
    change: number | null;
    changeUnit: ChangeUnit;
    favorable: boolean | null;
  } | null;
}

interface Where {
  result?: string;
  resultFr?: string | null;
  program?: string;
  programFr?: string | null;
  organization?: string | null;
}

function bool(b: boolean | null | undefined): string {
  return b === null || b === undefined ? '' : String(b);
}

/**
 * One row. `derived` says the measure's figures are computed (a ratio's value from its parts, or
 * a shared measure's collective figure, whose parts are sums too).
 */
function scorecardRow(section: string, where: Where, s: SummaryLike, derived: boolean): string[] {
  const places = computedPlaces(s.decimals);
  const figure = (n: number | null | undefined) => (derived ? rounded(n, places) : num(n));
  const parts = (n: number | null | undefined) =>
    s.kind === 'shared' ? rounded(n, places) : num(n);
  return [
    section,
    neutralise(where.result),
    neutralise(where.resultFr),
    neutralise(where.program),
    neutralise(where.programFr),
    neutralise(where.organization),
    neutralise(s.code),
    neutralise(s.name),
    neutralise(s.nameFr),
    s.kind,
    s.category ?? '',
    s.unit,
    s.direction,
    s.latest?.period ?? '',
    figure(s.latest?.value),
    parts(s.latest?.numerator),
    parts(s.latest?.denominator),
    bool(s.latest?.suppressed ?? false),
    num(s.target.value),
    s.target.status,
    rounded(s.target.variance, places),
    rounded(s.target.percentOfTarget, places),
    s.trend.trend,
    String(s.trend.periods),
    bool(s.trend.favorable),
    s.baseline?.period ?? '',
    figure(s.baseline?.value),
    rounded(s.baseline?.change, places),
    bool(s.baseline?.favorable),
    s.baseline?.changeUnit ?? '',
  ];
}

/** One row per measure of a table's or an agency's scorecard, from the scorecard services. */
export async function exportScorecard(
  db: Db,
  actor: Actor,
  q: ExportScorecardQuery,
): Promise<{ filename: string; body: string }> {
  const o: CsvOptions = { bom: q.bom ?? false, crlf: q.crlf ?? false };
  const lines: [string, Where, SummaryLike][] = [];
  if (q.tableId) {
    const card = await tableScorecard(db, actor, q.tableId, { period: q.period });
    for (const r of card.results) {
      const result = { result: r.title, resultFr: r.titleFr };
      for (const s of r.indicators) lines.push(['indicator', result, s]);
      for (const p of r.programs) {
        const where = {
          ...result,
          program: p.name,
          programFr: p.nameFr,
          organization: p.organization.code,
        };
        for (const s of p.measures) lines.push(['program_measure', where, s]);
      }
    }
    for (const s of card.sharedMeasures) {
      lines.push(['shared_measure', {}, s]);
      for (const c of s.contributions) {
        lines.push(['contribution', { organization: c.organization.code }, c]);
      }
    }
  } else if (q.organizationId) {
    const card = await organizationScorecard(db, actor, q.organizationId, { period: q.period });
    for (const p of card.programs) {
      const where = { program: p.name, programFr: p.nameFr, organization: card.organization.code };
      for (const s of p.measures) lines.push(['program_measure', where, s]);
    }
  }
  const ratios = await ratioMeasureIds(db, [...new Set(lines.map(([, , s]) => s.measureId))]);
  const rows = lines.map(([section, where, s]) =>
    scorecardRow(section, where, s, s.kind === 'shared' || ratios.has(s.measureId)),
  );
  return {
    filename: exportFilename({
      what: 'scorecard',
      scope: await exportScopeName(db, q),
      periods: q.period ?? 'latest',
      day: new Date().toISOString().slice(0, 10),
    }),
    body: (o.bom ? BOM : '') + csvLines([[...SCORECARD_COLUMNS], ...rows], o),
  };
}
