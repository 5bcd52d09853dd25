import { z } from 'zod';
import { localeSchema, somethingToChange } from './common.js';
import { roleGrantSchema } from './roles.js';

export const PASSWORD_MIN_LENGTH = 12;

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  locale: localeSchema,
  disabledAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  roles: z.array(roleGrantSchema),
});
export type User = z.infer<typeof userSchema>;

export const createUserBody = z.strictObject({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  password: z.string().min(PASSWORD_MIN_LENGTH).max(1024),
  locale: localeSchema.optional(),
});
export type CreateUserBody = z.infer<typeof createUserBody>;

/** What an admin may change of a user: name, language, and whether they may sign in. */
export const updateUserBody = somethingToChange(
  z.strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    locale: localeSchema.optional(),
    disabled: z.boolean().optional(),
  }),
);

/** What the signed-in user may change of themself. */
export const updateMeBody = somethingToChange(
  z.strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    locale: localeSchema.optional(),
  }),
);
