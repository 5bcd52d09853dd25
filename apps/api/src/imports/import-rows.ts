// Reading an import: file rows turned into checked figures of known measures, or rejected lines.

import { DomainError, normalizePeriod, type PeriodType } from '@rba/domain';
import type { ImportMapping } from '@rba/schema';
import type { Actor } from '../access/actor.js';
import { deny, type View } from '../access/scopes.js';
import { today } from '../curve-plans/plan-content.js';
import type { Db } from '../db/schema.js';
import { listDimensions, measureDimensionCodes } from '../dimensions/dimensions.repository.js';
import { AppError, issue, ValidationError } from '../errors.js';
import type { MeasureRow } from '../measures/measures.repository.js';
import { canWriteMeasure, measureView, visibleMeasure } from '../measures/measures.service.js';
import { checkBreakdown } from '../observations/breakdown.js';
import { checkFigure, isRatio } from '../observations/figure.js';
import { notStartedReason } from '../observations/observations.service.js';
import { labelOf, resolvePeriod } from '../periods/periods.js';
import { getSettings } from '../settings/settings.service.js';
import { measuresForImport } from './imports.repository.js';
import type { Candidate, Extracted, LineReason, MeasureRef } from './mapping.js';
import { pacer } from './pacing.js';

export type Measure = MeasureRow & { organization_code: string | null };

export interface Prepared {
  /** The line of the file the figure came from. */
  line: number;
  m: Measure;
  start: string;
  end: string;
  key: string;
  figure: { value: number | null; numerator: number | null; denominator: number | null };
  note: string | null | undefined;
}

function checkNote(note: string | null | undefined): void {
  if (note === undefined || note === null) return;
  if (note.length > 4000) {
    throw new ValidationError(
      'note: at most 4000 characters',
      issue('note', 'too_long', { maximum: 4000 }),
    );
  }
  if (note.includes('\u0000')) {
    throw new ValidationError(
      'note: may not contain a NUL character',
      issue('note', 'contains_nul'),
    );
  }
}

/** Why a row's measure cannot be used, or the measure. */
type Resolution = { m: Measure } | { reason: string };

async function resolveMeasures(
  db: Db,
  actor: Actor,
  mapping: ImportMapping,
  candidates: Candidate[],
): Promise<(ref: MeasureRef) => Resolution> {
  if (mapping.measureId) {
    const { row } = await visibleMeasure(db, actor, mapping.measureId);
    if (!canWriteMeasure(actor, row)) deny(true, 'Measure');
    const [m] = await measuresForImport(db, { ids: [row.id] });
    const found = { m: m as Measure };
    return () => found;
  }
  const codes = new Set<string>();
  const names = new Set<string>();
  for (const c of candidates) {
    if (c.measure.by === 'code') codes.add(c.measure.code);
    else if (c.measure.by === 'name') names.add(c.measure.name);
  }
  let all = (await measuresForImport(db, { codes: [...codes], names: [...names] })) as Measure[];
  if (mapping.organizationId) all = all.filter((m) => m.organization_id === mapping.organizationId);
  // A table narrows its own indicators; program measures are told apart by their agency.
  if (mapping.tableId) {
    all = all.filter((m) => m.organization_id !== null || m.table_id === mapping.tableId);
  }
  const views = new Map<string, View | null>();
  for (const m of all) {
    const owner = m.organization_id ?? m.table_id ?? '';
    if (!views.has(owner)) views.set(owner, await measureView(db, actor, m));
  }
  const visible = (m: Measure) => views.get(m.organization_id ?? m.table_id ?? '') != null;
  const cache = new Map<string, Resolution>();
  return (ref) => {
    const cacheKey = JSON.stringify(ref);
    const hit = cache.get(cacheKey);
    if (hit) return hit;
    let matches: Measure[];
    let label: string;
    if (ref.by === 'code') {
      label = ref.organizationCode ? `${ref.code} of ${ref.organizationCode}` : ref.code;
      matches = all.filter(
        (m) =>
          m.code === ref.code &&
          (mapping.mode !== 'native' || m.organization_code === ref.organizationCode),
      );
    } else if (ref.by === 'name') {
      label = `"${ref.name}"`;
      // The English name first; the French one when no measure has that English name.
      matches = all.filter((m) => m.name === ref.name);
      if (matches.length === 0) matches = all.filter((m) => m.name_fr === ref.name);
    } else {
      label = ref.id;
      matches = all.filter((m) => m.id === ref.id);
    }
    const writable = matches.filter((m) => canWriteMeasure(actor, m));
    let r: Resolution;
    if (writable.length === 1) r = { m: writable[0] as Measure };
    else if (writable.length > 1) {
      r = {
        reason: `measure ${label} names measures of ${writable.length} owners; set the mapping's organizationId or tableId`,
      };
    } else if (matches.some(visible)) {
      r = { reason: `no permission: you may not enter figures for measure ${label}` };
    } else r = { reason: `unknown measure ${label}` };
    cache.set(cacheKey, r);
    return r;
  };
}

