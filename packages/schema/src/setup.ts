// Request and response bodies for setting up planning tables, results, programs and measures.
// Every name, title, label, population, description and definition has a French twin (`nameFr`…,
// docs/api.md#languages): create and update bodies take it (null removes it, absent leaves it),
// answers give it as stored beside the English twin, which is in the caller's language.
import { z } from 'zod';
import { frenchAnswer, frenchText, itemList, localeSchema, somethingToChange } from './common.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const code = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, dot, dash and underscore only');

export const planningTableSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  nameFr: frenchAnswer,
  population: z.string(),
  populationFr: frenchAnswer,
  description: z.string().nullable(),
  descriptionFr: frenchAnswer,
  archivedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type PlanningTable = z.infer<typeof planningTableSchema>;

export const createTableBody = z.strictObject({
  name: text(200),
  nameFr: frenchText(200),
  population: text(500),
  populationFr: frenchText(500),
  description: optionalText(4000),
  descriptionFr: frenchText(4000),
});
export const updateTableBody = somethingToChange(
  z.strictObject({
    name: text(200).optional(),
    nameFr: frenchText(200),
    population: text(500).optional(),
    populationFr: frenchText(500),
    description: optionalText(4000),
    descriptionFr: frenchText(4000),
    archived: z.boolean().optional(),
  }),
);

export const addPartnerBody = z.strictObject({ organizationId: z.uuid() });
export const partnerSchema = z.object({
  tableId: z.uuid(),
  organization: z.object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    nameFr: frenchAnswer,
    kind: z.string(),
  }),
});
export const partnerListSchema = itemList(partnerSchema);
export const partnerParams = z.strictObject({ id: z.uuid(), organizationId: z.uuid() });

export const resultSchema = z.object({
  id: z.uuid(),
  tableId: z.uuid(),
  title: z.string(),
  titleFr: frenchAnswer,
  description: z.string().nullable(),
  descriptionFr: frenchAnswer,
  sortOrder: z.number().int(),
  archivedAt: z.iso.datetime().nullable(),
});
export type Result = z.infer<typeof resultSchema>;
export const createResultBody = z.strictObject({
  title: text(300),
  titleFr: frenchText(300),
  description: optionalText(4000),
  descriptionFr: frenchText(4000),
  sortOrder: z.number().int().min(0).max(100000).optional(),
});
export const updateResultBody = somethingToChange(
  z.strictObject({
    title: text(300).optional(),
    titleFr: frenchText(300),
    description: optionalText(4000),
    descriptionFr: frenchText(4000),
    sortOrder: z.number().int().min(0).max(100000).optional(),
    archived: z.boolean().optional(),
  }),
);

export const programSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  name: z.string(),
  nameFr: frenchAnswer,
  description: z.string().nullable(),
  descriptionFr: frenchAnswer,
  resultIds: z.array(z.uuid()),
  archivedAt: z.iso.datetime().nullable(),
});
export type Program = z.infer<typeof programSchema>;
export const createProgramBody = z.strictObject({
  name: text(200),
  nameFr: frenchText(200),
  description: optionalText(4000),
  descriptionFr: frenchText(4000),
  resultIds: z.array(z.uuid()).max(100).optional(),
});
export const updateProgramBody = somethingToChange(
  z.strictObject({
    name: text(200).optional(),
    nameFr: frenchText(200),
    description: optionalText(4000),
    descriptionFr: frenchText(4000),
    resultIds: z.array(z.uuid()).max(100).optional(),
    archived: z.boolean().optional(),
  }),
);

// A measure's vocabularies, declared once: the database's column types
// (apps/api/src/db/tables/measures.table.ts) and the web's api types import these types.

export const MEASURE_UNITS = ['count', 'percent', 'rate', 'number', 'currency', 'days'] as const;
export const unitSchema = z.enum(MEASURE_UNITS);
export type Unit = (typeof MEASURE_UNITS)[number];

/** Which way is better. */
export const DIRECTIONS = ['up', 'down'] as const;
export const directionSchema = z.enum(DIRECTIONS);
export type Direction = (typeof DIRECTIONS)[number];

/**
 * The periods a measure is reported by. @rba/domain's PERIOD_TYPES (the arithmetic) names the
 * same five, in its own order.
 */
export const PERIOD_TYPES = ['month', 'quarter', 'year', 'fiscal_quarter', 'fiscal_year'] as const;
export const periodTypeSchema = z.enum(PERIOD_TYPES);
export type PeriodType = (typeof PERIOD_TYPES)[number];

