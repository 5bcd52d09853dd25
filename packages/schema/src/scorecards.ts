// Reading: the series summary every scorecard row is made of, and the scorecards.
import { z } from 'zod';
import { frenchAnswer } from './common.js';
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

/** Who reads a scorecard, and so which figures it holds (docs/permissions.md). */
export const scorecardViewSchema = z.enum(['all', 'review', 'approved', 'restricted']);
export const targetStatusSchema = z.enum(['met', 'near', 'off', 'none']);
export const trendDirectionSchema = z.enum(['up', 'down', 'flat']);

export const pointSchema = z.object({
  period: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable().optional(),
  denominator: z.number().nullable().optional(),
  status: z.string().optional(),
  suppressed: z.boolean(),
  underRevision,
});

/** `points` for percents and rates, `relative` for every other unit (FORMAT.md "change"). */
export const changeUnitSchema = z
  .enum(['points', 'relative'])
  .describe(
    'How `change` reads: `points` (actual − baseline, in points of a percent or a rate) or `relative` ((actual − baseline) / |baseline|; 0.2 is +20 %)',
  );
export type ChangeUnit = z.infer<typeof changeUnitSchema>;

/** The width of the prediction band drawn around both projected lines. */
export const CURVE_INTERVAL = 0.8;

/**
 * A projected point with its 80 % prediction interval (FORMAT.md "forecast" with an interval):
 * `low` and `high` are null when fewer than three values were fitted.
 */
export const bandPointSchema = z.object({
  period: z.string(),
  value: z.number().describe('The fitted line at this period'),
  low: z
    .number()
    .nullable()
    .describe(
      'Lower edge of the 80 % prediction interval; null with fewer than three values fitted',
    ),
  high: z
    .number()
    .nullable()
    .describe(
      'Upper edge of the 80 % prediction interval; null with fewer than three values fitted',
    ),
});
export type BandPoint = z.infer<typeof bandPointSchema>;

/** The latest figure read against the curve we were on at the baseline. */
export const versusBaselineCurveSchema = z
  .object({
    /** The latest figure's period. */
    period: z.string().describe("The latest shown figure's period"),
    /** The latest figure. */
    actual: z.number().describe('The latest shown figure'),
    /** Where the curve we were on at the baseline put this period. */
    expected: z.number().describe('The curve we were on (`baselineForecast`) at that period'),
    /** The 80 % prediction interval around `expected`; null with fewer than three values fitted. */
    low: z.number().nullable().describe('Lower edge of the 80 % band around `expected`'),
    high: z.number().nullable().describe('Upper edge of the 80 % band around `expected`'),
    /**
     * True when the actual is better than expected in the measure's direction (turning the
     * curve), false when worse, null when equal.
     */
    better: z
      .boolean()
      .nullable()
      .describe(
        "True when the actual beats the curve in the measure's direction, false when it is worse, null when equal",
      ),
  })
  .describe(
    'The latest shown figure against the curve we were on at the baseline; null without a baseline curve at that period or when the latest figure is hidden',
  );
export type VersusBaselineCurve = z.infer<typeof versusBaselineCurveSchema>;

export const seriesSummarySchema = z.object({
  measureId: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameFr: frenchAnswer,
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
    status: targetStatusSchema,
    variance: z.number().nullable(),
    percentOfTarget: z.number().nullable(),
  }),
  trend: z.object({
    trend: trendDirectionSchema,
    periods: z.number().int(),
    favorable: z.boolean().nullable(),
  }),
  baseline: z
    .object({
      period: z.string(),
      value: z.number().nullable(),
      /**
       * The latest figure against the baseline, read by `changeUnit`: points (actual − baseline)
       * for percents and rates, relative ((actual − baseline) / |baseline|, 0.2 is +20 %) for
       * the other units. Null when either figure is missing (or the baseline is 0, relative).
       */
      change: z
        .number()
        .nullable()
        .describe(
          'The latest figure against the baseline: in points for percents and rates, relative otherwise, as `changeUnit` says',
        ),
      /** How `change` reads (FORMAT.md "change"); always given. */
      changeUnit: changeUnitSchema,
      favorable: z.boolean().nullable(),
    })
    .nullable(),
  points: z.array(pointSchema),
  /** Turn-the-curve work on this measure: whether there is a plan, open and overdue actions. */
  plan: planSummarySchema,
});
export type SeriesSummaryBody = z.infer<typeof seriesSummarySchema>;

