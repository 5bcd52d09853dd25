import { z } from 'zod';

export const uuid = z.uuid();
export const idParams = z.strictObject({ id: uuid });

/** Every error the API answers; the OpenAPI document names it `Error`, once, in its components. */
export const errorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorBody>;

/** The languages of the interface, of e-mails and of a user's account. */
export const LOCALES = ['en', 'fr'] as const;
export const localeSchema = z.enum(LOCALES);
export type Locale = (typeof LOCALES)[number];

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
export const isoDate = z.iso
  .date()
  .refine(
    (d) => d >= '1000-01-01' && d <= '9999-12-31',
    'must be a date between the years 1000 and 9999',
  );

/** A PATCH must change something. */
export function somethingToChange<T extends z.ZodObject>(schema: T) {
  return schema.refine((o) => Object.values(o).some((v) => v !== undefined), {
    message: 'nothing to change: give at least one field',
  });
}

/** Items of one list must not share an id. */
export function uniqueIds<T extends { id?: string | undefined }>(items: T[]): boolean {
  const ids = items.map((i) => i.id).filter((id) => id !== undefined);
  return new Set(ids).size === ids.length;
}