const FORMAT_TYPE: Record<string, PeriodType> = {
  year: 'year',
  month: 'month',
  quarter: 'quarter',
  quarter_start_month: 'month',
  fiscal_year: 'fiscal_year',
  fiscal_quarter: 'fiscal_quarter',
};

/** Canonical labels, which need no loose reading (golden/FORMAT.md). */
const LABEL: Record<PeriodType, RegExp> = {
  year: /^\d{4}$/,
  quarter: /^\d{4}-Q[1-4]$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  fiscal_year: /^FY\d{4}(-\d{2})?$/,
  fiscal_quarter: /^FY\d{4}(-\d{2})?-Q[1-4]$/,
};

function periodReader(fys: number) {
  const cache = new Map<string, { start: string; end: string } | { error: string }>();
  return (text: string, format: Candidate['format'], type: PeriodType) => {
    const key = `${format}|${type}|${text}`;
    let hit = cache.get(key);
    if (!hit) {
      try {
        let label: string;
        if (
          (format === 'label' || format === 'auto' || FORMAT_TYPE[format] === type) &&
          LABEL[type].test(text)
        ) {
          label = text; // already the canonical label: resolvePeriod below checks it
        } else if (format === 'label' || format === 'auto') {
          label = normalizePeriod(text, { type, fiscalYearStart: fys });
        } else {
          // Read the text as the format says, then fit it to the measure's period type.
          const read = normalizePeriod(text, {
            type: FORMAT_TYPE[format] as PeriodType,
            fiscalYearStart: fys,
          });
          label = normalizePeriod(read, { type, fiscalYearStart: fys });
        }
        const p = resolvePeriod(label, fys, type);
        hit = { start: p.start, end: p.end };
      } catch (err) {
        if (!(err instanceof DomainError) && !(err instanceof AppError)) throw err;
        hit = { error: `period: ${err.message}` };
      }
      cache.set(key, hit);
    }
    return hit;
  };
}

export function reasonOf(err: unknown): string {
  if (err instanceof AppError) return err.message;
  throw err;
}

