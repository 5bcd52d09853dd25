// The history of a figure and what an agency changed since its period was last returned
// (CONTRACT.md "Corrections and figure history"), reconstructed from the audit trail: every
// change of a figure is an `observation.create`/`observation.update` event whose `after` is the
// figure as saved (saves, bulk saves and imports alike), and every step of a period is a
// `submission.*` event of the submission covering it. See docs/decisions.md.
import type {
  FigureHistory,
  FigureHistoryAction,
  FigureHistoryItem,
  PeriodChanges,
} from '@rba/schema';
import type { Actor } from '../access/actor.js';
import { isAdmin } from '../access/actor.js';
import { canEditTable, canReviewOrganization, deny, organizationView } from '../access/scopes.js';
import type { Db } from '../db/schema.js';
import { listDimensions, measureDimensionCodes } from '../dimensions/dimensions.repository.js';
import { issue, NotFoundError, SharedMeasureComputedError, ValidationError } from '../errors.js';
import type { MeasureRow } from '../measures/measures.repository.js';
import { visibleMeasure } from '../measures/measures.service.js';
import { checkBreakdown, parseBreakdownKey } from '../observations/breakdown.js';
import { findObservation } from '../observations/observations.repository.js';
import { findOrganization } from '../organizations/organizations.repository.js';
import { labelOf, resolvePeriod } from '../periods/periods.js';
import { findSubmission } from '../reporting/reporting.repository.js';
import { getSettings } from '../settings/settings.service.js';
import {
  figureEvents,
  figuresWithStateAt,
  lastSubmissionEvent,
  submissionEvents,
  type TrailEvent,
} from './figure-history.repository.js';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v !== null && typeof v === 'object' ? (v as Json) : {});
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * The steps of a period a figure's history shows, by audit action: what they are called and
 * where their reason is.
 */
const PERIOD_STEPS: Record<
  string,
  { action: Exclude<FigureHistoryAction, 'saved'>; reason(after: Json): string | null }
> = {
  'submission.submit': { action: 'submitted', reason: () => null },
  'submission.return': { action: 'returned', reason: (after) => str(after.reviewNote) },
  'submission.approve': { action: 'approved', reason: () => null },
  'submission.reopen': { action: 'reopened', reason: (after) => str(after.reviewNote) },
};
const SUBMIT = 'submission.submit';

/** The steps after which "what changed since" counts, by audit action. */
const SINCE_STEPS: Record<string, NonNullable<PeriodChanges['since']>['action']> = {
  'submission.return': 'returned',
  'submission.reopen': 'reopened',
};

const STATUSES = new Set(['draft', 'submitted', 'approved', 'returned']);

function actorOfEvent(e: TrailEvent): FigureHistoryItem['actor'] {
  return e.actorId !== null && e.actorName !== null ? { id: e.actorId, name: e.actorName } : null;
}

function toItem(e: TrailEvent): FigureHistoryItem {
  const after = obj(e.after);
  const base = { at: e.at.toISOString(), actor: actorOfEvent(e) };
  const step = PERIOD_STEPS[e.action];
  if (step) {
    return {
      ...base,
      action: step.action,
      value: null,
      numerator: null,
      denominator: null,
      status: null,
      note: null,
      reason: step.reason(after),
    };
  }
  const status = str(after.status);
  return {
    ...base,
    action: 'saved',
    value: num(after.value),
    numerator: num(after.numerator),
    denominator: num(after.denominator),
    status:
      status !== null && STATUSES.has(status) ? (status as FigureHistoryItem['status']) : null,
    note: str(after.note),
    reason: null,
  };
}

/**
 * Who reads a figure's history, and from where. Program figures: the agency's own staff and
 * admins (view `all`) read all of it; the coordinators of a table the agency is at read it from
 * the agency's first submission of the period on. Indicators (and shared measures): the table's
 * coordinators and admins. Everyone else who sees the measure (members, funders, other
 * agencies' staff): 403; who does not: 404.
 */
async function historyReader(
  db: Db,
  actor: Actor,
  measureId: string,
): Promise<{ m: MeasureRow; from: 'start' | 'firstSubmission' }> {
  const { row: m, view } = await visibleMeasure(db, actor, measureId);
  if (m.kind === 'performance') {
    if (view === 'all') return { m, from: 'start' };
    if (await canReviewOrganization(db, actor, m.organization_id as string)) {
      return { m, from: 'firstSubmission' };
    }
  } else if (isAdmin(actor) || canEditTable(actor, m.table_id as string)) {
    return { m, from: 'start' };
  }
  deny(true, 'Measure');
}

