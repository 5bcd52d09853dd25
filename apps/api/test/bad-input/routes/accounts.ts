// The bad-input table's entries for sign-in, one's own account, and users and their roles, for
// routeSpecs() in ../routes.ts.
import { randomUUID } from 'node:crypto';
import { PASSWORD } from '../../../support/factories.js';
import { type BadCase, paramCases } from '../builders.js';
import type { RouteSpec } from '../routes.js';
import { text, withBody } from './shared.js';

export const accountRouteSpecs: RouteSpec[] = [
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
        post('an organization scope that does not exist', { ...valid, scopeId: randomUUID() }, 404),
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
];
