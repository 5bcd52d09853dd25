// Public scorecard links: a table's scorecard published at a secret link, managed by its
// coordinators and read by anyone holding the link.
import { z } from 'zod';
import { itemList } from './common.js';
import { scorecardQuery } from './scorecards.js';

export const publicLinkSchema = z.object({
  id: z.uuid(),
  tableId: z.uuid(),
  label: z.string().nullable(),
  createdBy: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
});
export type PublicLink = z.infer<typeof publicLinkSchema>;

/** A link as created: the token is in this answer only. */
export const newPublicLinkSchema = publicLinkSchema.extend({ token: z.string(), path: z.string() });
export type NewPublicLink = z.infer<typeof newPublicLinkSchema>;

export const publicLinkListSchema = itemList(publicLinkSchema);

export const createPublicLinkBody = z.strictObject({
  label: z.string().trim().max(200).nullable().optional(),
});

export const publicLinkParams = z.strictObject({ id: z.uuid(), linkId: z.uuid() });

export const publicScorecardParams = z.strictObject({ token: z.string().min(1).max(200) });
export const publicScorecardQuery = scorecardQuery.pick({ period: true, points: true });
