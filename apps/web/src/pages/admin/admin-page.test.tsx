import { roleScopes as schemaRoleScopes } from '@rba/schema';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AdminUser, Organization, PlanningTable } from '../../api/admin-api';
import { roleScopes } from '../../api/admin-api';
import {
  authRoutes,
  type FakeApi,
  type FakeRoute,
  fakeApi,
  holdRefreshCookie,
  testUser,
} from '../../test/fake-api';
import { renderApp } from '../../test/render-app';
import { embedSnippet } from './public-links-tab';

const clinic = 'a1a1a1a1-0000-4000-8000-000000000001';
const foundation = 'a2a2a2a2-0000-4000-8000-000000000002';
const table = 'b1b1b1b1-0000-4000-8000-000000000001';
const userId = 'c1c1c1c1-0000-4000-8000-000000000001';
const at = '2025-01-01T00:00:00.000Z';

const organizations: Organization[] = [
  {
    id: clinic,
    code: 'YWC',
    name: 'Youth Wellness Centre',
    kind: 'agency',
    archivedAt: null,
    createdAt: at,
    updatedAt: at,
  },
  {
    id: foundation,
    code: 'NCF',
    name: 'Northshire Foundation',
    kind: 'funder',
    archivedAt: null,
    createdAt: at,
    updatedAt: at,
  },
];
const tables: PlanningTable[] = [
  {
    id: table,
    name: 'Youth Mental Health Table',
    population: 'Youth 0–24',
    description: null,
    archivedAt: null,
    createdAt: at,
  },
];
const sam: AdminUser = {
  id: userId,
  email: 'sam@example.org',
  name: 'Sam Member',
  locale: 'en',
  disabledAt: null,
  createdAt: at,
  roles: [{ role: 'table_member', scopeType: 'table', scopeId: table }],
};

let api: FakeApi;