const orgRef = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameFr: frenchAnswer,
});

export const sharedMeasureSummarySchema = seriesSummarySchema.extend({
  contributions: z.array(seriesSummarySchema.extend({ organization: orgRef })),
});

const periodParam = z.string().min(1).max(20).optional();
const horizonParam = z.coerce.number().int().min(0).max(40).optional();

/** The most points a scorecard's series may be cut to (`?points=`). */
export const MAX_SCORECARD_POINTS = 400;

export const scorecardQuery = z.strictObject({
  period: periodParam,
  horizon: horizonParam,
  points: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_SCORECARD_POINTS)
    .optional()
    .describe(
      "Send only each series' last N points (what a sparkline draws); every figure (latest, trend, baseline, target) is still computed from the whole series, and `periods` still names every period. Without it, every point.",
    ),
});

/** A measure's series: its whole history, always. */
export const seriesQuery = z.strictObject({ period: periodParam, horizon: horizonParam });

/** Every period with a figure in the scorecard, newest first: what a period picker offers. */
const scorecardPeriods = z
  .array(z.string())
  .describe(
    'Every period that has a point in this scorecard (before any `points` window), newest first within each kind of period',
  );

export const tableScorecardSchema = z.object({
  table: z.object({
    id: z.uuid(),
    name: z.string(),
    nameFr: frenchAnswer,
    population: z.string(),
    populationFr: frenchAnswer,
  }),
  period: z.string().nullable(),
  view: scorecardViewSchema,
  suppressionThreshold: z.number().int().nullable(),
  periods: scorecardPeriods,
  results: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      titleFr: frenchAnswer,
      indicators: z.array(seriesSummarySchema),
      programs: z.array(
        z.object({
          id: z.uuid(),
          name: z.string(),
          nameFr: frenchAnswer,
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
  view: scorecardViewSchema,
  suppressionThreshold: z.number().int().nullable(),
  periods: scorecardPeriods,
  programs: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      nameFr: frenchAnswer,
      measures: z.array(seriesSummarySchema),
    }),
  ),
});

export const seriesResponseSchema = seriesSummarySchema.extend({
  view: scorecardViewSchema,
  /** The small-cell threshold applied in this view (restricted), else null. */
  suppressionThreshold: z.number().int().nullable(),
  targets: z.array(z.object({ period: z.string(), value: z.number() })),
  /**
   * Where we are headed: the least-squares line through every shown figure (FORMAT.md
   * "forecast"), projected `horizon` periods past the latest, with its 80 % band. Until issue
   * #18 this line was fitted up to the baseline; that line is now `baselineForecast`.
   */
  forecast: z
    .array(bandPointSchema)
    .describe(
      'Where we are headed: the line through every shown figure, `horizon` periods past the latest, with its 80 % prediction band',
    ),
  /**
   * The curve we were on (FORMAT.md "baseline_forecast"): the line through the shown figures up
   * to and including the baseline, projected over every period after it up to `horizon` periods
   * past the latest, with its 80 % band. Empty with fewer than two shown figures up to the
   * baseline (so always for the default baseline, the first figure).
   */
  baselineForecast: z
    .array(bandPointSchema)
    .describe(
      'The curve we were on: the line through the shown figures up to the baseline, over every period after it to `horizon` past the latest, with its 80 % prediction band; empty with fewer than two figures up to the baseline',
    ),
  /** The latest figure against `baselineForecast` at its period; null when there is none. */
  versusBaselineCurve: versusBaselineCurveSchema.nullable(),
  breakdowns: z.array(
    z.object({
      breakdown: z.record(z.string(), z.string()),
      key: z.string(),
      points: z.array(pointSchema),
    }),
  ),
});
