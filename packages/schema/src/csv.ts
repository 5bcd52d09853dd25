// CSV export and import: query strings, the column mapping of an import, its report and jobs.
import { z } from 'zod';

/** `true`/`false` (also `1`/`0`) in a query string. */
const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

const periodLabel = z.string().min(1).max(20);

export const exportObservationsQuery = z.strictObject({
  tableId: z.uuid().optional(),
  organizationId: z.uuid().optional(),
  programId: z.uuid().optional(),
  measureId: z.uuid().optional(),
  /** A period label or an ISO date: rows whose period starts on or after its start. */
  from: periodLabel.optional(),
  /** A period label or an ISO date: rows whose period starts on or before its end. */
  to: periodLabel.optional(),
  /** Comma-separated statuses, narrowed to those the caller may see. */
  status: z
    .string()
    .regex(/^(draft|submitted|approved|returned)(,(draft|submitted|approved|returned))*$/)
    .optional(),
  /** `false` exports totals only. */
  breakdowns: flag,
  layout: z.enum(['long', 'wide']).default('long'),
  bom: flag,
  crlf: flag,
});
export type ExportObservationsQuery = z.infer<typeof exportObservationsQuery>;

export const exportScorecardQuery = z
  .strictObject({
    tableId: z.uuid().optional(),
    organizationId: z.uuid().optional(),
    period: periodLabel.optional(),
    bom: flag,
    crlf: flag,
  })
  .refine((q) => (q.tableId === undefined) !== (q.organizationId === undefined), {
    message: 'give exactly one of tableId and organizationId',
    params: { code: 'one_of', fields: ['tableId', 'organizationId'], exactly: true },
  });
export type ExportScorecardQuery = z.infer<typeof exportScorecardQuery>;

/**
 * The columns of the long layout, in order (DESIGN.md, plus `suppressed` and `under_revision`:
 * the last approved figure of a reopened period, as a restricted caller reads it; and, since
 * issue #21, `measure_name_fr` beside `measure_name`: the measure's French name, empty when it
 * has none).
 */
export const LONG_COLUMNS = [
  'measure_code',
  'measure_name',
  'measure_name_fr',
  'organization_code',
  'period',
  'period_start',
  'period_end',
  'breakdown',
  'value',
  'numerator',
  'denominator',
  'target',
  'unit',
  'status',
  'note',
  'updated_at',
  'suppressed',
  'under_revision',
] as const;

const column = z.string().min(1).max(200);

export const PERIOD_FORMATS = [
  'auto',
  'year',
  'month',
  'quarter',
  'quarter_start_month',
  'fiscal_year',
  'fiscal_quarter',
] as const;

export const DEFAULT_MISSING = ['', 'NA', 'N/A', '..', '...', 'F', 'x', 'X'] as const;

