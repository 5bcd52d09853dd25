// The bad-input table: for every write route of the API, who may write there and the bad
// requests they send. The test fails when the OpenAPI document lists a write route not here.
import { randomUUID } from 'node:crypto';
import { PASSWORD } from '../../support/factories.js';
import type { World } from '../../support/world.js';
import { WORLD_PERIOD } from '../../support/world.js';
import {
  type BadCase,
  type FieldKind,
  fieldCases,
  LONG,
  type Method,
  malformedBodies,
  NUL,
  paramCases,
  REMOVE,
  type Who,
  withField,
} from './builders.js';
import { mailRouteSpecs } from './mail-routes.js';

export interface Context {
  w: World;
  /** An indicator measured as a rate per 1,000 (numerator and denominator). */
  rateIndicator: { id: string };
  /** A month orgA has submitted (so that returning it is a valid request). */
  submittedMonth: string;
  /** A month orgA has had approved (so that reopening it is a valid request). */
  approvedMonth: string;
  /** A fiscal quarter orgA has submitted (so its figures are locked). */
  submittedQuarter: string;
  /** The email of the world's admin, for duplicate-email cases. */
  adminEmail: string;
  /** countA's turn-the-curve plan, saved twice (revisions 1 and 2). */
  plan: { id: string; revision: number };
}

export interface RouteSpec {
  /** As in the OpenAPI document: `METHOD /api/v1/path/{param}`. */
  route: string;
  /** The user who may write here and sends the cases. */
  who: Who;
  cases(c: Context): BadCase[];
  /**
   * A valid request, sent after all bad ones, to prove the cases' base body was valid. `read`
   * GETs a path as the route's user, for controls that need the current state.
   */
  control?(
    c: Context,
    read: (path: string) => Promise<Record<string, unknown>>,
  ): Control | Promise<Control>;
}

type Body = Record<string, unknown>;
type Control = { path: string; body?: unknown; who?: Who; multipart?: BadCase['multipart'] };

/** Generic malformed bodies, per-field mutations and extra cases for a route with a body. */
function withBody(
  method: Method,
  path: string,
  valid: Body,
  fields: Record<string, FieldKind>,
  extra: BadCase[] = [],
): BadCase[] {
  return [
    ...malformedBodies(method, path, valid),
    ...fieldCases(method, path, valid, fields),
    ...extra,
  ];
}

const measureFields: Record<string, FieldKind> = {
  code: { kind: 'code', required: true },
  name: { kind: 'text', required: true },
  unit: { kind: 'enum', required: true },
  direction: { kind: 'enum', required: true },
  periodType: { kind: 'enum', required: true },
  category: { kind: 'enum', nullable: true },
  aggregation: { kind: 'enum' },
  periodAggregation: { kind: 'enum' },
  ratePer: { kind: 'number', nullable: true },
  decimals: { kind: 'int', min: 0, max: 6 },
  headline: { kind: 'bool' },
  onDataDevelopmentAgenda: { kind: 'bool' },
  baselinePeriod: { kind: 'period', nullable: true },
  dataSource: { kind: 'text', nullable: true },
  definition: { kind: 'text', nullable: true },
  sharedMeasureId: { kind: 'uuid', nullable: true },
};

/** Cases every measure-creating route shares, on top of the field mutations. */
function measureRules(path: string, valid: Body): BadCase[] {
  const post = (what: string, body: Body, status?: number): BadCase => ({
    what,
    method: 'post',
    path,
    body,
    ...(status ? { status } : {}),
  });
  return [
    post('ratePer 0', { ...valid, ratePer: 0 }),
    post('ratePer -1', { ...valid, ratePer: -1 }),
    post('aggregation ratio on a count', { ...valid, unit: 'count', aggregation: 'ratio' }),
    post('aggregation latest (periods only)', { ...valid, aggregation: 'latest' }),
    post('periodAggregation ratio with aggregation sum', {
      ...valid,
      unit: 'count',
      aggregation: 'sum',
      periodAggregation: 'ratio',
    }),
    post('an unknown dimension', { ...valid, dimensions: ['no_such_dimension'] }),
    post('six dimensions', { ...valid, dimensions: ['a', 'b', 'c', 'd', 'e', 'f'] }),
    post('dimensions not an array', { ...valid, dimensions: 'gender' }),
    post('a malformed dimension code', { ...valid, dimensions: ['has space'] }),
    post('baselinePeriod of another period type', { ...valid, baselinePeriod: '2025-07' }),
    post('unit with different case', { ...valid, unit: 'Count' }),
    post('periodType week', { ...valid, periodType: 'week' }),
    post('kind given (the route decides it)', { ...valid, kind: 'indicator' }),
  ];
}

const text: FieldKind = { kind: 'text', required: true };
const optionalText: FieldKind = { kind: 'text', nullable: true };
/** A text field a PATCH may leave out, but not blank. */
const patchText: FieldKind = { kind: 'text', nonEmpty: true };

