// The data-entry grid's read model: one agency's measures and cells for a period and the three
// before it, its submission for the period, and what the caller may do with it.
import { z } from 'zod';
import { frenchAnswer } from './common.js';
import { observationStatusSchema, submissionStatusSchema } from './observations.js';
import {
  aggregationSchema,
  categorySchema,
  directionSchema,
  periodTypeSchema,
  unitSchema,
} from './setup.js';

export const entrySheetQuery = z.strictObject({
  /** The period to enter; by default the current fiscal quarter. */
  period: z.string().min(1).max(20).optional(),
});
export type EntrySheetQuery = z.infer<typeof entrySheetQuery>;

export const entryPeriodSchema = z.object({
  label: z.string(),
  type: periodTypeSchema,
  start: z.string(),
  end: z.string(),
});
export type EntryPeriod = z.infer<typeof entryPeriodSchema>;

const personSchema = z.object({ id: z.uuid(), name: z.string() });

export const entrySubmissionSchema = z.object({
  id: z.uuid(),
  status: submissionStatusSchema,
  submittedBy: personSchema.nullable(),
  submittedAt: z.iso.datetime().nullable(),
  reviewedBy: personSchema.nullable(),
  reviewedAt: z.iso.datetime().nullable(),
  reviewNote: z.string().nullable(),
});
export type EntrySubmission = z.infer<typeof entrySubmissionSchema>;

export const entryCellSchema = z.object({
  period: z.string(),
  /** Empty for the total. */
  breakdown: z.record(z.string(), z.string()),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  note: z.string().nullable(),
  status: observationStatusSchema,
  version: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export type EntryCell = z.infer<typeof entryCellSchema>;

export const entryDimensionSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameFr: frenchAnswer,
  values: z.array(z.object({ code: z.string(), label: z.string(), labelFr: frenchAnswer })),
});

export const entryMeasureSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameFr: frenchAnswer,
  category: categorySchema.nullable(),
  unit: unitSchema,
  ratePer: z.number().nullable(),
  aggregation: aggregationSchema,
  direction: directionSchema,
  decimals: z.number().int(),
  headline: z.boolean(),
  /** `ratio`: entered as numerator and denominator, the value derived by the server. */
  entry: z.enum(['value', 'ratio']),
  dimensions: z.array(entryDimensionSchema),
  /** The cells of the four periods the caller may see, totals and breakdowns. */
  cells: z.array(entryCellSchema),
  /** The period's total less the one before (both as stored); null when either is missing. */
  change: z.number().nullable(),
});
export type EntryMeasure = z.infer<typeof entryMeasureSchema>;

export const entrySheetSchema = z.object({
  organization: z.object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    nameFr: frenchAnswer,
  }),
  /** The period being entered. */
  period: entryPeriodSchema,
  /** The three periods before it and the period itself, oldest first. */
  periods: z.array(entryPeriodSchema),
  view: z.enum(['all', 'review', 'approved']),
  submission: entrySubmissionSchema.nullable(),
  /** Why the period's figures cannot change now, or null when they can. */
  lock: z.enum(['submitted', 'approved', 'closed']).nullable(),
  /** The caller may save figures of this agency and submit the period (when not locked). */
  canEdit: z.boolean(),
  /** The caller may approve or return the period (when submitted). */
  canReview: z.boolean(),
  programs: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      nameFr: frenchAnswer,
      measures: z.array(entryMeasureSchema),
    }),
  ),
});
export type EntrySheet = z.infer<typeof entrySheetSchema>;
