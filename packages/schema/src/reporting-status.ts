// Where every partner agency of a table stands in one reporting period, and how timely each has
// reported over the last four periods of that type (issue #17; docs/decisions.md).
import { z } from 'zod';
import { frenchAnswer } from './common.js';

export const reportingStatusQuery = z.strictObject({
  /** The period, as a label of the period type asked about (`FY2025-26-Q1`, `2025-07`, ...). */
  period: z.string().min(1).max(20),
  /** The moment `overdue` and the on-time rate are judged at; now when absent. */
  at: z.iso.datetime({ offset: true }).optional(),
});

/**
 * `not_started`: never submitted, no figure entered; `in_progress`: never submitted, some
 * entered; otherwise the status of the agency's submission of the period.
 */
export const reportingStatusValue = z.enum([
  'not_started',
  'in_progress',
  'submitted',
  'returned',
  'reopened',
  'approved',
]);
export type ReportingStatusValue = z.infer<typeof reportingStatusValue>;

export const reportingHistorySchema = z.object({
  /** Of `periods`, those with a due date that were submitted or whose due date is past. */
  counted: z.number().int(),
  /** Of those, the periods first submitted on or before their due date. */
  onTime: z.number().int(),
  /** onTime / counted, from 0 to 1; null when no period counts. */
  onTimeRate: z.number().nullable(),
  /** Periods approved (and not reopened since), measured from their last submission. */
  approvals: z.number().int(),
  /** The median days from the last submission to the approval, to 2 decimals; null when none. */
  medianDaysToApproval: z.number().nullable(),
});
export type ReportingHistory = z.infer<typeof reportingHistorySchema>;

export const reportingStatusItem = z.object({
  organization: z.object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    nameFr: frenchAnswer,
  }),
  status: reportingStatusValue,
  /** The due date has passed (at `at`) and the agency had not submitted the period by then. */
  overdue: z.boolean(),
  figures: z.object({
    /** One per program measure of the period's type (active, in an active program): totals. */
    expected: z.number().int(),
    /** Those whose total has a value, whatever its status; breakdown cells are not counted. */
    entered: z.number().int(),
  }),
  /** The last submission of the period; null when never submitted. */
  submittedAt: z.iso.datetime().nullable(),
  /** When the period was approved; null unless its status is `approved`. */
  approvedAt: z.iso.datetime().nullable(),
  /** Timeliness over `historyPeriods` (beyond the contract, documented here). */
  history: reportingHistorySchema,
});
export type ReportingStatusItem = z.infer<typeof reportingStatusItem>;

export const reportingStatusSchema = z.object({
  period: z.string(),
  /** The due date of the period's reporting period ('YYYY-MM-DD'); null when none is defined. */
  due: z.string().nullable(),
  /** The moment `overdue` was judged at. */
  at: z.iso.datetime(),
  /** The periods `history` covers: the last four of the type, up to and including `period`. */
  historyPeriods: z.array(z.string()),
  /** Every partner agency of the table with program measures of the period's type, by code. */
  items: z.array(reportingStatusItem),
});
export type ReportingStatus = z.infer<typeof reportingStatusSchema>;
