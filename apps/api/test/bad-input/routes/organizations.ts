// The bad-input table's entries for organizations, settings and reporting periods, and planning
// tables and their partners, for routeSpecs() in ../routes.ts.
import { randomUUID } from 'node:crypto';
import { type BadCase, paramCases, REMOVE, withField } from '../builders.js';
import type { RouteSpec } from '../routes.js';
import { type Body, optionalText, patchText, text, withBody } from './shared.js';

export const organizationRouteSpecs: RouteSpec[] = [
  // ----- organizations, settings, reporting periods (admins) -----
  {
    route: 'POST /api/v1/organizations',
    who: 'admin',
    cases: ({ w }) => {
      const valid = { code: 'NEW-ORG', name: 'A new agency', kind: 'agency' };
      return withBody(
        'post',
        '/organizations',
        valid,
        {
          code: { kind: 'code', required: true },
          name: text,
          kind: { kind: 'enum', required: true },
        },
        [
          {
            what: 'a code already taken',
            method: 'post',
            path: '/organizations',
            body: { ...valid, code: w.orgA.code },
            status: 409,
          },
          {
            what: 'kind "company"',
            method: 'post',
            path: '/organizations',
            body: { ...valid, kind: 'company' },
          },
          {
            what: 'a code of 41 characters',
            method: 'post',
            path: '/organizations',
            body: { ...valid, code: 'A'.repeat(41) },
          },
        ],
      );
    },
    control: () => ({
      path: '/organizations',
      body: { code: 'NEW-ORG', name: 'A new agency', kind: 'agency' },
    }),
  },
  {
    route: 'PATCH /api/v1/settings',
    who: 'admin',
    cases: () => {
      const valid = { smallCellThreshold: 6 };
      return withBody(
        'patch',
        '/settings',
        valid,
        {
          smallCellThreshold: { kind: 'int', min: 0, max: 1000 },
          fiscalYearStartMonth: { kind: 'int', min: 1, max: 12 },
          defaultLocale: { kind: 'enum' },
        },
        [
          {
            what: 'an empty patch (nothing to change)',
            method: 'patch',
            path: '/settings',
            body: {},
            last: true,
          },
        ],
      );
    },
    control: () => ({ path: '/settings', body: { smallCellThreshold: 6 } }),
  },
  {
    route: 'POST /api/v1/reporting-periods',
    who: 'admin',
    cases: () => {
      const valid = {
        period: 'FY2025-26-Q3',
        opens: '2025-10-01',
        due: '2026-01-15',
        closes: '2026-02-15',
      };
      const post = (what: string, body: Body): BadCase => ({
        what,
        method: 'post',
        path: '/reporting-periods',
        body,
      });
      return withBody(
        'post',
        '/reporting-periods',
        valid,
        {
          period: { kind: 'period', required: true },
          opens: { kind: 'date' },
          due: { kind: 'date' },
          closes: { kind: 'date' },
        },
        [
          post('opens after due', { ...valid, opens: '2026-01-20' }),
          post('due after closes', { ...valid, due: '2026-03-01' }),
          post('closes before opens', { ...valid, closes: '2025-09-01' }),
          post('a datetime instead of a date', { ...valid, opens: '2025-10-01T00:00:00Z' }),
          post('a date in year 0', { ...valid, opens: '0000-01-01' }),
          post('opens missing', withField(valid, 'opens', REMOVE)),
        ],
      );
    },
    control: () => ({
      path: '/reporting-periods',
      body: {
        period: 'FY2025-26-Q3',
        opens: '2025-10-01',
        due: '2026-01-15',
        closes: '2026-02-15',
      },
    }),
  },

  // ----- planning tables and partners -----
  {
    route: 'POST /api/v1/tables',
    who: 'admin',
    cases: () => {
      const valid = { name: 'A new table', population: 'Everyone', description: 'About it' };
      return withBody('post', '/tables', valid, {
        name: text,
        population: text,
        description: optionalText,
      });
    },
    control: () => ({
      path: '/tables',
      body: { name: 'A new table', population: 'Everyone', description: 'About it' },
    }),
  },
  {
    route: 'PATCH /api/v1/tables/{id}',
    who: 'coordinator',
    cases: ({ w }) => {
      const path = `/tables/${w.table.id}`;
      const valid = { name: 'Renamed table' };
      return [
        ...withBody('patch', path, valid, {
          name: patchText,
          population: patchText,
          description: optionalText,
          archived: { kind: 'bool' },
        }),
        ...paramCases('patch', '/tables/{id}', { id: { kind: 'uuid', valid: w.table.id } }, valid),
        {
          what: 'an empty patch (nothing to change)',
          method: 'patch',
          path,
          body: {},
          last: true,
        },
        { what: 'id in the body', method: 'patch', path, body: { ...valid, id: randomUUID() } },
      ];
    },
    control: ({ w }) => ({ path: `/tables/${w.table.id}`, body: { name: 'Renamed table' } }),
  },
  {
    route: 'POST /api/v1/tables/{id}/partners',
    who: 'admin',
    cases: ({ w }) => {
      const path = `/tables/${w.table.id}/partners`;
      const valid = { organizationId: w.outside.id };
      return [
        ...withBody('post', path, valid, { organizationId: { kind: 'uuid', required: true } }),
        ...paramCases(
          'post',
          '/tables/{id}/partners',
          { id: { kind: 'uuid', valid: w.table.id } },
          valid,
        ),
        {
          what: 'an organization that does not exist',
          method: 'post',
          path,
          body: { organizationId: randomUUID() },
          status: 404,
        },
        {
          what: 'a funder as a partner',
          method: 'post',
          path,
          body: { organizationId: w.funderOrg.id },
        },
        {
          what: 'a table id as the organization',
          method: 'post',
          path,
          body: { organizationId: w.otherTable.id },
          status: 404,
        },
      ];
    },
    control: ({ w }) => ({
      path: `/tables/${w.table.id}/partners`,
      body: { organizationId: w.outside.id },
    }),
  },
];