/** The RBA performance measure categories; indicators have none. */
export const MEASURE_CATEGORIES = ['how_much', 'how_well', 'better_off'] as const;
export const categorySchema = z.enum(MEASURE_CATEGORIES);
export type MeasureCategory = (typeof MEASURE_CATEGORIES)[number];

/** How figures combine across breakdowns and partners (`aggregation`) and across periods. */
export const AGGREGATIONS = ['sum', 'ratio', 'mean', 'max', 'min', 'latest'] as const;
export const aggregationSchema = z.enum(AGGREGATIONS);
export type Aggregation = (typeof AGGREGATIONS)[number];

export const MEASURE_KINDS = ['indicator', 'performance', 'shared'] as const;
export const measureKindSchema = z.enum(MEASURE_KINDS);
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export const measureSchema = z.object({
  id: z.uuid(),
  kind: measureKindSchema,
  code: z.string(),
  name: z.string(),
  nameFr: frenchAnswer,
  tableId: z.uuid().nullable(),
  resultId: z.uuid().nullable(),
  programId: z.uuid().nullable(),
  organizationId: z.uuid().nullable(),
  category: categorySchema.nullable(),
  unit: unitSchema,
  ratePer: z.number().nullable(),
  direction: directionSchema,
  periodType: periodTypeSchema,
  aggregation: aggregationSchema,
  periodAggregation: aggregationSchema,
  decimals: z.number().int(),
  headline: z.boolean(),
  onDataDevelopmentAgenda: z.boolean(),
  baselinePeriod: z.string().nullable(),
  dataSource: z.string().nullable(),
  definition: z.string().nullable(),
  definitionFr: frenchAnswer,
  sharedMeasureId: z.uuid().nullable(),
  dimensions: z.array(z.string()),
  archivedAt: z.iso.datetime().nullable(),
});
export type Measure = z.infer<typeof measureSchema>;

const measureFields = {
  name: text(300),
  nameFr: frenchText(300),
  unit: unitSchema,
  direction: directionSchema,
  periodType: periodTypeSchema,
  category: categorySchema.nullable().optional(),
  aggregation: aggregationSchema.optional(),
  periodAggregation: aggregationSchema.optional(),
  ratePer: z.number().positive().max(1e9).nullable().optional(),
  decimals: z.number().int().min(0).max(6).optional(),
  headline: z.boolean().optional(),
  onDataDevelopmentAgenda: z.boolean().optional(),
  baselinePeriod: z.string().trim().min(1).max(20).nullable().optional(),
  dataSource: optionalText(1000),
  definition: optionalText(4000),
  definitionFr: frenchText(4000),
  sharedMeasureId: z.uuid().nullable().optional(),
  dimensions: z.array(code).max(5).optional(),
};

export const createMeasureBody = z.strictObject({ code, ...measureFields });
export type CreateMeasureBody = z.infer<typeof createMeasureBody>;
export const updateMeasureBody = somethingToChange(
  z.strictObject({
    name: measureFields.name.optional(),
    nameFr: measureFields.nameFr,
    direction: measureFields.direction.optional(),
    category: measureFields.category,
    ratePer: measureFields.ratePer,
    decimals: measureFields.decimals,
    headline: measureFields.headline,
    onDataDevelopmentAgenda: measureFields.onDataDevelopmentAgenda,
    baselinePeriod: measureFields.baselinePeriod,
    dataSource: measureFields.dataSource,
    definition: measureFields.definition,
    definitionFr: measureFields.definitionFr,
    archived: z.boolean().optional(),
  }),
);
export type UpdateMeasureBody = z.infer<typeof updateMeasureBody>;

export const dimensionSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameFr: frenchAnswer,
  values: z.array(z.object({ code: z.string(), label: z.string(), labelFr: frenchAnswer })),
});
export type Dimension = z.infer<typeof dimensionSchema>;
export const dimensionListSchema = itemList(dimensionSchema);
export const dimensionParams = z.strictObject({ code: z.string().min(1).max(60) });
export const createDimensionBody = z.strictObject({
  code,
  name: text(200),
  nameFr: frenchText(200),
  values: z
    .array(z.strictObject({ code, label: text(200), labelFr: frenchText(200) }))
    .min(1)
    .max(500),
});

export const settingsSchema = z.object({
  fiscalYearStartMonth: z.number().int(),
  smallCellThreshold: z.number().int(),
  defaultLocale: localeSchema,
});
export const updateSettingsBody = somethingToChange(
  z.strictObject({
    fiscalYearStartMonth: z.number().int().min(1).max(12).optional(),
    smallCellThreshold: z.number().int().min(0).max(1000).optional(),
    defaultLocale: localeSchema.optional(),
  }),
);
