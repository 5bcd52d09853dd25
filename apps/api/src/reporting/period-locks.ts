// Which submissions close an agency's figures of a period to change, and which hand the period
// back for correction. The rule lives here; the repositories are given the statuses to look for.
import type { SubmissionStatus } from '../db/tables/reporting.table.js';

/**
 * A period submitted or approved is locked: its figures change only after a coordinator returns
 * it (or an administrator reopens it).
 */
export const LOCKING_STATUSES: readonly SubmissionStatus[] = Object.freeze([
  'submitted',
  'approved',
]);

/**
 * A period returned or reopened is handed back for correction: its figures stay open to the
 * agency even after the reporting period has closed.
 */
export const CORRECTING_STATUSES: readonly SubmissionStatus[] = Object.freeze([
  'returned',
  'reopened',
]);

export function isLocking(status: SubmissionStatus | null | undefined): boolean {
  return status != null && LOCKING_STATUSES.includes(status);
}

export function isCorrecting(status: SubmissionStatus | null | undefined): boolean {
  return status != null && CORRECTING_STATUSES.includes(status);
}
