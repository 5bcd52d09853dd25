// Request and response bodies for figures: observations, targets, the quarterly workflow.
import { z } from 'zod';
import { isoDate, itemList } from './common.js';

const finite = z.number().refine(Number.isFinite, {
  message: 'must be a finite number',
  params: { code: 'not_a_number' },
});
const breakdownBody = z
  .record(z.string().min(1).max(60), z.string().min(1).max(60))
  .refine((b) => Object.keys(b).length <= 5, {
    message: 'at most 5 dimensions',
    params: { code: 'too_many', maximum: 5 },
  });

/** A figure's place in the review cycle (the database's column type imports this type). */
export const OBSERVATION_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export const observationStatusSchema = z.enum(OBSERVATION_STATUSES);
export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];

export const putObservationBody = z.strictObject({
  value: finite.nullable().optional(),
  numerator: finite.nullable().optional(),
  denominator: finite.nullable().optional(),
  note: z.string().max(4000).nullable().optional(),
  breakdown: breakdownBody.optional(),
  version: z.number().int().min(0).optional(),
});
export type PutObservationBody = z.infer<typeof putObservationBody>;

export const observationSchema = z.object({
  id: z.uuid(),
  measureId: z.uuid(),
  period: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  breakdown: z.record(z.string(), z.string()),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  note: z.string().nullable(),
  status: observationStatusSchema,
  version: z.number().int(),
  enteredBy: z.uuid().nullable(),
  updatedAt: z.iso.datetime(),
});
export type Observation = z.infer<typeof observationSchema>;
export const observationListSchema = itemList(observationSchema);

export const observationSaveResponse = observationSchema.extend({
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});

export const bulkObservationsBody = z.strictObject({
  items: z
    .array(
      putObservationBody.extend({
        measureId: z.uuid(),
        period: z.string().min(1).max(20),
      }),
    )
    .min(1)
    .max(2000),
});
export const bulkObservationsResponse = z.object({ items: z.array(observationSaveResponse) });

export const listObservationsQuery = z.strictObject({
  from: z.string().max(20).optional(),
  to: z.string().max(20).optional(),
  breakdowns: z.enum(['true', 'false']).optional(),
});

export const putTargetBody = z.strictObject({
  value: finite,
  breakdown: breakdownBody.optional(),
});
export const targetSchema = z.object({
  measureId: z.uuid(),
  period: z.string(),
  breakdown: z.record(z.string(), z.string()),
  value: z.number(),
});

export const returnBody = z.strictObject({ note: z.string().trim().min(1).max(4000) });

/** A period's place in the review cycle; `reopened`: approved, then reopened for correction. */
export const SUBMISSION_STATUSES = ['submitted', 'approved', 'returned', 'reopened'] as const;
export const submissionStatusSchema = z.enum(SUBMISSION_STATUSES);
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const submissionSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  period: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: submissionStatusSchema,
  submittedBy: z.uuid().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  reviewedBy: z.uuid().nullable(),
  reviewedAt: z.iso.datetime().nullable(),
  /** The note of the last return, or the reason of the last reopening. */
  reviewNote: z.string().nullable(),
  lockedObservations: z.number().int(),
  /** The period's checks when it was last submitted: figures still empty, figures flagged. */
  missingCount: z.number().int().nullable(),
  flaggedCount: z.number().int().nullable(),
});
export type Submission = z.infer<typeof submissionSchema>;

export const reopenBody = z.strictObject({
  /** Why the approved figures need correcting; required. */
  reason: z.string().trim().min(1).max(4000),
});

export const reportingPeriodBody = z.strictObject({
  period: z.string().min(1).max(20),
  opens: isoDate,
  due: isoDate,
  closes: isoDate,
});
export const reportingPeriodSchema = z.object({
  id: z.uuid(),
  period: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  opens: z.string(),
  due: z.string(),
  closes: z.string(),
});

/** Checks of an agency's period before it is submitted: never a reason to refuse it. */
export const periodChecksSchema = z.object({
  period: z.string(),
  /** Measures of the period's type with no figure yet (their totals). */
  missing: z.array(z.object({ measureId: z.uuid(), code: z.string() })),
  /** Figures that look wrong against the same cell's figures of up to 12 earlier periods. */
  flagged: z.array(
    z.object({
      measureId: z.uuid(),
      code: z.string(),
      breakdown: z.record(z.string(), z.string()),
      value: z.number(),
      /** The modified z-score; null when the earlier figures never varied. */
      score: z.number().nullable(),
    }),
  ),
});
export type PeriodChecks = z.infer<typeof periodChecksSchema>;