export function routeSpecs(): RouteSpec[] {
  return [
    ...mailRouteSpecs,
    // ----- auth -----
    {
      route: 'POST /api/v1/auth/login',
      who: 'none',
      cases: ({ adminEmail }) => {
        const valid = { email: adminEmail, password: 'a-long-enough-test-password' };
        return withBody('post', '/auth/login', valid, {
          email: { kind: 'text', required: true },
          password: { kind: 'text', required: true },
        });
      },
      control: ({ adminEmail }) => ({
        path: '/auth/login',
        body: { email: adminEmail, password: 'a-long-enough-test-password' },
      }),
    },

    {
      route: 'POST /api/v1/auth/refresh',
      who: 'none',
      // The route takes no body and reads only its cookie (auth-hardening.test.ts covers bad
      // cookies and cross-origin calls): what is left to get wrong is the body's encoding.
      cases: () => [
        {
          what: 'malformed JSON',
          method: 'post',
          path: '/auth/refresh',
          raw: { type: 'application/json', data: '{"refreshToken": ' },
          status: 400,
        },
        {
          what: 'an XML body',
          method: 'post',
          path: '/auth/refresh',
          raw: { type: 'application/xml', data: '<token>x</token>' },
          status: 415,
        },
      ],
    },
    {
      route: 'POST /api/v1/auth/password',
      who: 'editorA',
      // No control: a successful change would end the sessions the other routes' cases use
      // (auth-hardening.test.ts covers it).
      cases: ({ w }) => {
        const valid = { currentPassword: PASSWORD, newPassword: 'another-fine-passphrase' };
        const post = (what: string, body: unknown, status: number, code: string): BadCase => ({
          what,
          method: 'post',
          path: '/auth/password',
          body,
          status,
          code,
        });
        const local = w.users.editorA.email.split('@')[0] ?? '';
        return withBody(
          'post',
          '/auth/password',
          valid,
          { currentPassword: { kind: 'text', required: true }, newPassword: { kind: 'password' } },
          [
            post(
              'a common new password',
              { ...valid, newPassword: 'Qwerty123456' },
              422,
              'WEAK_PASSWORD',
            ),
            post(
              'a new password of 257 characters',
              { ...valid, newPassword: 'p'.repeat(257) },
              422,
              'WEAK_PASSWORD',
            ),
            post(
              'a new password containing the email',
              { ...valid, newPassword: `${local}-and-more-words` },
              422,
              'WEAK_PASSWORD',
            ),
            post(
              'a wrong current password',
              { ...valid, currentPassword: 'not-the-current-one' },
              422,
              'WRONG_PASSWORD',
            ),
          ],
        );
      },
    },
    // ----- users and roles (admins) -----
    {
      route: 'POST /api/v1/users',
      who: 'admin',
      cases: ({ adminEmail }) => {
        const valid = {
          email: 'new-person@example.org',
          name: 'New Person',
          password: 'a-long-enough-password',
          locale: 'fr',
        };
        return withBody(
          'post',
          '/users',
          valid,
          {
            email: { kind: 'email' },
            name: text,
            password: { kind: 'password' },
            locale: { kind: 'enum' },
          },
          [
            {
              what: 'an email already taken',
              method: 'post',
              path: '/users',
              body: { ...valid, email: adminEmail },
              status: 409,
            },
            {
              what: 'an email already taken, in capitals',
              method: 'post',
              path: '/users',
              body: { ...valid, email: adminEmail.toUpperCase() },
              status: 409,
            },
            {
              what: 'two @ signs',
              method: 'post',
              path: '/users',
              body: { ...valid, email: 'a@b@example.org' },
            },
            {
              what: 'role given at creation',
              method: 'post',
              path: '/users',
              body: { ...valid, role: 'admin' },
            },
          ],
        );
      },
      control: () => ({
        path: '/users',
        body: {
          email: 'new-person@example.org',
          name: 'New Person',
          password: 'a-long-enough-password',
          locale: 'fr',
        },
      }),
    },
    {
      route: 'POST /api/v1/users/{id}/roles',
      who: 'admin',
      cases: ({ w }) => {
        const path = `/users/${w.users.nobody.id}/roles`;
        const valid = { role: 'partner_viewer', scopeType: 'organization', scopeId: w.orgA.id };
        const post = (what: string, body: unknown, status?: number): BadCase => ({
          what,
          method: 'post',
          path,
          body,
          ...(status ? { status } : {}),
        });
        return [
          ...withBody('post', path, valid, {
            role: { kind: 'enum', required: true },
            scopeType: { kind: 'enum', nullable: true },
            scopeId: { kind: 'uuid', nullable: true },
          }),
          ...paramCases(
            'post',
            '/users/{id}/roles',
            { id: { kind: 'uuid', valid: w.users.nobody.id } },
            valid,
          ),
          post('an unknown role name', { ...valid, role: 'superuser' }),
          post('a role name in capitals', { ...valid, role: 'PARTNER_VIEWER' }),
          post('admin with a scope', {
            role: 'admin',
            scopeType: 'organization',
            scopeId: w.orgA.id,
          }),
          post('a table role with an organization scope', {
            role: 'table_member',
            scopeType: 'organization',
            scopeId: w.orgA.id,
          }),
          post('a partner role with a table scope', {
            role: 'partner_editor',
            scopeType: 'table',
            scopeId: w.table.id,
          }),
          post('a scoped role without its scope', { role: 'partner_editor' }),
          post('scopeType without scopeId', { role: 'partner_editor', scopeType: 'organization' }),
          post('scopeId without scopeType', { role: 'partner_editor', scopeId: w.orgA.id }),
          post(
            'an organization scope that does not exist',
            { ...valid, scopeId: randomUUID() },
            404,
          ),
          post('a table id given as an organization scope', { ...valid, scopeId: w.table.id }, 404),
          post('scope type "global"', { ...valid, scopeType: 'global' }),
        ];
      },
      control: ({ w }) => ({
        path: `/users/${w.users.nobody.id}/roles`,
        body: { role: 'partner_viewer', scopeType: 'organization', scopeId: w.orgA.id },
      }),
    },
    {
      route: 'POST /api/v1/users/{id}/password',
      who: 'admin',
      cases: ({ w }) => {
        const path = `/users/${w.users.nobody.id}/password`;
        const valid = { password: 'a-fine-new-passphrase' };
        const local = w.users.nobody.email.split('@')[0] ?? '';
        const post = (
          what: string,
          body: unknown,
          status: number,
          extra: Partial<BadCase> = {},
        ): BadCase => ({
          what,
          method: 'post',
          path,
          body,
          status,
          ...extra,
        });
        return [
          ...withBody('post', path, valid, { password: { kind: 'password' } }),
          ...paramCases(
            'post',
            '/users/{id}/password',
            { id: { kind: 'uuid', valid: w.users.nobody.id } },
            valid,
          ),
          post('a common password', { password: 'QWERTY123456' }, 422, { code: 'WEAK_PASSWORD' }),
          post('257 characters', { password: 'p'.repeat(257) }, 422, { code: 'WEAK_PASSWORD' }),
          post("the email's name part", { password: `${local}-and-more-words` }, 422, {
            code: 'WEAK_PASSWORD',
          }),
          post('a non-admin resetting someone', valid, 403, { who: 'editorA' }),
          post('an admin resetting themself', valid, 422, {
            path: `/users/${w.users.admin.id}/password`,
            code: 'USE_OWN_PASSWORD_ROUTE',
          }),
        ];
      },
      // The same password again: valid, and the world's logins keep working.
      control: ({ w }) => ({
        path: `/users/${w.users.nobody.id}/password`,
        body: { password: PASSWORD },
      }),
    },

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
          ...paramCases(
            'patch',
            '/tables/{id}',
            { id: { kind: 'uuid', valid: w.table.id } },
            valid,
          ),
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

    // ----- results -----
    {
      route: 'POST /api/v1/tables/{id}/results',
      who: 'coordinator',
      cases: ({ w }) => {
        const path = `/tables/${w.table.id}/results`;
        const valid = { title: 'A new result', description: 'Why', sortOrder: 3 };
        return [
          ...withBody('post', path, valid, {
            title: text,
            description: optionalText,
            sortOrder: { kind: 'int', min: 0, max: 100000 },
          }),
          ...paramCases(
            'post',
            '/tables/{id}/results',
            { id: { kind: 'uuid', valid: w.table.id } },
            valid,
          ),
        ];
      },
      control: ({ w }) => ({
        path: `/tables/${w.table.id}/results`,
        body: { title: 'A new result', description: 'Why', sortOrder: 3 },
      }),
    },
    {
      route: 'PATCH /api/v1/results/{id}',
      who: 'coordinator',
      cases: ({ w }) => {
        const path = `/results/${w.result.id}`;
        const valid = { title: 'Renamed result' };
        return [
          ...withBody('patch', path, valid, {
            title: patchText,
            description: optionalText,
            sortOrder: { kind: 'int', min: 0, max: 100000 },
            archived: { kind: 'bool' },
          }),
          ...paramCases(
            'patch',
            '/results/{id}',
            { id: { kind: 'uuid', valid: w.result.id } },
            valid,
          ),
          {
            what: 'an empty patch (nothing to change)',
            method: 'patch',
            path,
            body: {},
            last: true,
          },
          {
            what: 'moving it to another table',
            method: 'patch',
            path,
            body: { ...valid, tableId: w.otherTable.id },
          },
        ];
      },
      control: ({ w }) => ({ path: `/results/${w.result.id}`, body: { title: 'Renamed result' } }),
    },

    // ----- programs -----
    {
      route: 'POST /api/v1/organizations/{id}/programs',
      who: 'editorA',
      cases: ({ w }) => {
        const path = `/organizations/${w.orgA.id}/programs`;
        const valid = { name: 'A new program', description: 'What', resultIds: [w.result.id] };
        return [
          ...withBody('post', path, valid, {
            name: text,
            description: optionalText,
            resultIds: { kind: 'uuids' },
          }),
          ...paramCases(
            'post',
            '/organizations/{id}/programs',
            { id: { kind: 'uuid', valid: w.orgA.id } },
            valid,
          ),
          {
            what: 'a result of a table the agency is not a partner at',
            method: 'post',
            path,
            body: { ...valid, resultIds: [w.otherResult.id] },
          },
          {
            what: 'a result that does not exist',
            method: 'post',
            path,
            body: { ...valid, resultIds: [randomUUID()] },
          },
          {
            what: 'a valid result and a missing one',
            method: 'post',
            path,
            body: { ...valid, resultIds: [w.result.id, randomUUID()] },
          },
        ];
      },
      control: ({ w }) => ({
        path: `/organizations/${w.orgA.id}/programs`,
        body: { name: 'A new program', description: 'What', resultIds: [w.result.id] },
      }),
    },
    {
      route: 'PATCH /api/v1/programs/{id}',
      who: 'editorA',
      cases: ({ w }) => {
        const path = `/programs/${w.programA.id}`;
        const valid = { name: 'Renamed program' };
        return [
          ...withBody('patch', path, valid, {
            name: patchText,
            description: optionalText,
            resultIds: { kind: 'uuids' },
            archived: { kind: 'bool' },
          }),
          ...paramCases(
            'patch',
            '/programs/{id}',
            { id: { kind: 'uuid', valid: w.programA.id } },
            valid,
          ),
          {
            what: 'an empty patch (nothing to change)',
            method: 'patch',
            path,
            body: {},
            last: true,
          },
          {
            what: 'a result of another table (with a valid name change)',
            method: 'patch',
            path,
            body: { ...valid, resultIds: [w.otherResult.id] },
          },
          {
            what: 'a result that does not exist',
            method: 'patch',
            path,
            body: { resultIds: [randomUUID()] },
          },
          {
            what: 'moving it to another organization',
            method: 'patch',
            path,
            body: { ...valid, organizationId: w.orgB.id },
          },
        ];
      },
      control: ({ w }) => ({
        path: `/programs/${w.programA.id}`,
        body: { name: 'Renamed program' },
      }),
    },

    // ----- dimensions -----
    {
      route: 'POST /api/v1/dimensions',
      who: 'coordinator',
      cases: ({ w }) => {
        const valid = {
          code: 'new_dim',
          name: 'A new dimension',
          values: [
            { code: 'one', label: 'One' },
            { code: 'two', label: 'Two' },
          ],
        };
        const post = (what: string, body: Body, status?: number): BadCase => ({
          what,
          method: 'post',
          path: '/dimensions',
          body,
          ...(status ? { status } : {}),
        });
        return withBody(
          'post',
          '/dimensions',
          valid,
          {
            code: { kind: 'code', required: true },
            name: text,
            'values.0.code': { kind: 'code', required: true },
            'values.0.label': text,
          },
          [
            post('values missing', withField(valid, 'values', undefined)),
            post('no values', { ...valid, values: [] }),
            post('values not an array', { ...valid, values: 'one,two' }),
            post('a value that is a string', { ...valid, values: ['one'] }),
            post('a value code repeated', {
              ...valid,
              values: [
                { code: 'one', label: 'One' },
                { code: 'one', label: 'Uno' },
              ],
            }),
            post('a value with an extra field', {
              ...valid,
              values: [{ code: 'one', label: 'One', sortOrder: 1 }],
            }),
            post('501 values', {
              ...valid,
              values: Array.from({ length: 501 }, (_, i) => ({ code: `v${i}`, label: `V${i}` })),
            }),
            post('a code already taken', { ...valid, code: w.dimension.code }, 409),
          ],
        );
      },
      control: () => ({
        path: '/dimensions',
        body: {
          code: 'new_dim',
          name: 'A new dimension',
          values: [
            { code: 'one', label: 'One' },
            { code: 'two', label: 'Two' },
          ],
        },
      }),
    },

    // ----- measures -----
    {
      route: 'POST /api/v1/results/{id}/indicators',
      who: 'coordinator',
      cases: ({ w }) => {
        const path = `/results/${w.result.id}/indicators`;
        const valid = {
          code: 'NEW-IND',
          name: 'A new indicator',
          unit: 'percent',
          aggregation: 'mean',
          direction: 'up',
          periodType: 'year',
          baselinePeriod: '2020',
        };
        return [
          ...withBody('post', path, valid, measureFields),
          ...measureRules(path, valid),
          ...paramCases(
            'post',
            '/results/{id}/indicators',
            { id: { kind: 'uuid', valid: w.result.id } },
            valid,
          ),
          {
            what: 'a category (indicators have none)',
            method: 'post',
            path,
            body: { ...valid, category: 'how_much' },
          },
          {
            what: 'a sharedMeasureId (only program measures report one)',
            method: 'post',
            path,
            body: { ...valid, sharedMeasureId: w.shared.id },
          },
          {
            what: 'a code already taken at this table',
            method: 'post',
            path,
            body: { ...valid, code: w.indicator.code },
            status: 409,
          },
        ];
      },
      control: ({ w }) => ({
        path: `/results/${w.result.id}/indicators`,
        body: {
          code: 'NEW-IND',
          name: 'A new indicator',
          unit: 'percent',
          aggregation: 'mean',
          direction: 'up',
          periodType: 'year',
          baselinePeriod: '2020',
        },
      }),
    },
    {
      route: 'POST /api/v1/tables/{id}/shared-measures',
      who: 'coordinator',
      cases: ({ w }) => {
        const path = `/tables/${w.table.id}/shared-measures`;
        const valid = {
          code: 'NEW-SH',
          name: 'A new shared measure',
          unit: 'percent',
          direction: 'up',
          periodType: 'fiscal_quarter',
          category: 'better_off',
        };
        return [
          ...withBody('post', path, valid, measureFields),
          ...measureRules(path, valid),
          ...paramCases(
            'post',
            '/tables/{id}/shared-measures',
            { id: { kind: 'uuid', valid: w.table.id } },
            valid,
          ),
          {
            what: 'a sharedMeasureId on a shared measure',
            method: 'post',
            path,
            body: { ...valid, sharedMeasureId: w.shared.id },
          },
          {
            what: 'a code already taken at this table',
            method: 'post',
            path,
            body: { ...valid, code: w.shared.code },
            status: 409,
          },
        ];
      },
      control: ({ w }) => ({
        path: `/tables/${w.table.id}/shared-measures`,
        body: {
          code: 'NEW-SH',
          name: 'A new shared measure',
          unit: 'percent',
          direction: 'up',
          periodType: 'fiscal_quarter',
          category: 'better_off',
        },
      }),
    },
    {
      route: 'POST /api/v1/programs/{id}/measures',
      who: 'editorA',
      cases: ({ w }) => {
        const path = `/programs/${w.programA.id}/measures`;
        const valid = {
          code: 'NEW-PM',
          name: 'A new program measure',
          unit: 'count',
          direction: 'up',
          periodType: 'fiscal_quarter',
          category: 'how_much',
          dimensions: [w.dimension.code],
        };
        const post = (what: string, body: Body, status?: number): BadCase => ({
          what,
          method: 'post',
          path,
          body,
          ...(status ? { status } : {}),
        });
        return [
          ...withBody('post', path, valid, measureFields),
          ...measureRules(path, valid),
          ...paramCases(
            'post',
            '/programs/{id}/measures',
            { id: { kind: 'uuid', valid: w.programA.id } },
            valid,
          ),
          post('a shared measure that does not exist', { ...valid, sharedMeasureId: randomUUID() }),
          post('a count reporting a percent shared measure', {
            ...valid,
            sharedMeasureId: w.shared.id,
          }),
          post('a sharedMeasureId that is not a shared measure', {
            ...valid,
            sharedMeasureId: w.countB.id,
          }),
          post('a percent shared measure with another period type', {
            ...valid,
            unit: 'percent',
            periodType: 'year',
            dimensions: [],
            sharedMeasureId: w.shared.id,
          }),
          post('a percent shared measure with another direction', {
            ...valid,
            unit: 'percent',
            direction: 'down',
            dimensions: [],
            sharedMeasureId: w.shared.id,
          }),
          post('a code already taken in this agency', { ...valid, code: w.countA.code }, 409),
          post('a known and an unknown dimension', {
            ...valid,
            dimensions: [w.dimension.code, 'nope'],
          }),
        ];
      },
      control: ({ w }) => ({
        path: `/programs/${w.programA.id}/measures`,
        body: {
          code: 'NEW-PM',
          name: 'A new program measure',
          unit: 'count',
          direction: 'up',
          periodType: 'fiscal_quarter',
          category: 'how_much',
          dimensions: [w.dimension.code],
        },
      }),
    },
    {
      route: 'PATCH /api/v1/measures/{id}',
      who: 'editorA',
      cases: ({ w }) => {
        const path = `/measures/${w.countA.id}`;
        const valid = { name: 'Renamed measure' };
        const patch = (what: string, body: Body, who?: Who, p = path): BadCase => ({
          what,
          method: 'patch',
          path: p,
          body,
          ...(who ? { who } : {}),
        });
        return [
          ...withBody('patch', path, valid, {
            name: patchText,
            direction: { kind: 'enum' },
            category: { kind: 'enum', nullable: true },
            ratePer: { kind: 'number', nullable: true },
            decimals: { kind: 'int', min: 0, max: 6 },
            headline: { kind: 'bool' },
            onDataDevelopmentAgenda: { kind: 'bool' },
            baselinePeriod: { kind: 'period', nullable: true },
            dataSource: optionalText,
            definition: optionalText,
            archived: { kind: 'bool' },
          }),
          ...paramCases(
            'patch',
            '/measures/{id}',
            { id: { kind: 'uuid', valid: w.countA.id } },
            valid,
          ),
          { ...patch('an empty patch (nothing to change)', {}), last: true },
          patch('changing the unit', { ...valid, unit: 'percent' }),
          patch('changing the code', { ...valid, code: 'OTHER' }),
          patch('changing the period type', { ...valid, periodType: 'year' }),
          patch('a baselinePeriod of another period type', { ...valid, baselinePeriod: '2025' }),
          patch('ratePer 0', { ...valid, ratePer: 0 }),
          patch(
            'a category on an indicator',
            { category: 'how_much' },
            'coordinator',
            `/measures/${w.indicator.id}`,
          ),
        ];
      },
      control: ({ w }) => ({ path: `/measures/${w.countA.id}`, body: { name: 'Renamed measure' } }),
    },

    // ----- figures -----
    {
      route: 'PUT /api/v1/measures/{id}/observations/{period}',
      who: 'editorA',
      cases: ({ w, rateIndicator, submittedQuarter }) => {
        const path = `/measures/${w.countA.id}/observations/${WORLD_PERIOD}`;
        const valid = { value: 13, note: 'checked' };
        const put = (
          what: string,
          body: unknown,
          opts: { path?: string; who?: Who; status?: number; code?: string } = {},
        ): BadCase => ({
          what,
          method: 'put',
          path: opts.path ?? path,
          body,
          ...(opts.who ? { who: opts.who } : {}),
          ...(opts.status ? { status: opts.status } : {}),
          ...(opts.code ? { code: opts.code } : {}),
        });
        const ratio = `/measures/${w.ratioA.id}/observations/${WORLD_PERIOD}`;
        const indicator = `/measures/${w.indicator.id}/observations/2024`;
        const dim = w.dimension.code;
        return [
          ...withBody('put', path, valid, {
            value: { kind: 'number', nullable: true },
            note: { kind: 'text', nullable: true },
            version: { kind: 'int', min: 0 },
          }),
          ...paramCases(
            'put',
            '/measures/{id}/observations/{period}',
            {
              id: { kind: 'uuid', valid: w.countA.id },
              period: { kind: 'period', valid: WORLD_PERIOD },
            },
            valid,
          ),
          { ...put('an empty body (no figure at all)', {}), last: true },
          // counts
          put('a count of -1', { value: -1 }),
          put('a count of 2.5', { value: 2.5 }),
          put('a count of -0.5', { value: -0.5 }),
          put('a count as a string', { value: '12' }),
          put('a count with numerator and denominator', { numerator: 1, denominator: 2 }),
          put('a count with a value and a numerator', { value: 3, numerator: 1 }),
          put(
            'a stale version',
            { value: 13, version: 0 },
            { status: 409, code: 'VERSION_CONFLICT' },
          ),
          put(
            'a future version',
            { value: 13, version: 99 },
            { status: 409, code: 'VERSION_CONFLICT' },
          ),
          put(
            'a version for a cell that does not exist yet',
            { value: 3, version: 4 },
            {
              path: `/measures/${w.countA.id}/observations/FY2025-26-Q3`,
              status: 409,
              code: 'VERSION_CONFLICT',
            },
          ),
          // periods of the wrong type
          put('a calendar year for a fiscal-quarter measure', valid, {
            path: `/measures/${w.countA.id}/observations/2025`,
          }),
          put('a calendar quarter for a fiscal-quarter measure', valid, {
            path: `/measures/${w.countA.id}/observations/2025-Q3`,
          }),
          put('a month for a fiscal-quarter measure', valid, {
            path: `/measures/${w.countA.id}/observations/2025-07`,
          }),
          put('a fiscal year for a fiscal-quarter measure', valid, {
            path: `/measures/${w.countA.id}/observations/FY2025-26`,
          }),
          put(
            'a fiscal quarter for a yearly indicator',
            { value: 50 },
            {
              who: 'coordinator',
              path: `/measures/${w.indicator.id}/observations/${WORLD_PERIOD}`,
            },
          ),
          // breakdowns
          put('a breakdown by a dimension the measure does not have', {
            value: 3,
            breakdown: { no_such_dimension: 'girls' },
          }),
          put('a breakdown value that does not exist', {
            value: 3,
            breakdown: { [dim]: 'nobody' },
          }),
          put('a breakdown value in other case', { value: 3, breakdown: { [dim]: 'GIRLS' } }),
          put('a breakdown that is an array', { value: 3, breakdown: [dim, 'girls'] }),
          put('a breakdown value that is a number', { value: 3, breakdown: { [dim]: 1 } }),
          put('a breakdown value that is empty', { value: 3, breakdown: { [dim]: '' } }),
          put('a breakdown of six dimensions', {
            value: 3,
            breakdown: { a: 'x', b: 'x', c: 'x', d: 'x', e: 'x', f: 'x' },
          }),
          put(
            'a breakdown on a measure with no dimensions',
            { value: 3, breakdown: { [dim]: 'girls' } },
            {
              path: `/measures/${w.ratioA.id}/observations/${WORLD_PERIOD}`,
            },
          ),
          put('a part larger than the total', { value: 13, breakdown: { [dim]: 'girls' } }),
          // numerator / denominator measure
          put('a value for a numerator/denominator measure', { value: 60 }, { path: ratio }),
          put(
            'a value with numerator and denominator',
            { value: 60, numerator: 6, denominator: 10 },
            {
              path: ratio,
            },
          ),
          put(
            'a numerator above the denominator',
            { numerator: 11, denominator: 10 },
            { path: ratio },
          ),
          put('a denominator of 0', { numerator: 0, denominator: 0 }, { path: ratio }),
          put('a numerator without denominator', { numerator: 6 }, { path: ratio }),
          put('a denominator without numerator', { denominator: 10 }, { path: ratio }),
          put('a negative numerator', { numerator: -1, denominator: 10 }, { path: ratio }),
          put(
            'a negative denominator and numerator',
            { numerator: -6, denominator: -10 },
            {
              path: ratio,
            },
          ),
          put('a numerator as a string', { numerator: '6', denominator: 10 }, { path: ratio }),
          {
            what: 'a numerator of 1e999 (Infinity)',
            method: 'put',
            path: ratio,
            raw: { type: 'application/json', data: '{"numerator": 1e999, "denominator": 1e999}' },
          },
          put(
            'a rate whose value overflows to Infinity (numerator 1e308, denominator 1e-300)',
            { numerator: 1e308, denominator: 1e-300 },
            { who: 'coordinator', path: `/measures/${rateIndicator.id}/observations/2024` },
          ),
          // published percentage
          put(
            'a published percentage of 101',
            { value: 101 },
            { who: 'coordinator', path: indicator },
          ),
          put(
            'a published percentage of -0.1',
            { value: -0.1 },
            { who: 'coordinator', path: indicator },
          ),
          put(
            'a published percentage as numerator/denominator',
            { numerator: 1, denominator: 2 },
            {
              who: 'coordinator',
              path: indicator,
            },
          ),
          // shared measures are computed
          put(
            'a figure on a shared measure',
            { numerator: 1, denominator: 2 },
            {
              who: 'coordinator',
              path: `/measures/${w.shared.id}/observations/${WORLD_PERIOD}`,
            },
          ),
          put('a note of 4001 characters', { value: 13, note: 'n'.repeat(4001) }),
          put(
            'a figure in a submitted period',
            { value: 5 },
            {
              path: `/measures/${w.countA.id}/observations/${submittedQuarter}`,
              status: 409,
              code: 'PERIOD_LOCKED',
            },
          ),
        ];
      },
      control: ({ w }) => ({
        path: `/measures/${w.countA.id}/observations/${WORLD_PERIOD}`,
        body: { value: 13, note: 'checked' },
      }),
    },
    {
      route: 'PUT /api/v1/organizations/{id}/observations',
      who: 'editorA',
      cases: ({ w, submittedQuarter }) => {
        const path = `/organizations/${w.orgA.id}/observations`;
        const good = { measureId: w.countA.id, period: WORLD_PERIOD, value: 13 };
        const valid = { items: [good] };
        const put = (what: string, items: unknown, status?: number): BadCase => ({
          what,
          method: 'put',
          path,
          body: { items },
          ...(status ? { status } : {}),
        });
        const dim = w.dimension.code;
        return [
          ...malformedBodies('put', path, valid),
          ...paramCases(
            'put',
            '/organizations/{id}/observations',
            { id: { kind: 'uuid', valid: w.orgA.id } },
            valid,
          ),
          ...fieldCases('put', path, valid, {
            items: { kind: 'text', required: true },
            'items.0.measureId': { kind: 'uuid', required: true },
            'items.0.period': { kind: 'period', required: true },
            'items.0.value': { kind: 'number', nullable: true },
            'items.0.version': { kind: 'int', min: 0 },
          }),
          put('no items', []),
          put(
            '2001 items',
            Array.from({ length: 2001 }, () => good),
          ),
          put('an item with an unknown field', [{ ...good, extra: 1 }]),
          put('a measure of another agency', [{ ...good, measureId: w.countB.id }]),
          put('a measure that does not exist', [{ ...good, measureId: randomUUID() }]),
          put("a shared measure (the table's)", [
            { measureId: w.shared.id, period: WORLD_PERIOD, numerator: 1, denominator: 2 },
          ]),
          put('the same cell twice', [good, { ...good, value: 14 }]),
          {
            ...put('a good item, then a figure in a submitted period', [
              good,
              { ...good, period: submittedQuarter },
            ]),
            status: 409,
            code: 'PERIOD_LOCKED',
          },
          put('a good item, then a count of -1', [
            good,
            { ...good, period: 'FY2025-26-Q2', value: -1 },
          ]),
          put('a good item, then a count of 2.5', [
            good,
            { ...good, period: 'FY2025-26-Q2', value: 2.5 },
          ]),
          put('a good item, then a bad period', [good, { ...good, period: 'FY2025-27' }]),
          put('a good item, then a period of the wrong type', [
            good,
            { ...good, period: '2025-Q3' },
          ]),
          put('a good item, then a numerator above the denominator', [
            good,
            { measureId: w.ratioA.id, period: WORLD_PERIOD, numerator: 11, denominator: 10 },
          ]),
          put('a good item, then a denominator of 0', [
            good,
            { measureId: w.ratioA.id, period: WORLD_PERIOD, numerator: 0, denominator: 0 },
          ]),
          put('a good item, then a value on a numerator/denominator measure', [
            good,
            { measureId: w.ratioA.id, period: WORLD_PERIOD, value: 50 },
          ]),
          put('a good item, then an unknown breakdown value', [
            good,
            { ...good, breakdown: { [dim]: 'nobody' } },
          ]),
          put(
            'a good item, then a part larger than the new total',
            [good, { ...good, value: 14, breakdown: { [dim]: 'girls' } }],
            422,
          ),
          put(
            'a good item, then a stale version',
            [
              good,
              {
                measureId: w.ratioA.id,
                period: WORLD_PERIOD,
                numerator: 7,
                denominator: 10,
                version: 0,
              },
            ],
            409,
          ),
          put(
            'a new cell, then a version for a cell that does not exist',
            [
              { ...good, period: 'FY2025-26-Q2' },
              { ...good, period: 'FY2025-26-Q3', version: 7 },
            ],
            409,
          ),
        ];
      },
      control: ({ w }) => ({
        path: `/organizations/${w.orgA.id}/observations`,
        body: { items: [{ measureId: w.countA.id, period: WORLD_PERIOD, value: 13 }] },
      }),
    },
    {
      route: 'PUT /api/v1/measures/{id}/targets/{period}',
      who: 'editorA',
      cases: ({ w }) => {
        const path = `/measures/${w.countA.id}/targets/${WORLD_PERIOD}`;
        const valid = { value: 20 };
        const put = (
          what: string,
          body: unknown,
          opts: { path?: string; who?: Who } = {},
        ): BadCase => ({
          what,
          method: 'put',
          path: opts.path ?? path,
          body,
          ...(opts.who ? { who: opts.who } : {}),
        });
        return [
          ...withBody('put', path, valid, { value: { kind: 'number', required: true } }),
          ...paramCases(
            'put',
            '/measures/{id}/targets/{period}',
            {
              id: { kind: 'uuid', valid: w.countA.id },
              period: { kind: 'period', valid: WORLD_PERIOD },
            },
            valid,
          ),
          put('a count target of -1', { value: -1 }),
          { ...put('a count target of 2.5', { value: 2.5 }), last: true },
          put('a period of the wrong type', valid, {
            path: `/measures/${w.countA.id}/targets/2025`,
          }),
          put('a breakdown value that does not exist', {
            value: 5,
            breakdown: { [w.dimension.code]: 'nobody' },
          }),
          put('a breakdown by an unknown dimension', { value: 5, breakdown: { nope: 'girls' } }),
          put(
            'a percentage target of 101',
            { value: 101 },
            {
              path: `/measures/${w.ratioA.id}/targets/${WORLD_PERIOD}`,
            },
          ),
          put(
            'a percentage target of -1',
            { value: -1 },
            {
              path: `/measures/${w.ratioA.id}/targets/${WORLD_PERIOD}`,
            },
          ),
          put(
            'a published percentage target of 101',
            { value: 101 },
            {
              who: 'coordinator',
              path: `/measures/${w.indicator.id}/targets/2025`,
            },
          ),
          put(
            'a numerator/denominator target',
            { numerator: 6, denominator: 10 },
            {
              path: `/measures/${w.ratioA.id}/targets/${WORLD_PERIOD}`,
            },
          ),
          put('a note (targets take none)', { value: 5, note: 'why' }),
        ];
      },
      control: ({ w }) => ({
        path: `/measures/${w.countA.id}/targets/${WORLD_PERIOD}`,
        body: { value: 20 },
      }),
    },

    // ----- quarterly reporting -----
    {
      route: 'POST /api/v1/organizations/{id}/periods/{period}/submit',
      who: 'editorA',
      cases: ({ w, submittedMonth }) => {
        const template = '/organizations/{id}/periods/{period}/submit';
        return [
          ...paramCases('post', template, {
            id: { kind: 'uuid', valid: w.orgA.id },
            period: { kind: 'period', valid: WORLD_PERIOD },
          }),
          {
            what: 'a body that is not JSON',
            method: 'post',
            path: `/organizations/${w.orgA.id}/periods/${WORLD_PERIOD}/submit`,
            raw: { type: 'application/json', data: '{"oops' },
          },
          {
            what: 'a period already submitted',
            method: 'post',
            path: `/organizations/${w.orgA.id}/periods/${submittedMonth}/submit`,
            status: 409,
            code: 'INVALID_TRANSITION',
          },
        ];
      },
    },
    {
      route: 'POST /api/v1/organizations/{id}/periods/{period}/approve',
      who: 'coordinator',
      cases: ({ w }) => {
        const template = '/organizations/{id}/periods/{period}/approve';
        return [
          ...paramCases('post', template, {
            id: { kind: 'uuid', valid: w.orgA.id },
            period: { kind: 'period', valid: WORLD_PERIOD },
          }),
          {
            what: 'a period that was never submitted',
            method: 'post',
            path: `/organizations/${w.orgA.id}/periods/${WORLD_PERIOD}/approve`,
            status: 409,
            code: 'INVALID_TRANSITION',
          },
          {
            what: 'a body that is not JSON',
            method: 'post',
            path: `/organizations/${w.orgA.id}/periods/${WORLD_PERIOD}/approve`,
            raw: { type: 'application/json', data: '[1,' },
          },
        ];
      },
    },
    {
      route: 'POST /api/v1/organizations/{id}/periods/{period}/return',
      who: 'coordinator',
      cases: ({ w, submittedMonth }) => {
        const path = `/organizations/${w.orgA.id}/periods/${submittedMonth}/return`;
        const valid = { note: 'Please check the counts' };
        return [
          ...withBody('post', path, valid, { note: text }),
          ...paramCases(
            'post',
            '/organizations/{id}/periods/{period}/return',
            {
              id: { kind: 'uuid', valid: w.orgA.id },
              period: { kind: 'period', valid: submittedMonth },
            },
            valid,
          ),
          {
            what: 'a period that was never submitted',
            method: 'post',
            path: `/organizations/${w.orgA.id}/periods/${WORLD_PERIOD}/return`,
            body: valid,
            status: 409,
            code: 'INVALID_TRANSITION',
          },
          {
            what: 'a note of 4001 characters',
            method: 'post',
            path,
            body: { note: 'n'.repeat(4001) },
          },
        ];
      },
      control: ({ w, submittedMonth }) => ({
        path: `/organizations/${w.orgA.id}/periods/${submittedMonth}/return`,
        body: { note: 'Please check the counts' },
      }),
    },
    {
      route: 'POST /api/v1/organizations/{id}/periods/{period}/reopen',
      who: 'coordinator',
      cases: ({ w, approvedMonth, submittedMonth }) => {
        const path = `/organizations/${w.orgA.id}/periods/${approvedMonth}/reopen`;
        const valid = { reason: 'The count included visits' };
        return [
          ...withBody('post', path, valid, { reason: text }),
          ...paramCases(
            'post',
            '/organizations/{id}/periods/{period}/reopen',
            {
              id: { kind: 'uuid', valid: w.orgA.id },
              period: { kind: 'period', valid: approvedMonth },
            },
            valid,
          ),
          {
            what: 'a period that was never approved',
            method: 'post',
            path: `/organizations/${w.orgA.id}/periods/${submittedMonth}/reopen`,
            body: valid,
            status: 409,
            code: 'INVALID_TRANSITION',
          },
          {
            what: 'a reason of 4001 characters',
            method: 'post',
            path,
            body: { reason: 'r'.repeat(4001) },
          },
        ];
      },
      control: ({ w, approvedMonth }) => ({
        path: `/organizations/${w.orgA.id}/periods/${approvedMonth}/reopen`,
        body: { reason: 'The count included visits' },
      }),
    },

    // ----- CSV import (multipart) -----
    {
      route: 'POST /api/v1/imports',
      who: 'editorA',
      cases: ({ w, submittedQuarter }) => {
        const path = '/imports?commit=true';
        const org = w.orgA.code;
        const dim = w.dimension.code;
        const header =
          'measure_code,organization_code,period,breakdown,value,numerator,denominator,note';
        const good = `SERVED,${org},FY2025-26-Q2,,5,,,`;
        const csv = (...rows: string[]) => Buffer.from(`${[header, ...rows].join('\n')}\n`);
        const native = JSON.stringify({ mode: 'native' });
        const post = (
          what: string,
          file: Buffer | null,
          mapping: string | null = native,
          opts: {
            path?: string;
            field?: string;
            extra?: Record<string, string>;
            status?: number;
          } = {},
        ): BadCase => ({
          what,
          method: 'post',
          path: opts.path ?? path,
          multipart: {
            fields: { ...(mapping !== null ? { mapping } : {}), ...(opts.extra ?? {}) },
            ...(file
              ? { file: { field: opts.field ?? 'file', data: file, filename: 'figures.csv' } }
              : {}),
          },
          ...(opts.status ? { status: opts.status } : {}),
        });
        // A good row first, then a bad one: the commit must write neither.
        const withBad = (what: string, bad: string) =>
          post(`a good row, then ${what}`, csv(good, bad));
        return [
          {
            what: 'a JSON body instead of multipart',
            method: 'post',
            path,
            body: { mapping: { mode: 'native' }, file: good },
          },
          {
            what: 'plain text',
            method: 'post',
            path,
            raw: { type: 'text/csv', data: csv(good).toString() },
          },
          post('no file part', null),
          post('the file under another name', csv(good), native, { field: 'upload' }),
          post('an unexpected extra field', csv(good), native, { extra: { comment: 'hi' } }),
          post('a mapping that is not JSON', csv(good), '{mode: native'),
          post('a mapping that is a JSON array', csv(good), '[]'),
          post('an unknown mode', csv(good), JSON.stringify({ mode: 'sideways' })),
          post(
            'a mapping with an unknown field',
            csv(good),
            JSON.stringify({ mode: 'native', x: 1 }),
          ),
          post(
            'long mode without a period column',
            csv(good),
            JSON.stringify({
              mode: 'long',
              measure: { column: 'measure_code' },
              value: { column: 'value' },
            }),
          ),
          post(
            'a malformed measureId',
            csv(good),
            JSON.stringify({
              mode: 'long',
              measureId: 'nope',
              period: { column: 'period' },
              value: { column: 'value' },
            }),
          ),
          post(
            'a measureId that does not exist',
            csv(good),
            JSON.stringify({
              mode: 'long',
              measureId: randomUUID(),
              period: { column: 'period' },
              value: { column: 'value' },
            }),
          ),
          post(
            'a column the file does not have',
            csv(good),
            JSON.stringify({
              mode: 'long',
              measure: { column: 'measure_code' },
              period: { column: 'REF_DATE' },
              value: { column: 'value' },
            }),
          ),
          post(
            'a scale of Infinity',
            csv(good),
            '{"mode":"long","measure":{"column":"measure_code"},"period":{"column":"period"},"value":{"column":"value","scale":1e999}}',
          ),
          post('commit=maybe', csv(good), native, { path: '/imports?commit=maybe' }),
          post('an unknown query parameter', csv(good), native, {
            path: '/imports?commit=true&force=true',
          }),
          post('an empty file', Buffer.from('')),

          post('a native file without measure_code', Buffer.from(`period,value\nFY2025-26-Q2,5\n`)),
          post('a file of binary junk', Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x02, 0x00, 0x0a])),
          withBad('a count of -1', `SERVED,${org},FY2025-26-Q3,,-1,,,`),
          withBad('a count of 2.5', `SERVED,${org},FY2025-26-Q3,,2.5,,,`),
          withBad('a value that is not a number', `SERVED,${org},FY2025-26-Q3,,lots,,,`),
          withBad('the period FY2025-27', `SERVED,${org},FY2025-27,,5,,,`),
          withBad('the period 2025-Q5', `SERVED,${org},2025-Q5,,5,,,`),
          withBad('a period of the wrong type', `SERVED,${org},2025-07,,5,,,`),
          withBad('an unknown measure code', `NOPE,${org},FY2025-26-Q3,,5,,,`),
          withBad("another agency's measure", `SERVED,${w.orgB.code},FY2025-26-Q3,,5,,,`),
          withBad('an unknown breakdown value', `SERVED,${org},FY2025-26-Q3,${dim}=nobody,1,,,`),
          withBad('an unknown breakdown dimension', `SERVED,${org},FY2025-26-Q3,nope=girls,1,,,`),
          withBad('a malformed breakdown', `SERVED,${org},FY2025-26-Q3,${dim},1,,,`),
          withBad('a numerator above the denominator', `IMPROVED,${org},FY2025-26-Q3,,,11,10,`),
          withBad('a denominator of 0', `IMPROVED,${org},FY2025-26-Q3,,,0,0,`),
          withBad(
            'a value on a numerator/denominator measure',
            `IMPROVED,${org},FY2025-26-Q3,,60,,,`,
          ),
          withBad('a numerator without denominator', `IMPROVED,${org},FY2025-26-Q3,,,6,,`),
          withBad('numerator and denominator on a count', `SERVED,${org},FY2025-26-Q3,,,1,2,`),
          withBad('the same cell twice', good),
          withBad('a figure in a submitted period', `SERVED,${org},${submittedQuarter},,5,,,`),
          withBad('a note with a NUL character', `SERVED,${org},FY2025-26-Q3,,5,,,a\u0000b`),
          withBad('a note of 10,000 characters', `SERVED,${org},FY2025-26-Q3,,5,,,${LONG}`),
          withBad('a part larger than the total', `SERVED,${org},FY2025-26-Q2,${dim}=girls,6,,,`),
        ];
      },
      control: ({ w }) => ({
        path: '/imports?commit=true',
        multipart: {
          fields: { mapping: JSON.stringify({ mode: 'native' }) },
          file: {
            field: 'file',
            data: Buffer.from(
              `measure_code,organization_code,period,breakdown,value,numerator,denominator,note\nSERVED,${w.orgA.code},FY2025-26-Q2,,5,,,\n`,
            ),
            filename: 'figures.csv',
          },
        },
      }),
    },

    // ----- turn-the-curve plans -----
    {
      route: 'PUT /api/v1/measures/{id}/curve-plan',
      who: 'editorA',
      cases: ({ w, plan }) => {
        const path = `/measures/${w.countA.id}/curve-plan`;
        const valid = {
          revision: plan.revision,
          story: { forcesUp: [{ text: 'More referrals' }], forcesDown: [], narrative: 'Why' },
          partners: [{ organizationId: w.orgB.id, role: 'Referrals' }],
          whatWorks: [{ idea: 'Drop-in hours', cost: 'low_cost', chosen: true }],
          actions: [{ title: 'Open Saturdays', ownerName: 'Sam', dueDate: '2026-03-31' }],
          dataDevelopmentAgenda: [{ name: 'Wait times' }],
        };
        const put = (what: string, body: unknown, status?: number): BadCase => ({
          what,
          method: 'put',
          path,
          body,
          ...(status ? { status } : {}),
        });
        return [
          ...withBody('put', path, valid, {
            revision: { kind: 'int', min: 0, required: true },
            story: { kind: 'text' },
            'story.forcesUp.0.text': { kind: 'text', required: true },
            'partners.0.organizationId': { kind: 'uuid', nullable: true },
            'whatWorks.0.idea': { kind: 'text', required: true },
            'whatWorks.0.cost': { kind: 'enum' },
            'whatWorks.0.chosen': { kind: 'bool' },
            'actions.0.title': { kind: 'text', required: true },
            'actions.0.dueDate': { kind: 'date', nullable: true },
            'actions.0.status': { kind: 'enum' },
            'dataDevelopmentAgenda.0.name': { kind: 'text', required: true },
          }),
          ...paramCases(
            'put',
            '/measures/{id}/curve-plan',
            { id: { kind: 'uuid', valid: w.countA.id } },
            valid,
          ),
          put('a stale revision', { ...valid, revision: plan.revision - 1 }, 409),
          put('a revision from the future', { ...valid, revision: plan.revision + 5 }, 409),
          put(
            'a narrative of 20,001 characters',
            withField(valid, 'story.narrative', 'n'.repeat(20_001)),
          ),
          put('a narrative with a NUL character', withField(valid, 'story.narrative', NUL)),
          put('a partner with neither organization nor name', {
            ...valid,
            partners: [{ role: 'x' }],
          }),
          put(
            'a partner organization that does not exist',
            { ...valid, partners: [{ organizationId: randomUUID(), role: 'x' }] },
            422,
          ),
          put('an action with no owner', { ...valid, actions: [{ title: 'Do it' }] }),
          put(
            'an action owner organization that does not exist',
            { ...valid, actions: [{ title: 'Do it', ownerOrganizationId: randomUUID() }] },
            422,
          ),
          put(
            'an action on a measure that does not exist',
            { ...valid, actions: [{ title: 'Do it', ownerName: 'Sam', measureId: randomUUID() }] },
            422,
          ),
          put('an item id that is not a uuid', {
            ...valid,
            dataDevelopmentAgenda: [{ id: 'item-1', name: 'Wait times' }],
          }),
          {
            ...put('two items with the same id', {
              ...valid,
              dataDevelopmentAgenda: [
                { id: '6a1f7e4c-0b8e-4d2a-9c51-0d6f3a2b1c01', name: 'Wait times' },
                { id: '6a1f7e4c-0b8e-4d2a-9c51-0d6f3a2b1c01', name: 'Repeat visits' },
              ],
            }),
            last: true,
          },
          put('51 agenda items', {
            ...valid,
            dataDevelopmentAgenda: Array.from({ length: 51 }, (_, i) => ({ name: `Item ${i}` })),
          }),
          put(
            'a force with evidence of 2,001 characters',
            withField(valid, 'story.forcesUp.0', {
              text: 'x',
              evidence: 'e'.repeat(2001),
            }),
          ),
          put('an unknown section', { ...valid, budget: [] }),
          put('a plan on a measure that does not exist', valid, 404),
        ].map((c) =>
          c.what === 'a plan on a measure that does not exist'
            ? { ...c, path: `/measures/${randomUUID()}/curve-plan` }
            : c,
        );
      },
      control: async ({ w }, read) => ({
        path: `/measures/${w.countA.id}/curve-plan`,
        body: {
          revision: (await read(`/measures/${w.countA.id}/curve-plan`)).revision,
          story: { forcesUp: [], forcesDown: [], narrative: 'Control' },
        },
      }),
    },
    {
      route: 'POST /api/v1/curve-plans/{id}/revisions/{revision}/restore',
      who: 'editorA',
      cases: ({ plan }) => {
        const path = `/curve-plans/${plan.id}/revisions/1/restore`;
        const valid = { revision: plan.revision };
        return [
          ...withBody('post', path, valid, { revision: { kind: 'int', min: 1, required: true } }),
          ...paramCases(
            'post',
            '/curve-plans/{id}/revisions/{revision}/restore',
            {
              id: { kind: 'uuid', valid: plan.id },
              revision: { kind: 'positiveInt', valid: '1' },
            },
            valid,
          ),
          {
            what: 'a stale current revision',
            method: 'post',
            path,
            body: { revision: plan.revision - 1 },
            status: 409,
          },
        ];
      },
      control: async ({ w, plan }, read) => ({
        path: `/curve-plans/${plan.id}/revisions/1/restore`,
        body: { revision: (await read(`/measures/${w.countA.id}/curve-plan`)).revision },
      }),
    },
    {
      route: 'POST /api/v1/curve-plans/{id}/comments',
      who: 'editorA',
      cases: ({ plan }) => {
        const path = `/curve-plans/${plan.id}/comments`;
        const valid = { body: 'Saturdays worked last year' };
        return [
          ...withBody('post', path, valid, { body: text }),
          ...paramCases(
            'post',
            '/curve-plans/{id}/comments',
            { id: { kind: 'uuid', valid: plan.id } },
            valid,
          ),
          {
            what: 'a comment of 4,001 characters',
            method: 'post',
            path,
            body: { body: 'c'.repeat(4001) },
          },
        ];
      },
      control: ({ plan }) => ({
        path: `/curve-plans/${plan.id}/comments`,
        body: { body: 'Saturdays worked last year' },
      }),
    },

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
          }).filter(
            (c) => c.body !== undefined && JSON.stringify(c.body) !== JSON.stringify(valid),
          ),
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
}
