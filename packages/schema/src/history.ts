// The history of a figure and what an agency changed since its period was last returned
// (CONTRACT.md "Corrections and figure history"), both read from the audit trail.
import { z } from 'zod';
import { observationStatusSchema } from './observations.js';

/** `saved` is a change of the figure; the others are its period's steps. */
export const figureHistoryAction = z.enum([
  'saved',
  'submitted',
  'returned',
  'reopened',
  'approved',
]);
export type FigureHistoryAction = z.infer<typeof figureHistoryAction>;

export const figureHistoryQuery = z.strictObject({
  /** The cell, as `dim:value;dim:value`; absent or empty for the total. */
  breakdown: z.string().max(500).optional(),
});

export const figureHistoryItem = z.object({
  at: z.iso.datetime(),
  /** Who did it; null only for an event written by the system itself. */
  actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  action: figureHistoryAction,
  /** For `saved`: the figure after the change; null for the period's steps. */
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  status: observationStatusSchema.nullable(),
  note: z.string().nullable(),
  /** The return note (`returned`) or the reason (`reopened`); null otherwise. */
  reason: z.string().nullable(),
});
export type FigureHistoryItem = z.infer<typeof figureHistoryItem>;

export const figureHistorySchema = z.object({ items: z.array(figureHistoryItem) });
export type FigureHistory = z.infer<typeof figureHistorySchema>;

const figureParts = z.object({
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
});

export const periodChangesSchema = z.object({
  /** The last return (or reopening) of the period; null when it never was. */
  since: z.object({ action: z.enum(['returned', 'reopened']), at: z.iso.datetime() }).nullable(),
  items: z.array(
    z.object({
      measureId: z.uuid(),
      code: z.string(),
      /** The figure's period: the period itself, or a shorter one within it. */
      period: z.string(),
      breakdown: z.record(z.string(), z.string()),
      /** The figure at that moment (all null when it did not exist yet). */
      before: figureParts,
      /** The figure now. */
      after: figureParts,
    }),
  ),
});
export type PeriodChanges = z.infer<typeof periodChangesSchema>;
