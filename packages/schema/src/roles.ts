import { z } from 'zod';

// The one declaration of the roles and the kinds of scope a role acts in: the database's column
// types (apps/api/src/db/tables) and the web's api types import these types.

export const ROLES = [
  'admin',
  'partner_editor',
  'partner_viewer',
  'table_coordinator',
  'table_member',
  'funder_viewer',
] as const;
export const roleSchema = z.enum(ROLES);
export type Role = (typeof ROLES)[number];

export const SCOPE_TYPES = ['organization', 'table'] as const;
export const scopeTypeSchema = z.enum(SCOPE_TYPES);
export type ScopeType = (typeof SCOPE_TYPES)[number];

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
    params: { code: 'go_together', fields: ['scopeType', 'scopeId'] },
  })
  .superRefine((g, ctx) => {
    if (roleScopes[g.role].includes(g.scopeType)) return;
    ctx.addIssue({
      code: 'custom',
      message: 'this role does not take this kind of scope',
      path: ['scopeType'],
      params: {
        code: 'invalid_option',
        options: roleScopes[g.role].map((scope) => scope ?? 'null'),
      },
    });
  });