export async function prepareAll(
  db: Db,
  actor: Actor,
  mapping: ImportMapping,
  extracted: Extracted,
  /** Told the share of the candidates checked so far, now and then (pacing.ts). */
  onShare: (share: number) => Promise<void> = async () => {},
): Promise<{ prepared: Prepared[]; rejected: LineReason[] }> {
  const rejected = [...extracted.rejected];
  const resolve = await resolveMeasures(db, actor, mapping, extracted.candidates);
  const settings = await getSettings(db);
  const fys = settings.fiscalYearStartMonth;
  const periodOf = periodReader(fys);
  const day = today();
  const vocabulary = await listDimensions(db);
  const measureIds = new Set<string>();
  // Long loops give the event loop a turn now and then (pacing.ts).
  const pace = pacer();
  const resolved: Resolution[] = [];
  const count = Math.max(1, extracted.candidates.length);
  for (const [i, c] of extracted.candidates.entries()) {
    if (i % 512 === 0) {
      await pace();
      await onShare(i / count / 2);
    }
    const r = resolve(c.measure);
    if ('m' in r) measureIds.add(r.m.id);
    resolved.push(r);
  }
  const dimensionsOf = new Map<string, string[]>();
  for (const d of await measureDimensionCodes(db, [...measureIds])) {
    dimensionsOf.set(d.measure_id, [...(dimensionsOf.get(d.measure_id) ?? []), d.code]);
  }
  const prepared: Prepared[] = [];
  const firstLine = new Map<string, number>();
  for (const [i, c] of extracted.candidates.entries()) {
    if (i % 256 === 0) {
      await pace();
      await onShare(0.5 + i / count / 2);
    }
    const r = resolved[i] as Resolution;
    const where = c.column ? `${c.column}: ` : '';
    const reject = (reason: string): void => {
      rejected.push({ line: c.line, reason: `${where}${reason}` });
    };
    if ('reason' in r) {
      reject(r.reason);
      continue;
    }
    const m = r.m;
    if (m.kind === 'shared') {
      reject(
        `measure ${m.code} is a shared measure, computed from its partners' figures; import those`,
      );
      continue;
    }
    if (m.archived_at) {
      reject(`measure ${m.code} is archived`);
      continue;
    }
    const period = periodOf(c.periodText, c.format, m.period_type);
    if ('error' in period) {
      reject(period.error);
      continue;
    }
    let key: string;
    let figure: Prepared['figure'];
    try {
      key = checkBreakdown(
        Object.keys(c.breakdown).length > 0 ? c.breakdown : undefined,
        dimensionsOf.get(m.id) ?? [],
        vocabulary,
      );
      // The native layout carries a ratio's derived value beside its parts: the parts count,
      // and the value is read only when they are empty (to be refused, as a PUT refuses it).
      // A column the file lacks is not an empty cell: it must not clear stored figures.
      if (
        c.format === 'label' &&
        (isRatio(m)
          ? c.numerator === undefined || c.denominator === undefined
          : c.value === undefined)
      ) {
        throw new ValidationError(
          isRatio(m)
            ? `measure ${m.code} takes numerator and denominator columns`
            : `measure ${m.code} takes a value column`,
          issue('mapping', 'required', {
            columns: isRatio(m) ? ['numerator', 'denominator'] : ['value'],
          }),
        );
      }
      const partsGiven =
        (c.numerator !== undefined && c.numerator !== null) ||
        (c.denominator !== undefined && c.denominator !== null);
      const input =
        c.format === 'label' && isRatio(m) && partsGiven
          ? { numerator: c.numerator, denominator: c.denominator }
          : c;
      checkNote(c.note);
      figure = checkFigure(m, input);
    } catch (err) {
      reject(reasonOf(err));
      continue;
    }
    const notStarted = notStartedReason(
      labelOf(period.start, m.period_type, fys),
      period.start,
      figure,
      day,
    );
    if (notStarted) {
      reject(`period: ${notStarted}`);
      continue;
    }
    const cellKey = `${m.id}|${period.start}|${key}`;
    const seen = firstLine.get(cellKey);
    if (seen !== undefined) {
      reject(
        `repeats the measure, period and breakdown of line ${seen}; each figure may appear once`,
      );
      continue;
    }
    firstLine.set(cellKey, c.line);
    prepared.push({
      line: c.line,
      m,
      start: period.start,
      end: period.end,
      key,
      figure,
      note:
        c.note === undefined ? undefined : c.note === null || c.note.trim() === '' ? null : c.note,
    });
  }
  return { prepared, rejected };
}
