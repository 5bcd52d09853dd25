// The data-entry grid's read model: an agency's measures of one period type, with the cells of
// the period and the three before it that the caller may see, and the period's submission.
import { DomainError, shiftPeriod } from '@rba/domain';
import type { EntryCell, EntryMeasure, EntryPeriod, EntrySheet } from '@rba/schema';
import type { Actor } from '../access/actor.js';
import { isAdmin } from '../access/actor.js';
import {
  canEditOrganization,
  canReviewOrganization,
  organizationView,
  statusesFor,
} from '../access/scopes.js';
import { today } from '../curve-plans/plan-content.js';
import type { Db } from '../db/schema.js';
import { ForbiddenError, issue, NotFoundError, ValidationError } from '../errors.js';
import { parseBreakdownKey } from '../observations/breakdown.js';
import {
  closedReportingPeriod,
  coveringSubmission,
} from '../observations/observations.repository.js';
import { findOrganization } from '../organizations/organizations.repository.js';
import { labelOf, resolvePeriod } from '../periods/periods.js';
import { isCorrecting, LOCKING_STATUSES } from '../reporting/period-locks.js';
import { showsReturnNotes } from '../reporting/reporting.service.js';
import { getSettings } from '../settings/settings.service.js';
import {
  activePrograms,
  cellsOfPeriods,
  dimensionsOfMeasures,
  entryMeasures,
  submissionWithPeople,
} from './entry-sheet.repository.js';

/** How many periods the sheet shows: the one being entered and the three before it. */
const PERIODS_SHOWN = 4;

function periodsUpTo(label: string, fys: number): EntryPeriod[] {
  const current = resolvePeriod(label, fys);
  return Array.from({ length: PERIODS_SHOWN }, (_, k) => {
    let shifted: string;
    try {
      shifted = shiftPeriod(current.label, k - PERIODS_SHOWN + 1, fys);
    } catch (err) {
      if (err instanceof DomainError)
        throw new ValidationError(
          `${label}: the periods before it are out of range`,
          issue('', 'invalid_format', { format: 'period', value: label }),
        );
      throw err;
    }
    const p = resolvePeriod(shifted, fys);
    return { label: p.label, type: p.type, start: p.start, end: p.end };
  });
}

type DimensionRow = Awaited<ReturnType<typeof dimensionsOfMeasures>>[number];

function groupDimensions(rows: DimensionRow[]): Map<string, EntryMeasure['dimensions']> {
  const out = new Map<string, EntryMeasure['dimensions']>();
  for (const r of rows) {
    const list = out.get(r.measure_id) ?? [];
    let d = list.find((x) => x.code === r.code);
    if (!d) {
      d = { code: r.code, name: r.name, nameFr: r.name_fr, values: [] };
      list.push(d);
      out.set(r.measure_id, list);
    }
    if (r.value_code !== null && r.value_label !== null) {
      d.values.push({ code: r.value_code, label: r.value_label, labelFr: r.value_label_fr });
    }
  }
  return out;
}

export async function entrySheet(
  db: Db,
  actor: Actor,
  organizationId: string,
  q: { period?: string | undefined },
): Promise<EntrySheet> {
  const view = await organizationView(db, actor, organizationId);
  const org = view ? await findOrganization(db, organizationId) : undefined;
  if (!view || !org) throw new NotFoundError('Organization');
  // Raw cells carry unsuppressed figures: restricted viewers read scorecards, never cells.
  if (view === 'restricted')
    throw new ForbiddenError('Funders read series and scorecards, not raw figures');
  const settings = await getSettings(db);
  const fys = settings.fiscalYearStartMonth;
  const periods = periodsUpTo(q.period ?? labelOf(today(), 'fiscal_quarter', fys), fys);
  const period = periods[periods.length - 1] as EntryPeriod;
  const [submission, locking, closed, programs, measures, canReview] = await Promise.all([
    submissionWithPeople(db, organizationId, period.type, period.start),
    coveringSubmission(db, organizationId, period, LOCKING_STATUSES),
    isAdmin(actor) ? Promise.resolve(undefined) : closedReportingPeriod(db, period.start),
    activePrograms(db, organizationId),
    entryMeasures(db, organizationId, period.type),
    canReviewOrganization(db, actor, organizationId),
  ]);
  // A period handed back for correction stays open after its reporting period closed.
  const correcting = isCorrecting(submission?.status);
  const ids = measures.map((m) => m.id);
  const [dimensionRows, cellRows] = await Promise.all([
    dimensionsOfMeasures(db, ids),
    cellsOfPeriods(
      db,
      ids,
      periods.map((p) => p.start),
      statusesFor(view),
    ),
  ]);
  const dimensions = groupDimensions(dimensionRows);
  const labelByStart = new Map(periods.map((p) => [p.start, p.label]));
  const cells = new Map<string, EntryCell[]>();
  for (const c of cellRows) {
    const cell: EntryCell = {
      period: labelByStart.get(c.period_start) as string,
      breakdown: parseBreakdownKey(c.breakdown),
      value: c.value,
      numerator: c.numerator,
      denominator: c.denominator,
      note: c.note,
      status: c.status,
      version: c.version,
      updatedAt: c.updated_at.toISOString(),
    };
    cells.set(c.measure_id, [...(cells.get(c.measure_id) ?? []), cell]);
  }
  const previous = periods[periods.length - 2] as EntryPeriod;
  const totalOf = (list: EntryCell[], label: string) =>
    list.find((c) => c.period === label && Object.keys(c.breakdown).length === 0)?.value ?? null;
  const toMeasure = (m: (typeof measures)[number]): EntryMeasure => {
    const own = cells.get(m.id) ?? [];
    const now = totalOf(own, period.label);
    const before = totalOf(own, previous.label);
    return {
      id: m.id,
      code: m.code,
      name: m.name,
      nameFr: m.name_fr,
      category: m.category,
      unit: m.unit,
      ratePer: m.rate_per,
      aggregation: m.aggregation,
      direction: m.direction,
      decimals: m.decimals,
      headline: m.headline,
      entry: m.aggregation === 'ratio' ? 'ratio' : 'value',
      dimensions: dimensions.get(m.id) ?? [],
      cells: own,
      change: now !== null && before !== null ? now - before : null,
    };
  };
  return {
    organization: { id: org.id, code: org.code, name: org.name, nameFr: org.name_fr },
    period,
    periods,
    view,
    submission: submission
      ? {
          id: submission.id,
          status: submission.status,
          submittedBy:
            submission.submitted_by && submission.submitter_name !== null
              ? { id: submission.submitted_by, name: submission.submitter_name }
              : null,
          submittedAt: submission.submitted_at?.toISOString() ?? null,
          reviewedBy:
            submission.reviewed_by && submission.reviewer_name !== null
              ? { id: submission.reviewed_by, name: submission.reviewer_name }
              : null,
          reviewedAt: submission.reviewed_at?.toISOString() ?? null,
          reviewNote: showsReturnNotes(view, canReview) ? submission.review_note : null,
        }
      : null,
    lock: locking
      ? (locking.status as 'submitted' | 'approved')
      : closed && !correcting
        ? 'closed'
        : null,
    canEdit: canEditOrganization(actor, organizationId),
    canReview,
    programs: programs.map((p) => ({
      id: p.id,
      name: p.name,
      nameFr: p.name_fr,
      measures: measures.filter((m) => m.program_id === p.id).map(toMeasure),
    })),
  };
}
