import { z } from 'zod';

export const roleSchema = z.enum([
  'admin',
  'partner_editor',
  'partner_viewer',
  'table_coordinator',
  'table_member',
  'funder_viewer',
]);
export type Role = z.infer<typeof roleSchema>;

export const scopeTypeSchema = z.enum(['organization', 'table']);
export type ScopeType = z.infer<typeof scopeTypeSchema>;

export const roleGrantSchema = z.object({
  role: roleSchema,
  scopeType: scopeTypeSchema.nullable(),
  scopeId: z.uuid().nullable(),
});
export type RoleGrant = z.infer<typeof roleGrantSchema>;

/** Which scope each role may have: admin is global; the rest need the scope they act in. */
export const roleScopes: Record<Role, readonly (ScopeType | null)[]> = {
  admin: [null],
  partner_editor: ['organization'],
  partner_viewer: ['organization'],
  table_coordinator: ['table'],
  table_member: ['table'],
  funder_viewer: ['table', 'organization'],
};

export const grantRoleBody = z
  .strictObject({
    role: roleSchema,
    scopeType: scopeTypeSchema.nullable().default(null),
    scopeId: z.uuid().nullable().default(null),
  })
  .refine((g) => (g.scopeType === null) === (g.scopeId === null), {
    message: 'scopeType and scopeId go together: both set, or both null',
    path: ['scopeId'],
  })
  .refine((g) => roleScopes[g.role].includes(g.scopeType), {
    message: 'this role does not take this kind of scope',
    path: ['scopeType'],
  });
