// Partnership surveys (issue #23): how a table's partner agencies rate their work together,
// and the network figures drawn from it (FORMAT.md "network").
import { z } from 'zod';
import { frenchAnswer, isoDate, itemList, page } from './common.js';

/** A year or a fiscal year: `2026`, `FY2026-27`. */
export const surveyPeriod = z
  .string()
  .trim()
  .regex(/^(\d{4}|FY\d{4}-\d{2})$/, 'must be a year (2026) or a fiscal year (FY2026-27)');

export const createSurveyBody = z.strictObject({
  title: z.string().trim().min(1).max(200),
  period: surveyPeriod,
  opens: isoDate,
  closes: isoDate,
  minRespondents: z.number().int().min(1).max(100).optional(),
  resultId: z.uuid().nullable().optional(),
});
export type CreateSurveyBody = z.infer<typeof createSurveyBody>;

export const SURVEY_STATES = ['scheduled', 'open', 'closed'] as const;
export const surveyStateSchema = z.enum(SURVEY_STATES);

export const surveySchema = z.object({
  id: z.uuid(),
  tableId: z.uuid(),
  title: z.string(),
  period: z.string(),
  opens: z.string(),
  closes: z.string(),
  minRespondents: z.number().int(),
  resultId: z.uuid().nullable(),
  state: surveyStateSchema,
  closedAt: z.string().nullable(),
  /** How many agencies were asked. */
  partners: z.number().int(),
  /** How many have answered. */
  responses: z.number().int(),
});
export type Survey = z.infer<typeof surveySchema>;
export const surveyPageSchema = page(surveySchema);

export const surveyOrganizationSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameFr: frenchAnswer,
});
export type SurveyOrganization = z.infer<typeof surveyOrganizationSchema>;

export const mySurveySchema = surveySchema.extend({
  organization: surveyOrganizationSchema,
  answered: z.boolean(),
});
export const mySurveyListSchema = itemList(mySurveySchema);

/** 0 no contact, 1 networking, 2 cooperation, 3 coordination, 4 coalition, 5 collaboration. */
export const PARTNERSHIP_LEVELS = [0, 1, 2, 3, 4, 5] as const;
export const PARTNER_CONTRIBUTIONS = [
  'referrals',
  'funding',
  'data',
  'space',
  'expertise',
  'staff_time',
  'training',
  'advocacy',
  'other',
] as const;
export const partnerContributionSchema = z.enum(PARTNER_CONTRIBUTIONS);

/** Three items, each a whole number 1–4 (trust: openness, reliability, shared purpose; value: resources, influence, involvement). */
const items = z.array(z.number().int().min(1).max(4)).length(3);

export const surveyAnswerSchema = z.strictObject({
  organizationId: z.uuid(),
  level: z.number().int().min(0).max(5),
  trust: items.nullable(),
  value: items.nullable(),
  contributions: z
    .array(partnerContributionSchema)
    .max(PARTNER_CONTRIBUTIONS.length)
    .refine((c) => new Set(c).size === c.length, {
      message: 'a contribution is listed twice',
      params: { code: 'duplicate' },
    })
    .optional(),
  comment: z.string().trim().max(2000).nullable().optional(),
});
export type SurveyAnswer = z.infer<typeof surveyAnswerSchema>;

export const putResponseBody = z.strictObject({
  answers: z.array(surveyAnswerSchema).max(500),
});
export type PutResponseBody = z.infer<typeof putResponseBody>;

/** Which of the caller's agencies answers, when they edit several in the survey. */
export const myResponseQuery = z.strictObject({
  organizationId: z.uuid().optional(),
});

export const storedSurveyAnswerSchema = z.object({
  level: z.number().int(),
  trust: z.array(z.number().int()).nullable(),
  value: z.array(z.number().int()).nullable(),
  contributions: z.array(partnerContributionSchema),
  comment: z.string().nullable(),
});

export const myResponseSchema = z.object({
  organization: surveyOrganizationSchema,
  /** When this agency last saved its response; null before the first save. */
  submittedAt: z.string().nullable(),
  partners: z.array(
    z.object({
      organization: surveyOrganizationSchema,
      answer: storedSurveyAnswerSchema.nullable(),
    }),
  ),
});
export type MyResponse = z.infer<typeof myResponseSchema>;

export const partnershipNodeSchema = z.object({
  organization: surveyOrganizationSchema,
  degree: z.number().int(),
  betweenness: z.number().nullable(),
  /** Mean trust it received; null (and `suppressed`) when fewer than `minRespondents` rated it. */
  trust: z.number().nullable(),
  value: z.number().nullable(),
  suppressed: z.boolean(),
});

export const partnershipTieSchema = z.object({
  a: z.uuid(),
  b: z.uuid(),
  /** The higher of the two directions' levels. */
  level: z.number().int(),
});

export const partnershipNetworkSchema = z.object({
  /** Share of the agencies asked that have answered, 0–1; null when none was asked. */
  responseRate: z.number().nullable(),
  density: z.number().nullable(),
  reciprocity: z.number().nullable(),
  degreeCentralization: z.number().nullable(),
  meanTrust: z.number().nullable(),
  meanValue: z.number().nullable(),
  isolates: z.number().int(),
  /** Empty for restricted callers (funders), who see the network-level figures only. */
  nodes: z.array(partnershipNodeSchema),
  ties: z.array(partnershipTieSchema),
});
export type PartnershipNetwork = z.infer<typeof partnershipNetworkSchema>;

/** What closing records: the indicator figures of the survey's period. */
export const closeSurveySchema = surveySchema.extend({
  figures: z.array(
    z.object({ code: z.string(), measureId: z.uuid(), value: z.number().nullable() }),
  ),
});
export type CloseSurveyResult = z.infer<typeof closeSurveySchema>;
