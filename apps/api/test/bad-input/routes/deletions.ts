// The bad-input table's entries for deletions and signing out (sent last), for routeSpecs() in
// ../routes.ts.
import { randomUUID } from 'node:crypto';
import { type BadCase, LONG, paramCases } from '../builders.js';
import type { RouteSpec } from '../routes.js';
import { withBody } from './shared.js';

export const deletionRouteSpecs: RouteSpec[] = [
  // ----- deletions: last, since a delete that wrongly succeeds changes the world -----
  {
    route: 'DELETE /api/v1/measures/{id}',
    who: 'editorA',
    cases: ({ w }) => [
      ...paramCases('delete', '/measures/{id}', { id: { kind: 'uuid', valid: w.countA.id } }),
      {
        what: 'a measure with figures',
        method: 'delete',
        path: `/measures/${w.countA.id}`,
        status: 409,
      },
      {
        what: 'an indicator with figures',
        method: 'delete',
        path: `/measures/${w.indicator.id}`,
        who: 'coordinator',
        status: 409,
      },
      {
        what: 'a shared measure partners report',
        method: 'delete',
        path: `/measures/${w.shared.id}`,
        who: 'coordinator',
        status: 409,
      },
      {
        what: 'a body that is not JSON',
        method: 'delete',
        path: `/measures/${w.countA.id}`,
        raw: { type: 'application/json', data: '{' },
      },
    ],
  },
  {
    route: 'DELETE /api/v1/programs/{id}',
    who: 'editorA',
    cases: ({ w }) => [
      ...paramCases('delete', '/programs/{id}', { id: { kind: 'uuid', valid: w.programA.id } }),
      {
        what: 'a program with measures',
        method: 'delete',
        path: `/programs/${w.programA.id}`,
        status: 409,
      },
    ],
  },
  {
    route: 'DELETE /api/v1/results/{id}',
    who: 'coordinator',
    cases: ({ w }) => [
      ...paramCases('delete', '/results/{id}', { id: { kind: 'uuid', valid: w.result.id } }),
      {
        what: 'a result with indicators and programs',
        method: 'delete',
        path: `/results/${w.result.id}`,
        status: 409,
      },
    ],
  },
  {
    route: 'DELETE /api/v1/tables/{id}/partners/{organizationId}',
    who: 'admin',
    cases: ({ w }) => [
      ...paramCases('delete', '/tables/{id}/partners/{organizationId}', {
        id: { kind: 'uuid', valid: w.table.id },
        organizationId: { kind: 'uuid', valid: w.orgA.id },
      }).filter((c) => !c.what.includes('random')),
      {
        what: 'an organization that is not a partner',
        method: 'delete',
        path: `/tables/${w.table.id}/partners/${randomUUID()}`,
        status: 404,
      },
      {
        what: 'an organization that is not a partner of this table',
        method: 'delete',
        path: `/tables/${w.table.id}/partners/${w.funderOrg.id}`,
        status: 404,
      },
      {
        what: 'a table that does not exist',
        method: 'delete',
        path: `/tables/${randomUUID()}/partners/${w.orgA.id}`,
        status: 404,
      },
      {
        what: "a partner whose programs contribute to the table's results and report its shared measure",
        method: 'delete',
        path: `/tables/${w.table.id}/partners/${w.orgA.id}`,
        status: 409,
      },
    ],
  },
  {
    route: 'DELETE /api/v1/tables/{id}',
    who: 'admin',
    cases: ({ w }) => [
      ...paramCases('delete', '/tables/{id}', { id: { kind: 'uuid', valid: w.table.id } }),
      {
        what: 'a table with results and measures',
        method: 'delete',
        path: `/tables/${w.table.id}`,
        status: 409,
      },
    ],
  },
  {
    route: 'PATCH /api/v1/me',
    who: 'editorA',
    cases: () =>
      withBody(
        'patch',
        '/me',
        { locale: 'fr' },
        { name: { kind: 'text', nonEmpty: true }, locale: { kind: 'enum' } },
        [
          {
            what: 'an empty patch (nothing to change)',
            method: 'patch',
            path: '/me',
            body: {},
            last: true,
          },
          {
            what: 'disabling oneself through /me',
            method: 'patch',
            path: '/me',
            body: { disabled: true },
          },
        ],
      ),
    control: () => ({ path: '/me', body: { locale: 'en' } }),
  },
  {
    route: 'PATCH /api/v1/users/{id}',
    who: 'admin',
    cases: ({ w }) => {
      const path = `/users/${w.users.nobody.id}`;
      return [
        ...withBody(
          'patch',
          path,
          { name: 'Renamed' },
          {
            name: { kind: 'text', nonEmpty: true },
            locale: { kind: 'enum' },
            disabled: { kind: 'bool' },
          },
          [
            {
              what: 'an empty patch (nothing to change)',
              method: 'patch',
              path,
              body: {},
              last: true,
            },
          ],
        ),
        ...paramCases(
          'patch',
          '/users/{id}',
          { id: { kind: 'uuid', valid: w.users.nobody.id } },
          { name: 'Renamed' },
        ),
      ];
    },
  },
  {
    route: 'POST /api/v1/users/{id}/roles/revoke',
    who: 'admin',
    cases: ({ w }) => {
      const path = `/users/${w.users.editorA.id}/roles/revoke`;
      const valid = { role: 'partner_editor', scopeType: 'organization', scopeId: w.orgA.id };
      return [
        ...withBody('post', path, valid, {
          role: { kind: 'enum', required: true },
          scopeType: { kind: 'enum', nullable: true },
          scopeId: { kind: 'uuid', nullable: true },
        }).filter((c) => c.body !== undefined && JSON.stringify(c.body) !== JSON.stringify(valid)),
        ...paramCases(
          'post',
          '/users/{id}/roles/revoke',
          { id: { kind: 'uuid', valid: w.users.editorA.id } },
          valid,
        ),
        {
          what: 'a grant the user does not have',
          method: 'post',
          path,
          body: { role: 'table_member', scopeType: 'table', scopeId: w.table.id },
          status: 404,
        },
      ];
    },
  },
  {
    route: 'POST /api/v1/tables/{id}/public-links',
    who: 'coordinator',
    cases: ({ w }) => {
      const path = `/tables/${w.table.id}/public-links`;
      return [
        ...withBody(
          'post',
          path,
          { label: 'Website' },
          { label: { kind: 'text', nullable: true } },
        ).filter((c) => !(c.what.includes('label') && c.what.includes('empty'))),
        ...paramCases(
          'post',
          '/tables/{id}/public-links',
          { id: { kind: 'uuid', valid: w.table.id } },
          { label: 'x' },
        ),
      ];
    },
  },
  {
    route: 'POST /api/v1/tables/{id}/public-links/{linkId}/revoke',
    who: 'coordinator',
    cases: ({ w }) => [
      ...paramCases('post', '/tables/{id}/public-links/{linkId}/revoke', {
        id: { kind: 'uuid', valid: w.table.id },
        linkId: { kind: 'uuid', valid: randomUUID() },
      }),
      {
        what: 'a link that does not exist',
        method: 'post',
        path: `/tables/${w.table.id}/public-links/${randomUUID()}/revoke`,
        status: 404,
      },
    ],
  },
  {
    route: 'POST /api/v1/service-types',
    who: 'admin',
    cases: () =>
      withBody(
        'post',
        '/service-types',
        { code: 'peer_support', name: 'Peer support' },
        {
          code: { kind: 'code', required: true },
          name: { kind: 'text', required: true, nonEmpty: true },
        },
        [
          {
            what: 'a code with capitals and spaces',
            method: 'post',
            path: '/service-types',
            body: { code: 'Peer Support', name: 'x' },
          },
          {
            what: 'a code that exists',
            method: 'post',
            path: '/service-types',
            body: { code: 'crisis_support', name: 'x' },
            status: 409,
          },
        ],
      ),
  },
  {
    route: 'PUT /api/v1/programs/{id}/profile',
    who: 'editorA',
    cases: ({ w }) => {
      const path = `/programs/${w.programA.id}/profile`;
      const valid = {
        serviceTypes: ['brief_services'],
        ageGroups: [],
        regions: [],
        languages: ['en'],
        capacity: 10,
      };
      const put = (what: string, body: unknown): BadCase => ({ what, method: 'put', path, body });
      return [
        ...withBody('put', path, valid, { capacity: { kind: 'int', min: 0, nullable: true } }),
        ...paramCases(
          'put',
          '/programs/{id}/profile',
          { id: { kind: 'uuid', valid: w.programA.id } },
          valid,
        ),
        put('an unknown service type', { ...valid, serviceTypes: ['astrology'] }),
        put('a service type twice', {
          ...valid,
          serviceTypes: ['brief_services', 'brief_services'],
        }),
        put('an age group that is not a value', { ...valid, ageGroups: ['elderly'] }),
        put('a region that is not a value', { ...valid, regions: ['atlantis'] }),
        put('a language that is not a code', { ...valid, languages: ['English'] }),
        put('service types not a list', { ...valid, serviceTypes: 'brief_services' }),
        put('missing lists', { capacity: 3 }),
      ];
    },
  },
  {
    route: 'POST /api/v1/auth/logout',
    who: 'leaver',
    cases: () => [
      {
        what: 'a body that is not JSON',
        method: 'post',
        path: '/auth/logout',
        raw: { type: 'application/json', data: '{"all": tru' },
      },
      {
        what: 'a body over the 1 MB limit',
        method: 'post',
        path: '/auth/logout',
        raw: { type: 'application/json', data: JSON.stringify({ x: LONG.repeat(110) }) },
      },
      {
        what: 'an unsupported media type',
        method: 'post',
        path: '/auth/logout',
        raw: { type: 'application/xml', data: '<logout/>' },
      },
    ],
  },
];