function serve(overrides: Record<string, FakeRoute> = {}) {
  api = fakeApi({
    ...authRoutes(),
    'GET /api/v1/organizations': () => ({ status: 200, body: { items: organizations, total: 2 } }),
    'GET /api/v1/tables': () => ({ status: 200, body: { items: tables, total: 1 } }),
    'GET /api/v1/users': () => ({ status: 200, body: { items: [sam], total: 1 } }),
    [`POST /api/v1/users/${userId}/roles`]: ({ body }) => ({ status: 201, body }),
    ...overrides,
  });
  vi.stubGlobal('fetch', api.fetch);
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  holdRefreshCookie();
  document.documentElement.lang = 'en';
  serve();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const optionNames = (select: HTMLElement) =>
  within(select)
    .getAllByRole('option')
    .map((o) => o.textContent);

describe('the admin area', () => {
  it('keeps its copy of the role scopes equal to the schema’s', () => {
    expect(roleScopes).toEqual(schemaRoleScopes);
  });

  it('is closed to people who are not administrators', async () => {
    serve({
      ...authRoutes({
        ...testUser,
        roles: [{ role: 'table_member', scopeType: 'table', scopeId: table }],
      }),
    });
    renderApp('/admin/users');
    expect(await screen.findByText('Only administrators can open this area.')).toBeTruthy();
    expect(api.calls.some((c) => c.path === '/api/v1/users')).toBe(false);
  });

  it('shows a user’s roles by name, and offers the scope each role takes', async () => {
    renderApp(`/admin/users/${userId}`);
    const detail = await screen.findByRole('region', { name: /Sam Member/ });
    const roles = within(detail).getByRole('table', { name: 'Roles of Sam Member' });
    await waitFor(() =>
      expect(within(roles).getAllByRole('row')[1]?.textContent).toContain(
        'Table memberPlanning table: Youth Mental Health Table',
      ),
    );

    const form = within(detail).getByRole('form', { name: 'Grant a role' });
    const role = within(form).getByLabelText('Role');

    // Organization-scoped by default (partner editor): organizations are offered.
    expect(optionNames(within(form).getByLabelText('Organization'))).toEqual([
      'Choose an organization',
      'Northshire Foundation',
      'Youth Wellness Centre',
    ]);

    fireEvent.change(role, { target: { value: 'table_member' } });
    expect(within(form).queryByLabelText('Organization')).toBeNull();
    expect(optionNames(within(form).getByLabelText('Planning table'))).toEqual([
      'Choose a planning table',
      'Youth Mental Health Table',
    ]);
    expect(within(form).queryByRole('group', { name: 'This role applies to' })).toBeNull();

    // A funder reads a table or one agency: the kind of scope is chosen first.
    fireEvent.change(role, { target: { value: 'funder_viewer' } });
    const kinds = within(form).getByRole('group', { name: 'This role applies to' });
    expect(
      within(kinds)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual(['table', 'organization']);
    fireEvent.click(within(kinds).getByLabelText('Organization'));
    expect(within(form).getByRole('combobox', { name: 'Organization' })).toBeTruthy();

    fireEvent.change(role, { target: { value: 'admin' } });
    expect(
      within(form).queryByRole('combobox', { name: /Organization|Planning table/ }),
    ).toBeNull();
    expect(within(form).getByText(/there is no scope to choose/)).toBeTruthy();

    fireEvent.change(role, { target: { value: 'table_coordinator' } });
    fireEvent.change(within(form).getByLabelText('Planning table'), { target: { value: table } });
    fireEvent.click(within(form).getByRole('button', { name: 'Grant the role' }));
    expect(await within(form).findByText('Sam Member is now Table coordinator.')).toBeTruthy();
    const grant = api.calls.find((c) => c.method === 'POST' && c.path.endsWith('/roles'));
    expect(grant?.body).toEqual({ role: 'table_coordinator', scopeType: 'table', scopeId: table });
  });

  it('asks for a scope before granting a scoped role', async () => {
    renderApp(`/admin/users/${userId}`);
    const form = await screen.findByRole('form', { name: 'Grant a role' });
    fireEvent.click(within(form).getByRole('button', { name: 'Grant the role' }));
    const scope = within(form).getByLabelText('Organization');
    expect(scope.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByText('Choose where this role applies.')).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'POST' && !c.path.startsWith('/api/v1/auth/'))).toBe(
      false,
    );
  });

  it('shows the server’s validation error next to the field it names', async () => {
    serve({
      'POST /api/v1/organizations': () => ({
        status: 400,
        body: {
          error: {
            code: 'VALIDATION_ERROR',
            message: 'body.code: letters, digits, dot, dash and underscore only',
            details: [
              { path: 'body.code', message: 'letters, digits, dot, dash and underscore only' },
            ],
          },
        },
      }),
    });
    renderApp('/admin/organizations');
    const form = await screen.findByRole('form', { name: 'New organization' });
    fireEvent.change(within(form).getByLabelText('Code'), { target: { value: 'Y W C' } });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Youth Centre' } });
    fireEvent.change(within(form).getByLabelText('Kind'), { target: { value: 'backbone' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create the organization' }));

    const code = within(form).getByLabelText('Code');
    await waitFor(() => expect(code.getAttribute('aria-invalid')).toBe('true'));
    const described = (code.getAttribute('aria-describedby') ?? '').split(' ');
    const messages = described.map((id) => document.getElementById(id)?.textContent);
    expect(messages).toContain('letters, digits, dot, dash and underscore only');
    expect(within(form).getByRole('alert').textContent).toBe(
      'body.code: letters, digits, dot, dash and underscore only',
    );
    expect(within(form).getByLabelText('Name').getAttribute('aria-invalid')).toBeNull();
    const post = api.calls.find((c) => c.method === 'POST' && !c.path.startsWith('/api/v1/auth/'));
    expect(post?.body).toEqual({ code: 'Y W C', name: 'Youth Centre', kind: 'backbone' });
  });

  it('shows a new public link’s full address once, with an embed snippet', async () => {
    serve({
      [`GET /api/v1/tables/${table}/public-links`]: () => ({ status: 200, body: { items: [] } }),
      [`POST /api/v1/tables/${table}/public-links`]: ({ body }) => ({
        status: 201,
        body: {
          id: 'd1d1d1d1-0000-4000-8000-000000000001',
          tableId: table,
          label: (body as { label: string | null }).label,
          createdBy: testUser.id,
          createdAt: at,
          revokedAt: null,
          token: 'secret-token',
          path: '/public/scorecards/secret-token',
        },
      }),
    });
    renderApp('/admin/public-links');
    const links = await screen.findByRole('region', {
      name: 'Public addresses of Youth Mental Health Table',
    });
    fireEvent.change(within(links).getByLabelText('Label (optional)'), {
      target: { value: 'Table website' },
    });
    fireEvent.click(within(links).getByRole('button', { name: 'Publish a new address' }));
    const address = (await within(links).findByLabelText('Address')) as HTMLInputElement;
    expect(address.value).toBe(`${window.location.origin}/public/scorecards/secret-token`);
    expect((within(links).getByLabelText('Embed on a website') as HTMLTextAreaElement).value).toBe(
      embedSnippet(address.value, 'Scorecard of Youth Mental Health Table'),
    );
    expect(embedSnippet('https://x.example/p/a"b', 'A & B')).toBe(
      '<iframe src="https://x.example/p/a&quot;b" title="A &amp; B" width="100%" height="900" style="border:0" loading="lazy"></iframe>',
    );
  });
});