/** `dim:value;dim:value` (absent or empty: the total) as a breakdown, unchecked. */
export function parseBreakdownQuery(q: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (q === undefined || q.trim() === '') return out;
  for (const pair of q.split(';')) {
    const at = pair.indexOf(':');
    const dim = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    if (at < 0 || dim === '' || value === '') {
      throw new ValidationError(
        `breakdown: "${pair}" is not dim:value (write the cell as dim:value;dim:value)`,
        issue('query.breakdown', 'invalid_format', { format: 'breakdown' }),
      );
    }
    if (dim in out) {
      throw new ValidationError(
        `breakdown: ${dim} is given twice`,
        issue('query.breakdown', 'duplicate', { value: dim }),
      );
    }
    out[dim] = value;
  }
  return out;
}

export async function figureHistory(
  db: Db,
  actor: Actor,
  measureId: string,
  periodLabel: string,
  breakdownQuery: string | undefined,
): Promise<FigureHistory> {
  const { m, from } = await historyReader(db, actor, measureId);
  if (m.kind === 'shared') {
    throw new SharedMeasureComputedError(
      "A shared measure's figure is computed from its partners' figures; read the history of theirs",
    );
  }
  const [settings, vocabulary, dims] = await Promise.all([
    getSettings(db),
    listDimensions(db),
    measureDimensionCodes(db, [m.id]),
  ]);
  const period = resolvePeriod(periodLabel, settings.fiscalYearStartMonth, m.period_type);
  const key = checkBreakdown(
    parseBreakdownQuery(breakdownQuery),
    dims.map((d) => d.code),
    vocabulary,
  );
  const observation = await findObservation(db, m.id, period.start, key);
  const [saves, steps] = await Promise.all([
    observation ? figureEvents(db, observation.id) : [],
    m.kind === 'performance'
      ? submissionEvents(
          db,
          m.organization_id as string,
          period.start,
          period.end,
          Object.keys(PERIOD_STEPS),
        )
      : [],
  ]);
  let events = [...saves, ...steps].sort((a, b) => a.seq - b.seq);
  if (from === 'firstSubmission') {
    // The rule of GET /audit (docs/permissions.md), and the same submissions: those covering the
    // figure's period. The first submission itself is shown; what came before it is not.
    const first = steps.find((e) => e.action === SUBMIT)?.seq;
    events = first === undefined ? [] : events.filter((e) => e.seq >= first);
  }
  return { items: events.map(toItem) };
}

/**
 * The figures of an agency's period whose value or parts differ between its last return and
 * now. For the agency's own staff, admins and the coordinators of a table it is at (a returned
 * period has been submitted, so nothing here is a draft never submitted); members and funders
 * 403, anyone who does not see the agency 404.
 */
export async function periodChanges(
  db: Db,
  actor: Actor,
  organizationId: string,
  periodLabel: string,
): Promise<PeriodChanges> {
  const view = await organizationView(db, actor, organizationId);
  if (!view || !(await findOrganization(db, organizationId))) {
    throw new NotFoundError('Organization');
  }
  if (view !== 'all' && !(await canReviewOrganization(db, actor, organizationId))) {
    deny(true, 'Organization');
  }
  const { fiscalYearStartMonth: fys } = await getSettings(db);
  const period = resolvePeriod(periodLabel, fys);
  const submission = await findSubmission(db, organizationId, period.type, period.start);
  const last = submission
    ? await lastSubmissionEvent(db, submission.id, Object.keys(SINCE_STEPS))
    : undefined;
  if (!last) return { since: null, items: [] };
  const rows = await figuresWithStateAt(db, organizationId, period.start, period.end, last.seq);
  const items: PeriodChanges['items'] = [];
  for (const r of rows) {
    const then = obj(r.before);
    const before = {
      value: num(then.value),
      numerator: num(then.numerator),
      denominator: num(then.denominator),
    };
    const after = { value: r.value, numerator: r.numerator, denominator: r.denominator };
    if (
      before.value === after.value &&
      before.numerator === after.numerator &&
      before.denominator === after.denominator
    ) {
      continue;
    }
    items.push({
      measureId: r.measureId,
      code: r.code,
      period: labelOf(r.periodStart, r.periodType, fys),
      breakdown: parseBreakdownKey(r.breakdown),
      before,
      after,
    });
  }
  return {
    since: {
      action: SINCE_STEPS[last.action] as NonNullable<PeriodChanges['since']>['action'],
      at: last.at.toISOString(),
    },
    items,
  };
}
