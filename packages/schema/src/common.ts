import { z } from 'zod';

export const uuid = z.uuid();
export const idParams = z.strictObject({ id: uuid });

/**
 * What a validation problem is, as a code a client can word in its own language next to the
 * field (docs/api.md#errors lists each code's `params`). Generic codes come from the schemas;
 * the others from the rules the services apply.
 */
export const ISSUE_CODES = [
  // generic
  'required',
  'invalid_type',
  'not_a_number',
  'not_integer',
  'too_small',
  'too_big',
  'too_short',
  'too_long',
  'too_few',
  'too_many',
  'invalid_format',
  'invalid_option',
  'unknown_field',
  'duplicate',
  'out_of_order',
  'nothing_to_change',
  'not_storable',
  'contains_nul',
  'unknown_code',
  'one_of',
  'go_together',
  'invalid',
  // figures and measures
  'numerator_exceeds_denominator',
  'zero_denominator',
  'numerator_and_denominator',
  'value_is_derived',
  'single_value_only',
  'part_exceeds_total',
  'not_available',
  'unknown_dimension',
  'unknown_dimension_value',
  'wrong_period_type',
  'measure_rule',
  // partnership surveys
  'rates_itself',
  'level_zero_has_ratings',
  'ratings_missing',
  // uploads
  'invalid_upload',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

/** One problem of a request: where (`body.items.3.value`), what, and its figures. */
export const validationIssue = z
  .object({
    path: z.string(),
    code: z.enum(ISSUE_CODES),
    params: z.record(z.string(), z.unknown()),
    /** The problem in plain words, in the caller's language. */
    message: z.string(),
  })
  .meta({ id: 'ValidationIssue' });
export type ValidationIssue = z.infer<typeof validationIssue>;

/** Every error the API answers; the OpenAPI document names it `Error`, once, in its components. */
export const errorBody = z
  .object({
    error: z.object({
      code: z.string(),
      /** In the caller's language (Accept-Language, then the signed-in user's locale, then English). */
      message: z.string(),
      /**
       * Depends on the code (docs/api.md#errors): a VALIDATION_ERROR's is its list of problems;
       * other codes' an object (some 422s with their problems as `issues`).
       */
      details: z
        .union([
          z.array(validationIssue),
          z.looseObject({ issues: z.array(validationIssue).optional() }),
        ])
        .optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorBody>;

/** The languages of the interface, of e-mails and of a user's account. */
export const LOCALES = ['en', 'fr'] as const;
export const localeSchema = z.enum(LOCALES);
export type Locale = (typeof LOCALES)[number];

/**
 * A French twin in a request body (`nameFr`, `titleFr`…; docs/api.md#languages): the French
 * text, or null to remove it; absent leaves it as it is. Blank is refused, not stored.
 */
export const frenchText = (max: number) => z.string().trim().min(1).max(max).nullable().optional();

/**
 * A French twin in an answer: the French as stored, null when there is none. Its English twin
 * (`name`…) is in the caller's language: the French when there is one and the caller reads
 * French, else the English (then a fallback, which a client marks `lang="en"`).
 */
export const frenchAnswer = z.string().nullable();

/**
 * A page of a list by `limit` and `offset`: its items, and the offset of the next page (null on
 * the last). No total: counting every list again with the caller's visibility rules would cost
 * a second query per page, and no client shows one.
 */
export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextOffset: z.number().int().min(0).nullable() });
}
/** What `page(item)` answers, for clients that type responses without zod. */
export interface Page<T> {
  items: T[];
  nextOffset: number | null;
}

/** A whole list, not paged (a table's partners, the dimensions): its items only. */
export function itemList<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item) });
}
/** What `itemList(item)` answers. */
export interface ItemList<T> {
  items: T[];
}

export const paginationQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** A calendar date within the years the platform handles (1000–9999), as 'YYYY-MM-DD'. */
export const isoDate = z.iso.date().refine((d) => d >= '1000-01-01' && d <= '9999-12-31', {
  message: 'must be a date between the years 1000 and 9999',
  params: { code: 'invalid_format', format: 'date', minimum: '1000-01-01', maximum: '9999-12-31' },
});

/** A PATCH must change something. */
export function somethingToChange<T extends z.ZodObject>(schema: T) {
  return schema.refine((o) => Object.values(o).some((v) => v !== undefined), {
    message: 'nothing to change: give at least one field',
    params: { code: 'nothing_to_change' },
  });
}

/** Items of one list must not share an id. */
export function uniqueIds<T extends { id?: string | undefined }>(items: T[]): boolean {
  const ids = items.map((i) => i.id).filter((id) => id !== undefined);
  return new Set(ids).size === ids.length;
}
