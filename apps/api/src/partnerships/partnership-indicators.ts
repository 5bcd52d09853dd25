// What closing a survey records: density, reciprocity, mean trust and mean value as approved
// figures of the table's partnership indicators, made on the first close. Written through the
// measures', results' and observations' repositories, audited like any other indicator figure.
import type { NetworkFigures } from '@rba/domain/network';
import type { Actor } from '../access/actor.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import type { Trx } from '../db/schema.js';
import type { PeriodType } from '../db/tables/measures.table.js';
import { CodeTakenError, ConflictError, issue, ValidationError } from '../errors.js';
import {
  codeTaken,
  findMeasure,
  insertMeasure,
  type MeasureRow,
  nextMeasureOrder,
} from '../measures/measures.repository.js';
import { toMeasure } from '../measures/measures.service.js';
import {
  findObservation,
  insertObservation,
  updateObservationAtVersion,
} from '../observations/observations.repository.js';
import { toObservation } from '../observations/observations.service.js';
import type { ResolvedPeriod } from '../periods/periods.js';
import { insertResult, nextResultOrder } from '../results/results.repository.js';
import { toResult } from '../results/results.service.js';
import { tableMeasuresByCode } from './partnerships.repository.js';

export const DEFAULT_RESULT_TITLE = 'Partners work together in trust';
const NB = '\u00a0'; // French puts a no-break space before a colon

/** The result made on the first close when the survey names none, in both languages. */
const DEFAULT_RESULT = {
  title: DEFAULT_RESULT_TITLE,
  title_fr: 'Les partenaires travaillent ensemble dans la confiance',
  description:
    'How the partner agencies work together, from the partnership surveys: how many work together, whether they recognise each other, and the trust and value between them',
  description_fr: `Comment les organismes partenaires travaillent ensemble, selon les sondages sur les partenariats${NB}: combien travaillent ensemble, s’ils se reconnaissent l’un l’autre, et la confiance et la valeur entre eux`,
};

interface IndicatorSpec {
  code: 'NET_DENSITY' | 'NET_RECIPROCITY' | 'NET_TRUST' | 'NET_VALUE';
  name: string;
  nameFr: string;
  unit: 'percent' | 'number';
  decimals: number;
  definition: string;
  definitionFr: string;
  /** The figure, as recorded (percentages 0–100). */
  figure(f: NetworkFigures): number | null;
}

const percent = (share: number | null) => (share === null ? null : share * 100);

export const INDICATORS: readonly IndicatorSpec[] = [
  {
    code: 'NET_DENSITY',
    name: 'Partners working together (network density)',
    nameFr: 'Partenaires qui travaillent ensemble (densité du réseau)',
    unit: 'percent',
    decimals: 1,
    definition:
      'Of every pair of partner agencies, the share that work together (either rated the other networking or closer), from the partnership survey',
    definitionFr:
      'Parmi toutes les paires d’organismes partenaires, la proportion de celles qui travaillent ensemble (l’un des deux situe l’autre au niveau du réseautage ou plus près), selon le sondage sur les partenariats',
    figure: (f) => percent(f.density),
  },
  {
    code: 'NET_RECIPROCITY',
    name: 'Ties both partners recognise (reciprocity)',
    nameFr: 'Liens reconnus par les deux partenaires (réciprocité)',
    unit: 'percent',
    decimals: 1,
    definition:
      'Of the ties a partner reported, the share the other partner reported too, from the partnership survey',
    definitionFr:
      'Parmi les liens qu’un partenaire a déclarés, la proportion que l’autre partenaire a aussi déclarés, selon le sondage sur les partenariats',
    figure: (f) => percent(f.reciprocity),
  },
  {
    code: 'NET_TRUST',
    name: 'Mean trust between partners (1–4)',
    nameFr: 'Confiance moyenne entre les partenaires (1–4)',
    unit: 'number',
    decimals: 2,
    definition:
      'Mean over the reported ties of the trust items (openness, reliability, shared purpose), 1–4, from the partnership survey',
    definitionFr:
      'Moyenne, sur les liens déclarés, des énoncés sur la confiance (ouverture, fiabilité, objectif commun), de 1 à 4, selon le sondage sur les partenariats',
    figure: (f) => f.meanTrust,
  },
  {
    code: 'NET_VALUE',
    name: 'Mean value of partners (1–4)',
    nameFr: 'Valeur moyenne des partenaires (1–4)',
    unit: 'number',
    decimals: 2,
    definition:
      'Mean over the reported ties of the value items (resources, influence, involvement), 1–4, from the partnership survey',
    definitionFr:
      'Moyenne, sur les liens déclarés, des énoncés sur la valeur (ressources, influence, engagement), de 1 à 4, selon le sondage sur les partenariats',
    figure: (f) => f.meanValue,
  },
];

const CODES = INDICATORS.map((i) => i.code);

