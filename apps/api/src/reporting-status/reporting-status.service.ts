// Where every partner agency of a table stands in one reporting period, and how timely each has
// reported over the last four periods of that type (CONTRACT.md, issue #17). The rules are
// written down in docs/decisions.md, "Reporting status (issue #17)".
import {
  DomainError,
  dueHasPassed,
  medianDaysToApproval,
  onTimeRate,
  shiftPeriod,
} from '@rba/domain';
import type { ReportingStatus, ReportingStatusItem, ReportingStatusValue } from '@rba/schema';
import { type Actor, hasRole } from '../access/actor.js';
import { deny } from '../access/scopes.js';
import type { Db } from '../db/schema.js';
import { type ResolvedPeriod, resolvePeriod } from '../periods/periods.js';
import { visibleTable } from '../planning-tables/planning-tables.service.js';
import { getSettings } from '../settings/settings.service.js';
import {
  agencyFigureCounts,
  dueDates,
  type SubmissionRecord,
  submissionsOfPeriods,
} from './reporting-status.repository.js';

/** How many periods the timeliness history covers, the period asked about included. */
export const HISTORY_PERIODS = 4;

/**
 * The table's coordinators and members, and admins (hasRole lets admins through). Everyone else
 * who sees the table (its funders, its partner agencies' staff) is refused with 403; who does
 * not see it gets 404.
 */
async function requireStatusReader(db: Db, actor: Actor, tableId: string): Promise<void> {
  await visibleTable(db, actor, tableId);
  const allowed =
    hasRole(actor, { role: 'table_coordinator', scopeType: 'table', scopeId: tableId }) ||
    hasRole(actor, { role: 'table_member', scopeType: 'table', scopeId: tableId });
  if (!allowed) deny(true, 'Planning table');
}

/**
 * The last HISTORY_PERIODS periods of P's type up to P, oldest first. Periods before the
 * supported range of dates are left out: the history then covers fewer.
 */
function historyPeriods(period: ResolvedPeriod, fys: number): ResolvedPeriod[] {
  const out: ResolvedPeriod[] = [];
  for (let k = 1 - HISTORY_PERIODS; k <= 0; k++) {
    try {
      out.push(resolvePeriod(shiftPeriod(period.label, k, fys), fys));
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
    }
  }
  return out;
}

/** The period's status: its submission's, else whether anything has been entered yet. */
export function statusOf(
  submission: SubmissionRecord | undefined,
  entered: number,
): ReportingStatusValue {
  if (submission) return submission.status;
  return entered > 0 ? 'in_progress' : 'not_started';
}

/**
 * Overdue at `at`: the due day is over and the agency had not submitted the period by then (no
 * submission, or a first submission after `at`). A period returned or reopened has been
 * submitted: the due date is about the first submission, never the corrections.
 */
export function isOverdue(
  due: string | null,
  submission: SubmissionRecord | undefined,
  at: string,
): boolean {
  if (due === null || !dueHasPassed(due, at)) return false;
  const first = submission?.first_submitted_at ?? null;
  return first === null || first.getTime() > Date.parse(at);
}

function historyOf(
  periods: ResolvedPeriod[],
  dues: Map<string, string>,
  submissions: Map<string, SubmissionRecord>,
  at: string,
): ReportingStatusItem['history'] {
  const records = periods.map((p) => ({ p, s: submissions.get(p.start) }));
  const timely = onTimeRate(
    records.map(({ p, s }) => ({
      due: dues.get(p.start) ?? null,
      firstSubmittedAt: s?.first_submitted_at?.toISOString() ?? null,
    })),
    at,
  );
  // Approved and not reopened since, measured from its last submission. An approval stamped
  // before its submission (a clock set back) says nothing and is left out.
  const approvals = records.flatMap(({ s }) =>
    s?.status === 'approved' && s.submitted_at && s.reviewed_at && s.reviewed_at >= s.submitted_at
      ? [{ submittedAt: s.submitted_at.toISOString(), approvedAt: s.reviewed_at.toISOString() }]
      : [],
  );
  const speed = medianDaysToApproval(approvals);
  return {
    counted: timely.counted,
    onTime: timely.onTime,
    onTimeRate: timely.rate,
    approvals: speed.approvals,
    medianDaysToApproval: speed.medianDays,
  };
}

export async function reportingStatus(
  db: Db,
  actor: Actor,
  tableId: string,
  q: { period: string; at?: string | undefined },
): Promise<ReportingStatus> {
  await requireStatusReader(db, actor, tableId);
  const { fiscalYearStartMonth: fys } = await getSettings(db);
  const period = resolvePeriod(q.period, fys);
  const at = (q.at === undefined ? new Date() : new Date(q.at)).toISOString();
  const periods = historyPeriods(period, fys);
  const starts = periods.map((p) => p.start);
  const [agencies, submissionRows, dueRows] = await Promise.all([
    agencyFigureCounts(db, tableId, period.type, period.start),
    submissionsOfPeriods(db, tableId, period.type, starts),
    dueDates(db, period.type, starts),
  ]);
  const dues = new Map(dueRows.map((r) => [r.period_start, r.due]));

  const byAgency = new Map<string, Map<string, SubmissionRecord>>();
  for (const s of submissionRows) {
    const own = byAgency.get(s.organization_id) ?? new Map<string, SubmissionRecord>();
    own.set(s.period_start, s);
    byAgency.set(s.organization_id, own);
  }
  const due = dues.get(period.start) ?? null;
  const items = agencies.map((a): ReportingStatusItem => {
    const own = byAgency.get(a.id) ?? new Map<string, SubmissionRecord>();
    const s = own.get(period.start);
    const status = statusOf(s, a.entered);
    return {
      organization: { id: a.id, code: a.code, name: a.name, nameFr: a.name_fr },
      status,
      overdue: isOverdue(due, s, at),
      figures: { expected: a.expected, entered: a.entered },
      submittedAt: s?.submitted_at?.toISOString() ?? null,
      approvedAt: status === 'approved' ? (s?.reviewed_at?.toISOString() ?? null) : null,
      history: historyOf(periods, dues, own, at),
    };
  });
  return {
    period: period.label,
    due,
    at,
    historyPeriods: periods.map((p) => p.label),
    items,
  };
}
