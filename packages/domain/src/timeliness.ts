/**
 * How timely an agency reports: whether a due date has passed, whether a period was submitted on
 * time, the on-time rate over a few periods and the median days from submission to approval.
 * A due date is a calendar day ('YYYY-MM-DD') that lasts until its end in UTC: a period due on
 * the 31st is on time when submitted at any moment of the 31st (UTC), and overdue from the 1st.
 * Moments are ISO date-times ('2025-10-31T23:59:59Z', offsets allowed).
 */
import { InvalidInputError } from './errors.js';
import { parseIsoDate } from './periods.js';

const DAY_MS = 86_400_000;

function instant(at: string, what: string): number {
  const ms = typeof at === 'string' ? Date.parse(at) : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new InvalidInputError(`${what} must be an ISO date-time, got ${JSON.stringify(at)}`);
  }
  return ms;
}

/** The first moment after the due day, in UTC milliseconds. */
function endOfDueDay(due: string): number {
  const { year, month, day } = parseIsoDate(due);
  return Date.UTC(year, month - 1, day) + DAY_MS;
}

/** Whether the due day is over at `at` (strictly after the last moment of the day, UTC). */
export function dueHasPassed(due: string, at: string): boolean {
  return instant(at, 'at') >= endOfDueDay(due);
}

/** Whether a submission at `submittedAt` came on or before the due day. */
export function submittedOnTime(due: string, submittedAt: string): boolean {
  return instant(submittedAt, 'submittedAt') < endOfDueDay(due);
}

/** One period of an agency's record: its due date and when it was first submitted. */
export interface DueRecord {
  /** The period's due date; null when none is defined (the period does not count). */
  readonly due: string | null;
  /** The first submission of the period; null when it was never submitted. */
  readonly firstSubmittedAt: string | null;
}

export interface OnTimeResult {
  /** Periods that count: a due date, and submitted or past due at `at`. */
  readonly counted: number;
  /** Of those, periods first submitted on or before the due day. */
  readonly onTime: number;
  /** onTime / counted, from 0 to 1; null when no period counts. */
  readonly rate: number | null;
}

/**
 * The share of periods submitted on time. A period counts when it has a due date and either it
 * was submitted or its due day is over at `at`: a period not yet due and not yet submitted is
 * still undecided and left out; one past due and never submitted counts as late.
 */
export function onTimeRate(periods: readonly DueRecord[], at: string): OnTimeResult {
  instant(at, 'at');
  let counted = 0;
  let onTime = 0;
  for (const p of periods) {
    if (p.due === null) continue;
    if (p.firstSubmittedAt !== null) {
      counted++;
      if (submittedOnTime(p.due, p.firstSubmittedAt)) onTime++;
    } else if (dueHasPassed(p.due, at)) counted++;
  }
  return { counted, onTime, rate: counted === 0 ? null : onTime / counted };
}

/** The median of numbers (the mean of the middle two for an even count); null when empty. */
export function median(xs: readonly number[]): number | null {
  if (xs.some((x) => !Number.isFinite(x))) {
    throw new InvalidInputError('Every value must be a finite number');
  }
  if (xs.length === 0) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Days (fractional) from one moment to a later one. */
export function daysBetween(from: string, to: string): number {
  const days = (instant(to, 'to') - instant(from, 'from')) / DAY_MS;
  if (days < 0) throw new InvalidInputError(`${to} comes before ${from}`);
  return days;
}

export interface ApprovalRecord {
  /** When the period was (last) submitted. */
  readonly submittedAt: string;
  /** When that submission was approved. */
  readonly approvedAt: string;
}

export interface ApprovalTimeResult {
  /** Approvals measured. */
  readonly approvals: number;
  /** The median of their days from submission to approval, to 2 decimals; null when none. */
  readonly medianDays: number | null;
}

/** The median number of days from (last) submission to approval. */
export function medianDaysToApproval(records: readonly ApprovalRecord[]): ApprovalTimeResult {
  const m = median(records.map((r) => daysBetween(r.submittedAt, r.approvedAt)));
  return {
    approvals: records.length,
    medianDays: m === null ? null : Math.round(m * 100) / 100,
  };
}