/** A figure as stored: to the indicator's decimals, so the scorecard reads what was recorded. */
function stored(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/**
 * Refuses a survey whose period type differs from the table's partnership indicators', or a
 * table whose measures already use one of their codes for something else.
 */
export async function checkIndicators(trx: Trx, tableId: string, periodType: PeriodType) {
  const existing = await tableMeasuresByCode(trx, tableId, CODES);
  for (const m of existing) {
    if (m.kind !== 'indicator') {
      throw new CodeTakenError(
        `This table already has a ${m.kind} measure coded ${m.code}; the partnership indicators need that code`,
      );
    }
    if (m.period_type !== periodType) {
      throw new ValidationError(
        `period: the table's partnership indicators are reported by ${m.period_type.replace('_', ' ')}, and this survey's period is a ${periodType.replace('_', ' ')}`,
        issue('body.period', 'wrong_period_type', { periodType, expected: [m.period_type] }),
      );
    }
  }
  return existing;
}

async function ensureIndicators(
  trx: Trx,
  actor: Actor,
  tableId: string,
  resultId: string | null,
  periodType: PeriodType,
  fiscalYearStart: number,
): Promise<Map<string, MeasureRow>> {
  const existing = await checkIndicators(trx, tableId, periodType);
  const out = new Map<string, MeasureRow>();
  for (const m of existing) {
    const row = await findMeasure(trx, m.id);
    if (row) out.set(m.code, row);
  }
  if (out.size === INDICATORS.length) return out;
  let result = resultId;
  if (result === null) {
    const made = toResult(
      await insertResult(trx, {
        table_id: tableId,
        ...DEFAULT_RESULT,
        sort_order: await nextResultOrder(trx, tableId),
      }),
    );
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'result.create',
      entity: 'result',
      entityId: made.id,
      after: made,
      requestId: actor.requestId,
    });
    result = made.id;
  }
  for (const spec of INDICATORS) {
    if (out.has(spec.code)) continue;
    if (await codeTaken(trx, spec.code, { tableId })) {
      throw new CodeTakenError(`A measure with code ${spec.code} already exists here`);
    }
    const row = await insertMeasure(trx, {
      kind: 'indicator',
      code: spec.code,
      name: spec.name,
      name_fr: spec.nameFr,
      table_id: tableId,
      result_id: result,
      program_id: null,
      organization_id: null,
      category: null,
      unit: spec.unit,
      rate_per: null,
      direction: 'up',
      period_type: periodType,
      aggregation: 'mean',
      period_aggregation: 'mean',
      decimals: spec.decimals,
      headline: false,
      on_data_development_agenda: false,
      baseline_period: null,
      data_source: 'Partnership survey',
      definition: spec.definition,
      definition_fr: spec.definitionFr,
      shared_measure_id: null,
      sort_order: await nextMeasureOrder(trx, 'result_id', result),
      archived_at: null,
    });
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'measure.create',
      entity: 'measure',
      entityId: row.id,
      after: toMeasure(row, [], fiscalYearStart),
      requestId: actor.requestId,
    });
    out.set(spec.code, row);
  }
  return out;
}

export interface RecordedFigure {
  code: string;
  measureId: string;
  value: number | null;
}

/**
 * Records the survey's figures for its period as approved indicator figures (replacing those a
 * previous close of the same period recorded). A figure the network cannot give (no tie, fewer
 * than two agencies) is left unrecorded.
 */
export async function recordNetworkFigures(
  trx: Trx,
  actor: Actor,
  o: {
    tableId: string;
    resultId: string | null;
    period: ResolvedPeriod;
    fiscalYearStart: number;
    figures: NetworkFigures;
  },
): Promise<RecordedFigure[]> {
  const measures = await ensureIndicators(
    trx,
    actor,
    o.tableId,
    o.resultId,
    o.period.type,
    o.fiscalYearStart,
  );
  const out: RecordedFigure[] = [];
  for (const spec of INDICATORS) {
    const m = measures.get(spec.code) as MeasureRow;
    const raw = spec.figure(o.figures);
    const value = raw === null ? null : stored(raw, spec.decimals);
    out.push({ code: spec.code, measureId: m.id, value });
    if (value === null) continue;
    const write = {
      value,
      numerator: null,
      denominator: null,
      note: 'Recorded when the partnership survey closed',
      status: 'approved' as const,
      entered_by: actor.userId,
    };
    const existing = await findObservation(trx, m.id, o.period.start, '');
    const row = existing
      ? await updateObservationAtVersion(trx, existing.id, existing.version, write)
      : await insertObservation(trx, {
          measure_id: m.id,
          period_start: o.period.start,
          period_end: o.period.end,
          breakdown: '',
          ...write,
        });
    if (!row)
      throw new ConflictError(
        'A partnership figure changed while the survey was closing; close it again',
      );
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: existing ? 'observation.update' : 'observation.create',
      entity: 'observation',
      entityId: row.id,
      before: existing ? toObservation(existing, m, o.fiscalYearStart) : undefined,
      after: toObservation(row, m, o.fiscalYearStart),
      requestId: actor.requestId,
    });
  }
  return out;
}
