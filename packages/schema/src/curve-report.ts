// The turn-the-curve report: a measure's curve and its current plan, in one answer. Its own module
// because it joins the two: scorecards.ts already reads curve-plans.ts.
import { z } from 'zod';
import { planSchema } from './curve-plans.js';
import { seriesResponseSchema } from './scorecards.js';

export const curveReportQuery = z.strictObject({
  horizon: z.coerce.number().int().min(0).max(40).optional(),
});

export const curveReportSchema = z.object({
  generatedAt: z.iso.datetime(),
  curve: seriesResponseSchema,
  plan: planSchema,
});
export type CurveReport = z.infer<typeof curveReportSchema>;
