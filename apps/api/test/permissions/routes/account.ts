// The permission table's entries for public routes (health, the API document, signing in), what
// everyone signed in does about themself, and public scorecard links (docs/permissions.md), for
// ROUTES in ../table.ts.
import { publishLink } from '../../../src/public-links/public-links.service.js';
import { grantRole } from '../../../src/users/users.service.js';
import { ALL, type Req, type Route } from '../policy.js';
import { globalScope, tableId, tableScopes, unique, V1 } from '../scopes.js';

const logoutReq: Req = { url: `${V1}/auth/logout` };

export function accountRoutes(): Route[] {
  return [
    // Public: health, the API document and its viewer, signing in.
    ...[
      '/healthz',
      '/readyz',
      '/api/v1/openapi.json',
      '/docs',
      '/docs/',
      '/docs/json',
      '/docs/yaml',
      '/docs/static/index.html',
      '/docs/static/swagger-initializer.js',
    ].map(
      (path): Route => ({
        method: 'GET',
        path,
        public: true,
        scopes: globalScope(ALL, () => ({ url: path })).map((s) =>
          // The viewer's own index page sends the browser on to /docs/.
          path === '/docs/static/index.html' ? { ...s, expect: 302 } : s,
        ),
      }),
    ),
    {
      method: 'GET',
      path: '/docs/*',
      public: true,
      scopes: globalScope(ALL, () => ({ url: '/docs/static/swagger-ui.css' })),
    },
    {
      method: 'POST',
      path: `${V1}/auth/login`,
      public: true,
      scopes: globalScope(ALL, (c, who) => ({
        url: `${V1}/auth/login`,
        body: c.credentials[who],
      })),
    },

    // Signed in: everyone, about themself.
    {
      method: 'POST',
      path: `${V1}/auth/logout`,
      scopes: [
        { name: 'own', what: 'their own session', see: ALL, may: ALL, request: () => logoutReq },
      ],
    },
    {
      method: 'GET',
      path: `${V1}/me`,
      scopes: [
        { name: 'own', what: 'themself', see: ALL, may: ALL, request: () => ({ url: `${V1}/me` }) },
      ],
    },
    {
      // Needs no bearer token but a refresh cookie, which this table's requests do not carry: 204
      // "no session" with or without a token (auth-hardening.test.ts tries it with cookies).
      method: 'POST',
      path: `${V1}/auth/refresh`,
      public: true,
      scopes: globalScope(ALL, () => ({ url: `${V1}/auth/refresh` })).map((s) => ({
        ...s,
        expect: 204,
      })),
    },
    {
      // A right current password would end the caller's sessions mid-matrix: a wrong one shows the
      // route is open to everyone about themself (auth-hardening.test.ts changes one for real).
      method: 'POST',
      path: `${V1}/auth/password`,
      scopes: [
        {
          name: 'own',
          what: 'their own password, with a wrong current one',
          see: ALL,
          may: ALL,
          expect: 422,
          request: () => ({
            url: `${V1}/auth/password`,
            body: {
              currentPassword: 'not-the-current-one',
              newPassword: 'another-fine-passphrase',
            },
          }),
        },
      ],
    },

    {
      method: 'PATCH',
      path: `${V1}/me`,
      scopes: [
        {
          name: 'own',
          what: 'their own language',
          see: ALL,
          may: ALL,
          request: () => ({ url: `${V1}/me`, body: { locale: 'en' } }),
        },
      ],
    },
    {
      method: 'PATCH',
      path: `${V1}/users/:id`,
      scopes: [
        {
          name: 'own',
          what: 'their own name',
          see: ALL,
          may: ALL,
          request: (c, who) => ({
            url: `${V1}/users/${c.userIds[who]}`,
            body: { name: `Name ${unique()}` },
          }),
        },
        {
          name: 'other',
          what: 'another user',
          // Admin-only: refused with 403 before any lookup.
          see: ALL,
          may: ['admin'],
          request: (c) => ({
            url: `${V1}/users/${c.strangerId}`,
            body: { name: `Name ${unique()}` },
          }),
        },
      ],
    },
    {
      method: 'POST',
      path: `${V1}/users/:id/password`,
      scopes: [
        {
          name: 'other',
          what: "another user's password",
          // Admin-only: refused with 403 before any lookup.
          see: ALL,
          may: ['admin'],
          request: (c) => ({
            url: `${V1}/users/${c.strangerId}/password`,
            body: { password: `Reset ${unique()} passphrase` },
          }),
        },
        {
          name: 'own',
          what: 'their own password (admins use POST /auth/password for that)',
          see: ALL,
          may: ['admin'],
          expect: 422,
          request: (c, who) => ({
            url: `${V1}/users/${c.userIds[who]}/password`,
            body: { password: `Reset ${unique()} passphrase` },
          }),
        },
      ],
    },
    {
      method: 'POST',
      path: `${V1}/users/:id/roles/revoke`,
      scopes: [
        {
          name: 'other',
          what: "another user's grant",
          see: ALL,
          may: ['admin'],
          request: async (c) => {
            const grant = {
              role: 'table_member',
              scopeType: 'table',
              scopeId: c.w.otherTable.id,
            } as const;
            await grantRole(c.db, null, c.strangerId, grant);
            return { url: `${V1}/users/${c.strangerId}/roles/revoke`, body: grant };
          },
        },
      ],
    },

    // Public scorecard links: the table's coordinators publish, list and revoke; anyone holding
    // a live link reads the restricted scorecard.
    {
      method: 'POST',
      path: `${V1}/tables/:id/public-links`,
      scopes: tableScopes('edit', (c, k) => ({
        url: `${V1}/tables/${tableId(c, k)}/public-links`,
        body: { label: 'x' },
      })),
    },
    {
      method: 'GET',
      path: `${V1}/tables/:id/public-links`,
      scopes: tableScopes('edit', (c, k) => ({
        url: `${V1}/tables/${tableId(c, k)}/public-links`,
      })),
    },
    {
      method: 'POST',
      path: `${V1}/tables/:id/public-links/:linkId/revoke`,
      scopes: tableScopes('edit', async (c, k) => {
        const link = await publishLink(c.db, c.system, tableId(c, k), null);
        return { url: `${V1}/tables/${tableId(c, k)}/public-links/${link.id}/revoke` };
      }),
    },
    {
      method: 'GET',
      path: `${V1}/demo/accounts`,
      public: true,
      scopes: globalScope(ALL, () => ({ url: `${V1}/demo/accounts` })),
    },
    {
      method: 'GET',
      path: `${V1}/public/scorecards/:token`,
      public: true,
      scopes: globalScope(ALL, async (c) => {
        const link = await publishLink(c.db, c.system, c.w.table.id, null);
        return { url: `${V1}/public/scorecards/${link.token}` };
      }),
    },
  ];
}