export const importMapping = z
  .strictObject({
    mode: z.enum(['native', 'long', 'wide']).default('native'),
    measureId: z.uuid().optional(),
    measure: z.strictObject({ column, by: z.enum(['code', 'name']).default('code') }).optional(),
    /** Narrows measure look-up by code or name to one owner (extension of the contract). */
    organizationId: z.uuid().optional(),
    tableId: z.uuid().optional(),
    period: z
      .strictObject({ column: column.optional(), format: z.enum(PERIOD_FORMATS).default('auto') })
      .optional(),
    value: z
      .strictObject({
        column,
        scale: z
          .number()
          .refine(Number.isFinite, {
            message: 'must be a finite number',
            params: { code: 'not_a_number' },
          })
          .default(1),
      })
      .optional(),
    numerator: z.strictObject({ column }).optional(),
    denominator: z.strictObject({ column }).optional(),
    /** Optional: a column whose text becomes the figure's note. */
    note: z.strictObject({ column }).optional(),
    breakdown: z
      .record(
        z.string().min(1).max(60),
        z.strictObject({
          column,
          /** Cell text → dimension value code; null is the total. Unmapped text is rejected. */
          values: z.record(z.string(), z.string().min(1).max(60).nullable()).optional(),
        }),
      )
      .optional(),
    filters: z
      .array(
        z
          .strictObject({
            column,
            equals: z.string().optional(),
            in: z.array(z.string()).optional(),
          })
          .refine((f) => (f.equals === undefined) !== (f.in === undefined), {
            message: 'a filter takes equals or in',
            params: { code: 'one_of', fields: ['equals', 'in'], exactly: true },
          }),
      )
      .max(50)
      .optional(),
    missing: z.array(z.string().max(50)).max(50).optional(),
    wide: z.strictObject({ periodColumns: z.array(column).min(1).max(500) }).optional(),
    delimiter: z.enum(['auto', ',', ';', '\t', '|']).default('auto'),
  })
  .superRefine((m, ctx) => {
    if (m.mode === 'native') return;
    if (!m.measureId && !m.measure) {
      ctx.addIssue({
        code: 'custom',
        message: 'give measureId or measure',
        path: ['measure'],
        params: { code: 'one_of', fields: ['measureId', 'measure'] },
      });
    }
    if (m.mode === 'wide') {
      if (!m.wide)
        ctx.addIssue({
          code: 'custom',
          message: 'wide mode needs wide',
          path: ['wide'],
          params: { code: 'required' },
        });
      if (m.numerator || m.denominator) {
        ctx.addIssue({
          code: 'custom',
          message: 'wide mode reads one value per cell; numerator/denominator need long mode',
          path: ['numerator'],
          params: { code: 'single_value_only' },
        });
      }
    } else {
      if (!m.period?.column) {
        ctx.addIssue({
          code: 'custom',
          message: 'long mode needs period.column',
          path: ['period', 'column'],
          params: { code: 'required' },
        });
      }
      if (!m.value && !(m.numerator && m.denominator)) {
        ctx.addIssue({
          code: 'custom',
          message: 'long mode needs value, or numerator and denominator',
          path: ['value'],
          params: { code: 'one_of', fields: ['value', 'numerator + denominator'] },
        });
      }
    }
  });
export type ImportMapping = z.infer<typeof importMapping>;

export const importQuery = z.strictObject({
  commit: flag,
  async: flag,
});

const lineReason = z.object({ line: z.number().int(), reason: z.string() });

/** A figure's stored or imported numbers and note, in a dry run's `changes`. */
const importFigure = z.object({
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  note: z.string().nullable(),
});

/** How many figures a dry run lists in `changes`; `changesTruncated` says when there were more. */
export const IMPORT_CHANGES_LIMIT = 1000;

/** One figure a dry run would insert (`before` null) or update (`before` as stored). */
export const importChange = z.object({
  line: z.number().int(),
  measureId: z.uuid(),
  measureCode: z.string(),
  /** The agency of a program measure; null for a table's indicator. */
  organizationCode: z.string().nullable(),
  period: z.string(),
  /** `{ <dimensionCode>: <valueCode> }`; empty for the total. */
  breakdown: z.record(z.string(), z.string()),
  before: importFigure.nullable(),
  after: importFigure,
});
export type ImportChange = z.infer<typeof importChange>;

export const importReport = z.object({
  rowsRead: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.array(lineReason),
  committed: z.boolean(),
  /** Missing cells (`NA`, `..`, blank…): not written, not rejected. */
  skipped: z.array(lineReason),
  /** Rows left out by the mapping's filters. */
  filtered: z.number().int(),
  /**
   * Dry runs only: every figure the commit would insert or update, in file order, at most
   * IMPORT_CHANGES_LIMIT of them.
   */
  changes: z.array(importChange).optional(),
  /** Dry runs only: true when more figures would change than `changes` lists. */
  changesTruncated: z.boolean().optional(),
});
export type ImportReport = z.infer<typeof importReport>;

export const importRejectedBody = importReport.extend({
  error: z.object({ code: z.string(), message: z.string() }),
});

export const importJobSchema = z.object({
  id: z.uuid(),
  status: z.enum(['running', 'done', 'failed']),
  commit: z.boolean(),
  phase: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  report: importReport.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

export const importAccepted = z.object({ jobId: z.uuid() });
