// The bad-input table's entries for the write routes of e-mail reminders and notifications, for
// routeSpecs() in routes.ts: `...mailRouteSpecs,`. Each case must be refused with a 4xx and change
// nothing; each control is the valid request the cases were derived from.
import { randomUUID } from 'node:crypto';
import { unsubscribeToken } from '../../src/mail/unsubscribe-token.js';
import { TEST_JWT_SECRET } from '../helpers/app.js';
import {
  type BadCase,
  fieldCases,
  LONG,
  malformedBodies,
  paramCases,
  REMOVE,
  withField,
} from './builders.js';
import type { RouteSpec } from './routes.js';

type Body = Record<string, unknown>;

const settings = { email: { reminders: true, submissions: true, returns: true } };
const reminderSettings = { enabled: true, offsets: [-7, -1, 3] };

function bodyCases(method: 'put' | 'post', path: string, cases: [string, Body][]) {
  return cases.map(([what, body]): BadCase => ({ what, method, path, body }));
}

/** A token that names the world's editor of agency A, signed as the app signs them. */
const tokenOf = (userId: string) =>
  encodeURIComponent(unsubscribeToken(TEST_JWT_SECRET, userId, 'reminders'));

export const mailRouteSpecs: RouteSpec[] = [
  {
    route: 'PUT /api/v1/tables/{id}/reminder-settings',
    who: 'coordinator',
    cases: ({ w }) => {
      const path = `/tables/${w.table.id}/reminder-settings`;
      const put = (what: string, offsets: unknown): BadCase => ({
        what: `offsets: ${what}`,
        method: 'put',
        path,
        body: { enabled: true, offsets },
      });
      return [
        ...malformedBodies('put', path, reminderSettings),
        ...fieldCases('put', path, reminderSettings, { enabled: { kind: 'bool' } }),
        ...bodyCases('put', path, [
          ['enabled: missing', withField(reminderSettings, 'enabled', REMOVE)],
          ['offsets: missing', withField(reminderSettings, 'offsets', REMOVE)],
        ]),
        put('null', null),
        put('not an array', '-7,-1,3'),
        put('61 days after', [61]),
        put('61 days before', [-61]),
        put('fractional', [1.5]),
        put('a numeric string', ['3']),
        put('a boolean', [true]),
        put('a null entry', [null]),
        put('repeated', [3, 3]),
        put('11 offsets', [-10, -9, -8, -7, -6, -5, -4, -3, -2, -1, 0]),
        {
          what: 'offsets: 1e999 (Infinity)',
          method: 'put',
          path,
          raw: { type: 'application/json', data: '{"enabled":true,"offsets":[1e999]}' },
        },
        ...paramCases(
          'put',
          '/tables/{id}/reminder-settings',
          { id: { kind: 'uuid', valid: w.table.id } },
          reminderSettings,
        ),
        {
          what: 'a partner editor (sees the table)',
          method: 'put',
          path,
          body: reminderSettings,
          who: 'editorA',
          status: 403,
        },
        { what: 'no token', method: 'put', path, body: reminderSettings, who: 'none', status: 401 },
      ];
    },
    control: ({ w }) => ({
      path: `/tables/${w.table.id}/reminder-settings`,
      body: reminderSettings,
    }),
  },
  {
    route: 'PUT /api/v1/me/notification-settings',
    who: 'editorA',
    cases: () => {
      const path = '/me/notification-settings';
      return [
        ...malformedBodies('put', path, settings),
        ...fieldCases('put', path, settings, {
          'email.reminders': { kind: 'bool' },
          'email.submissions': { kind: 'bool' },
          'email.returns': { kind: 'bool' },
        }),
        ...bodyCases('put', path, [
          ['email: missing', {}],
          ['email: null', { email: null }],
          ['email: an array', { email: [true, true, true] }],
          ['email.reminders: missing', withField(settings, 'email.reminders', REMOVE)],
          ['email.returns: missing', withField(settings, 'email.returns', REMOVE)],
          ['email: an unknown kind', withField(settings, 'email.digest', true)],
          ['email.reminders: the string "false"', withField(settings, 'email.reminders', 'false')],
        ]),
        { what: 'no token', method: 'put', path, body: settings, who: 'none', status: 401 },
      ];
    },
    control: () => ({ path: '/me/notification-settings', body: settings }),
  },
  {
    route: 'POST /api/v1/me/notifications/{id}/read',
    // The coordinator has notices: the world's agency A submitted periods.
    who: 'coordinator',
    cases: () => [
      ...paramCases('post', '/me/notifications/{id}/read', {
        id: { kind: 'uuid', valid: randomUUID() },
      }),
      {
        what: 'a body that is not JSON',
        method: 'post',
        path: `/me/notifications/${randomUUID()}/read`,
        raw: { type: 'application/json', data: '{"read": ' },
      },
    ],
    control: async (_c, read) => {
      const inbox = (await read('/me/notifications')) as { items: { id: string }[] };
      return { path: `/me/notifications/${inbox.items[0]?.id ?? randomUUID()}/read` };
    },
  },
  {
    route: 'POST /api/v1/me/notifications/read-all',
    who: 'coordinator',
    // No body is taken: what is left to get wrong is its encoding.
    cases: () => {
      const path = '/me/notifications/read-all';
      return [
        {
          what: 'malformed JSON',
          method: 'post',
          path,
          raw: { type: 'application/json', data: '[1,' },
          status: 400,
        },
        {
          what: 'an XML body',
          method: 'post',
          path,
          raw: { type: 'application/xml', data: '<all/>' },
          status: 415,
        },
        { what: 'no token', method: 'post', path, who: 'none', status: 401 },
      ];
    },
    control: () => ({ path: '/me/notifications/read-all' }),
  },
  {
    route: 'POST /api/v1/admin/reminders/run',
    who: 'admin',
    cases: () => {
      const path = '/admin/reminders/run';
      const valid = { at: '1999-01-01T00:00:00Z' };
      const at = (what: string, value: unknown): BadCase => ({
        what: `at: ${what}`,
        method: 'post',
        path,
        body: { at: value },
      });
      return [
        // JSON null is no body, which means "now": a valid request, left out here.
        ...malformedBodies('post', path, valid).filter((c) => c.what !== 'JSON null'),
        at('null', null),
        at('not a date', 'tomorrow'),
        at('a date without a time', '2026-05-08'),
        at('month 13', '2026-13-08T09:00:00Z'),
        at('February 30th', '2026-02-30T09:00:00Z'),
        at('a number', 1778230800000),
        at('empty string', ''),
        at('10,000 characters', LONG),
        {
          what: 'a coordinator',
          method: 'post',
          path,
          body: valid,
          who: 'coordinator',
          status: 403,
        },
        { what: 'no token', method: 'post', path, body: valid, who: 'none', status: 401 },
      ];
    },
    control: () => ({ path: '/admin/reminders/run', body: { at: '1999-01-01T00:00:00Z' } }),
  },
  {
    route: 'POST /api/v1/unsubscribe',
    // No session: the signed token in the link is the proof.
    who: 'none',
    cases: ({ w }) => {
      const token = tokenOf(w.users.editorA.id);
      const path = `/unsubscribe?token=${token}`;
      const signature = decodeURIComponent(token).split('.')[2] ?? '';
      const forged = (userAndKind: string) =>
        `/unsubscribe?token=${encodeURIComponent(`${userAndKind}.${signature}`)}`;
      const post = (what: string, p: string, extra: Partial<BadCase> = {}): BadCase => ({
        what,
        method: 'post',
        path: p,
        status: 400,
        ...extra,
      });
      const refused = { code: 'INVALID_TOKEN' };
      const body = (type: string, data: string) => ({ raw: { type, data } });
      const form = 'application/x-www-form-urlencoded';
      return [
        post('no token', '/unsubscribe'),
        post('an empty token', '/unsubscribe?token='),
        post('a token of 10,000 characters', `/unsubscribe?token=${LONG}`),
        post('a made-up token', '/unsubscribe?token=not-a-token', refused),
        post(
          'another user with this signature',
          forged(`${w.users.viewerA.id}.reminders`),
          refused,
        ),
        post('another kind with this signature', forged(`${w.users.editorA.id}.returns`), refused),
        post('a user who does not exist', `/unsubscribe?token=${tokenOf(randomUUID())}`, refused),
        post('an unknown query parameter', `${path}&also=1`),
        post('a one-click body saying something else', path, body(form, 'List-Unsubscribe=No')),
        post('a form body with another field', path, body(form, 'List-Unsubscribe=One-Click&a=1')),
        post('a JSON array', path, body('application/json', '[]')),
        post('malformed JSON', path, body('application/json', '{"List-')),
        post('an XML body', path, { ...body('application/xml', '<one-click/>'), status: 415 }),
        post('a form body over 1 KB', path, {
          ...body(form, `List-Unsubscribe=One-Click&pad=${'x'.repeat(2000)}`),
          status: 413,
        }),
      ];
    },
    control: ({ w }) => ({
      path: `/unsubscribe?token=${tokenOf(w.users.editorA.id)}`,
      body: { 'List-Unsubscribe': 'One-Click' },
    }),
  },
];
