// Test data through the real services, so factories obey the same rules as the API.
import { randomBytes } from 'node:crypto';
import type { Db } from '../src/db/schema.js';
import type { Role, ScopeType } from '../src/db/tables/role-grants.table.js';
import { createOrganization } from '../src/organizations/organizations.service.js';
import { createUser, grantRole } from '../src/users/users.service.js';

export const PASSWORD = 'a-long-enough-test-password';

const admin = {
  userId: '00000000-0000-4000-8000-000000000000',
  grants: [{ role: 'admin' as const, scopeType: null, scopeId: null }],
  requestId: 'factory',
};

export function uniqueSuffix(): string {
  return randomBytes(3).toString('hex');
}

export async function makeUser(
  db: Db,
  roles: { role: Role; scopeType?: ScopeType; scopeId?: string }[] = [],
  fields: { email?: string; name?: string; password?: string } = {},
) {
  const user = await createUser(db, null, {
    email: fields.email ?? `user-${uniqueSuffix()}@example.org`,
    name: fields.name ?? 'Test User',
    password: fields.password ?? PASSWORD,
  });
  for (const r of roles) {
    await grantRole(db, null, user.id, {
      role: r.role,
      scopeType: r.scopeType ?? null,
      scopeId: r.scopeId ?? null,
    });
  }
  return { ...user, password: fields.password ?? PASSWORD };
}

export async function makeOrganization(
  db: Db,
  fields: { code?: string; name?: string; kind?: 'agency' | 'funder' | 'backbone' } = {},
) {
  const code = fields.code ?? `ORG-${uniqueSuffix()}`;
  return createOrganization(db, admin, {
    code,
    name: fields.name ?? `Organization ${code}`,
    kind: fields.kind ?? 'agency',
  });
}
