import { describe, expect, it } from 'vitest';
import { grantRoleBody } from './roles.js';

const orgId = '7d3f0c2e-1a0b-4c4e-9a51-3f1f0c8f2b11';

describe('grantRoleBody', () => {
  it('takes a global admin grant with no scope', () => {
    expect(grantRoleBody.parse({ role: 'admin' })).toEqual({
      role: 'admin',
      scopeType: null,
      scopeId: null,
    });
  });

  it('takes an organization-scoped partner role', () => {
    const g = { role: 'partner_editor', scopeType: 'organization', scopeId: orgId };
    expect(grantRoleBody.parse(g)).toEqual(g);
  });

  it.each([
    [{ role: 'partner_editor' }, 'scopeType'],
    [{ role: 'admin', scopeType: 'organization', scopeId: orgId }, 'scopeType'],
    [{ role: 'table_member', scopeType: 'organization', scopeId: orgId }, 'scopeType'],
    [{ role: 'table_member', scopeType: 'table' }, 'scopeId'],
    [{ role: 'superuser' }, 'role'],
  ])('refuses %o', (body, field) => {
    const r = grantRoleBody.safeParse(body);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path[0])).toContain(field);
  });

  it('refuses unknown fields', () => {
    expect(grantRoleBody.safeParse({ role: 'admin', extra: 1 }).success).toBe(false);
  });
});
