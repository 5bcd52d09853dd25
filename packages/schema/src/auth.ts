import { z } from 'zod';
import { localeSchema } from './common.js';
import { roleGrantSchema } from './roles.js';
import { PASSWORD_MIN_LENGTH } from './users.js';

export const loginBody = z.strictObject({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});
export type LoginBody = z.infer<typeof loginBody>;

export const meSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  locale: localeSchema,
  roles: z.array(roleGrantSchema),
});
export type Me = z.infer<typeof meSchema>;

export const loginResponse = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime(),
  user: meSchema,
});
export type LoginResponse = z.infer<typeof loginResponse>;

// Zod's own limit is wide; the password policy (422 WEAK_PASSWORD) says what is acceptable.
const newPassword = z.string().min(PASSWORD_MIN_LENGTH).max(1024);

/** Changing one's own password. */
export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword,
});
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

/** An admin setting another user's password. */
export const resetPasswordBody = z.strictObject({ password: newPassword });
