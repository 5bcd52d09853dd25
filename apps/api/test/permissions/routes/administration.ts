// The permission table's entries for users and role grants, organizations, the audit trail,
// settings and planning tables (docs/permissions.md), for ROUTES in ../table.ts.
import { addPartner, createTable } from '../../../src/planning-tables/planning-tables.service.js';
import { makeOrganization } from '../../../support/factories.js';
import { ALL, type Route, type Scope } from '../policy.js';
import { globalScope, orgId, orgScopes, tableId, tableScopes, unique, V1 } from '../scopes.js';

export function administrationRoutes(): Route[] {
  return [
    // Users and role grants: admins. A user sees themself.
    {
      method: 'POST',
      path: `${V1}/users`,
      scopes: globalScope(['admin'], () => ({
        url: `${V1}/users`,
        body: {
          email: `made-${unique()}@example.org`,
          name: 'Made',
          password: 'a-long-enough-password',
        },
      })),
    },
    {
      method: 'GET',
      path: `${V1}/users`,
      scopes: globalScope(['admin'], () => ({ url: `${V1}/users` })),
    },
    {
      method: 'GET',
      path: `${V1}/users/:id`,
      scopes: [
        {
          name: 'own',
          what: 'themself',
          see: ALL,
          may: ALL,
          request: (c, who) => ({ url: `${V1}/users/${c.userIds[who]}` }),
        },
        {
          name: 'other',
          what: 'another user',
          see: ['admin'],
          may: ['admin'],
          request: (c) => ({ url: `${V1}/users/${c.strangerId}` }),
        },
      ],
    },
    {
      method: 'POST',
      path: `${V1}/users/:id/roles`,
      scopes: [
        {
          name: 'own',
          what: 'a grant to themself',
          see: ALL,
          may: ['admin'],
          request: (c, who) => ({
            url: `${V1}/users/${c.userIds[who]}/roles`,
            body: { role: 'table_member', scopeType: 'table', scopeId: c.w.otherTable.id },
          }),
        },
        {
          name: 'other',
          what: 'a grant to another user',
          // Admin-only actions refuse everyone else with 403 before looking anything up.
          see: ALL,
          may: ['admin'],
          request: (c) => ({
            url: `${V1}/users/${c.strangerId}/roles`,
            body: { role: 'table_member', scopeType: 'table', scopeId: c.w.otherTable.id },
          }),
        },
      ],
    },

    // Organizations: admins create them; who sees one is the organization rule.
    {
      method: 'POST',
      path: `${V1}/organizations`,
      scopes: globalScope(['admin'], () => ({
        url: `${V1}/organizations`,
        body: { code: `ORG-${unique()}`, name: 'Made', kind: 'agency' },
      })),
    },
    {
      method: 'GET',
      path: `${V1}/organizations`,
      scopes: globalScope(ALL, () => ({ url: `${V1}/organizations` })),
    },
    {
      method: 'GET',
      path: `${V1}/organizations/:id`,
      scopes: orgScopes('read', (c, o) => ({ url: `${V1}/organizations/${orgId(c, o)}` })),
    },

    // The audit trail: admins; coordinators, for entities of their own table.
    {
      method: 'GET',
      path: `${V1}/audit`,
      scopes: [
        {
          name: 'own',
          what: "table T's trail",
          see: ALL,
          may: ['admin', 'coordinator'],
          request: (c) => ({
            url: `${V1}/audit`,
            query: { entity: 'planning_table', entityId: c.w.table.id },
          }),
        },
        {
          name: 'other',
          what: "the other table's trail",
          see: ALL,
          may: ['admin', 'otherCoordinator'],
          request: (c) => ({
            url: `${V1}/audit`,
            query: { entity: 'planning_table', entityId: c.w.otherTable.id },
          }),
        },
        {
          name: 'global',
          what: 'the whole trail',
          see: ALL,
          may: ['admin'],
          request: () => ({ url: `${V1}/audit` }),
        },
      ],
    },

    // Settings: everyone reads them, admins change them.
    {
      method: 'GET',
      path: `${V1}/settings`,
      scopes: globalScope(ALL, () => ({ url: `${V1}/settings` })),
    },
    {
      method: 'PATCH',
      path: `${V1}/settings`,
      // The default threshold again: an allowed call changes nothing the other checks read.
      scopes: globalScope(['admin'], () => ({
        url: `${V1}/settings`,
        body: { smallCellThreshold: 5 },
      })),
    },

    // Planning tables: admins create and delete them and their partners; coordinators change them.
    {
      method: 'POST',
      path: `${V1}/tables`,
      scopes: globalScope(['admin'], () => ({
        url: `${V1}/tables`,
        body: { name: `Made ${unique()}`, population: 'Everyone' },
      })),
    },
    {
      method: 'GET',
      path: `${V1}/tables`,
      scopes: globalScope(ALL, () => ({ url: `${V1}/tables` })),
    },
    {
      method: 'GET',
      path: `${V1}/tables/:id`,
      scopes: tableScopes('read', (c, k) => ({ url: `${V1}/tables/${tableId(c, k)}` })),
    },
    {
      method: 'PATCH',
      path: `${V1}/tables/:id`,
      scopes: tableScopes('edit', (c, k) => ({
        url: `${V1}/tables/${tableId(c, k)}`,
        body: { description: `Changed ${unique()}` },
      })),
    },
    {
      method: 'DELETE',
      path: `${V1}/tables/:id`,
      scopes: [
        // Both world tables have results: an admin's delete is refused by state (409 HAS_DATA).
        ...tableScopes('admin', (c, k) => ({ url: `${V1}/tables/${tableId(c, k)}` })).map(
          (s): Scope => ({ ...s, expect: 409 }),
        ),
        {
          name: 'empty',
          what: 'a fresh empty table nobody has a role at',
          see: ['admin'],
          may: ['admin'],
          request: async (c) => {
            const t = await createTable(c.db, c.system, {
              name: `Empty ${unique()}`,
              population: 'No one',
            });
            return { url: `${V1}/tables/${t.id}` };
          },
        },
      ],
    },
    {
      method: 'GET',
      path: `${V1}/tables/:id/partners`,
      scopes: tableScopes('read', (c, k) => ({ url: `${V1}/tables/${tableId(c, k)}/partners` })),
    },
    {
      method: 'POST',
      path: `${V1}/tables/:id/partners`,
      scopes: tableScopes('admin', async (c, k) => {
        const org = await makeOrganization(c.db, { code: `NEW-${unique()}` });
        return { url: `${V1}/tables/${tableId(c, k)}/partners`, body: { organizationId: org.id } };
      }),
    },
    {
      method: 'DELETE',
      path: `${V1}/tables/:id/partners/:organizationId`,
      scopes: tableScopes('admin', async (c, k) => {
        const org = await makeOrganization(c.db, { code: `GONE-${unique()}` });
        await addPartner(c.db, c.system, tableId(c, k), org.id);
        return { url: `${V1}/tables/${tableId(c, k)}/partners/${org.id}` };
      }),
    },
  ];
}
