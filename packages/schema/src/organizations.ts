import { z } from 'zod';
import { frenchAnswer, frenchText } from './common.js';

export const ORGANIZATION_KINDS = ['agency', 'funder', 'backbone'] as const;
export const organizationKind = z.enum(ORGANIZATION_KINDS);
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const organizationSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameFr: frenchAnswer,
  kind: organizationKind,
  archivedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Organization = z.infer<typeof organizationSchema>;

export const createOrganizationBody = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, dot, dash and underscore only'),
  name: z.string().trim().min(1).max(200),
  nameFr: frenchText(200),
  kind: organizationKind,
});
export type CreateOrganizationBody = z.infer<typeof createOrganizationBody>;
