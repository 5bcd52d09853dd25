// Reading: the series summary every scorecard row is made of, and the scorecards.
import { z } from 'zod';
import { planSummarySchema } from './curve-plans.js';
import {
  categorySchema,
  directionSchema,
  measureKindSchema,
  periodTypeSchema,
  unitSchema,
} from './setup.js';

/**
 * Present (true) when a restricted caller sees the last approved figure of a period reopened for
 * correction; absent otherwise.
 */
const underRevision = z.literal(true).optional();

export const pointSchema = z.object({
  period: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable().optional(),
  denominator: z.number().nullable().optional(),
  status: z.string().optional(),
  suppressed: z.boolean(),
  underRevision,
});

export const seriesSummarySchema = z.object({
  measureId: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: measureKindSchema,
  category: categorySchema.nullable(),
  unit: unitSchema,
  direction: directionSchema,
  periodType: periodTypeSchema,
  headline: z.boolean(),
  decimals: z.number().int(),
  latest: z
    .object({
      period: z.string(),
      value: z.number().nullable(),
      numerator: z.number().nullable(),
      denominator: z.number().nullable(),
      suppressed: z.boolean(),
      underRevision,
    })
    .nullable(),
  target: z.object({
    value: z.number().nullable(),
    status: z.enum(['met', 'near', 'off', 'none']),
    variance: z.number().nullable(),
    percentOfTarget: z.number().nullable(),
  }),
  trend: z.object({
    trend: z.enum(['up', 'down', 'flat']),
    periods: z.number().int(),
    favorable: z.boolean().nullable(),
  }),
  baseline: z
    .object({
      period: z.string(),
      value: z.number().nullable(),
      change: z.number().nullable(),
      favorable: z.boolean().nullable(),
    })
    .nullable(),
  points: z.array(pointSchema),
  /** Turn-the-curve work on this measure: whether there is a plan, open and overdue actions. */
  plan: planSummarySchema,
});
export type SeriesSummaryBody = z.infer<typeof seriesSummarySchema>;

const orgRef = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

export const sharedMeasureSummarySchema = seriesSummarySchema.extend({
  contributions: z.array(seriesSummarySchema.extend({ organization: orgRef })),
});

export const scorecardQuery = z.strictObject({
  period: z.string().min(1).max(20).optional(),
  horizon: z.coerce.number().int().min(0).max(40).optional(),
});

export const tableScorecardSchema = z.object({
  table: z.object({ id: z.uuid(), name: z.string(), population: z.string() }),
  period: z.string().nullable(),
  view: z.enum(['all', 'review', 'approved', 'restricted']),
  suppressionThreshold: z.number().int().nullable(),
  results: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      indicators: z.array(seriesSummarySchema),
      programs: z.array(
        z.object({
          id: z.uuid(),
          name: z.string(),
          organization: orgRef,
          measures: z.array(seriesSummarySchema),
        }),
      ),
    }),
  ),
  sharedMeasures: z.array(sharedMeasureSummarySchema),
});

export const organizationScorecardSchema = z.object({
  organization: orgRef,
  period: z.string().nullable(),
  view: z.enum(['all', 'review', 'approved', 'restricted']),
  suppressionThreshold: z.number().int().nullable(),
  programs: z.array(
    z.object({ id: z.uuid(), name: z.string(), measures: z.array(seriesSummarySchema) }),
  ),
});

export const seriesResponseSchema = seriesSummarySchema.extend({
  view: z.enum(['all', 'review', 'approved', 'restricted']),
  /** The small-cell threshold applied in this view (restricted), else null. */
  suppressionThreshold: z.number().int().nullable(),
  targets: z.array(z.object({ period: z.string(), value: z.number() })),
  forecast: z.array(z.object({ period: z.string(), value: z.number() })),
  breakdowns: z.array(
    z.object({
      breakdown: z.record(z.string(), z.string()),
      key: z.string(),
      points: z.array(pointSchema),
    }),
  ),
});
