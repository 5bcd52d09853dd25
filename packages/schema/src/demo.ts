import { z } from 'zod';
import { reportingStatusValue } from './reporting-status.js';
import { roleSchema } from './roles.js';

/** Where a demo partner editor's agency stands in the current quarter: the journey they can walk. */
export const demoQuarterStateSchema = reportingStatusValue.extract([
  'approved',
  'submitted',
  'returned',
  'in_progress',
  'not_started',
]);
export type DemoQuarterState = z.infer<typeof demoQuarterStateSchema>;

export const demoAccountSchema = z.object({
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  /** The agency of a partner editor; null for the other roles. */
  organization: z.string().nullable(),
  /** The state of that agency's current quarter; null for the other roles. */
  quarter: demoQuarterStateSchema.nullable(),
});
export type DemoAccount = z.infer<typeof demoAccountSchema>;

/**
 * The demo database's accounts, for the sign-in page. On any other database (DEMO off, or the
 * demo not seeded) the list is empty and the password null.
 */
export const demoAccountsSchema = z.object({
  password: z.string().nullable(),
  accounts: z.array(demoAccountSchema),
});
export type DemoAccounts = z.infer<typeof demoAccountsSchema>;
