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
    nameFr: 'Centre de bien-être des jeunes',
    kind: 'agency',
    archivedAt: null,
    createdAt: at,
    updatedAt: at,
  },
  {
    id: foundation,
    code: 'NCF',
    name: 'Northshire Foundation',
    nameFr: null,
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
    nameFr: null,
    population: 'Youth 0–24',
    populationFr: null,
    description: null,
    descriptionFr: null,
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

/** An administrator whose account is in French (the account's language wins over the browser's). */
const frenchAdmin = { ...testUser, locale: 'fr' as const };

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

  const refusedOrganization = (): Record<string, FakeRoute> => ({
    'POST /api/v1/organizations': () => ({
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_ERROR',
          message: 'code: letters, digits, dot, dash and underscore only',
          details: [
            {
              path: 'body.code',
              code: 'invalid_format',
              params: { format: 'pattern' },
              message: 'The API’s own words',
            },
            {
              path: 'body.nameFr',
              code: 'too_long',
              params: { maximum: 200 },
              message: 'The API’s own words',
            },
            {
              path: 'body.colour',
              code: 'unknown_field',
              params: { field: 'colour' },
              message: 'The API’s own words',
            },
          ],
        },
      },
    }),
  });

  /** The text of the elements a control's aria-describedby names. */
  const description = (control: HTMLElement) =>
    (control.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);

  it('words the server’s problems itself, next to the fields they name', async () => {
    serve(refusedOrganization());
    renderApp('/admin/organizations');
    const form = await screen.findByRole('form', { name: 'New organization' });
    fireEvent.change(within(form).getByLabelText('Code'), { target: { value: 'Y W C' } });
    fireEvent.change(within(form).getByLabelText('Name (English)'), {
      target: { value: 'Youth Centre' },
    });
    const french = within(form).getByLabelText('Name (French)');
    expect(french.getAttribute('lang')).toBe('fr');
    expect(within(form).getByLabelText('Name (English)').getAttribute('lang')).toBe('en');
    fireEvent.change(french, { target: { value: 'Centre jeunesse' } });
    fireEvent.change(within(form).getByLabelText('Kind'), { target: { value: 'backbone' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create the organization' }));

    const code = within(form).getByLabelText('Code');
    await waitFor(() => expect(code.getAttribute('aria-invalid')).toBe('true'));
    expect(description(code)).toContain('This is not in the form this field takes.');
    expect(french.getAttribute('aria-invalid')).toBe('true');
    expect(description(french)).toContain('Shorten this to 200 characters or fewer.');
    expect(within(form).getByLabelText('Name (English)').getAttribute('aria-invalid')).toBeNull();
    // The first field with a problem has the focus; the one that matches no field is summed up.
    await waitFor(() => expect(document.activeElement).toBe(code));
    const summary = within(form).getByRole('alert');
    expect(summary.textContent).toContain('This could not be saved:');
    expect(within(summary).getByRole('listitem').textContent).toBe(
      '“colour” is not taken here; remove it.',
    );
    expect(form.textContent).not.toContain('The API’s own words');
    const post = api.calls.find((c) => c.method === 'POST' && !c.path.startsWith('/api/v1/auth/'));
    expect(post?.body).toEqual({
      code: 'Y W C',
      name: 'Youth Centre',
      nameFr: 'Centre jeunesse',
      kind: 'backbone',
    });
  });

  it('words them in French for a French reader', async () => {
    serve({ ...authRoutes(frenchAdmin), ...refusedOrganization() });
    renderApp('/admin/organizations', { locale: 'fr' });
    const form = await screen.findByRole('form', { name: 'Nouvel organisme' });
    console.log(
      'LABELS',
      [...form.querySelectorAll('label')].map((l) => l.textContent),
      document.documentElement.lang,
    );
    fireEvent.change(within(form).getByLabelText('Nom (anglais)'), {
      target: { value: 'Youth Centre' },
    });
    fireEvent.change(within(form).getByLabelText('Nom (français)'), {
      target: { value: 'Centre jeunesse' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Créer l’organisme' }));
    const french = within(form).getByLabelText('Nom (français)');
    await waitFor(() => expect(french.getAttribute('aria-invalid')).toBe('true'));
    expect(description(french)).toContain('Raccourcissez ce texte à 200 caractères ou moins.');
    expect(description(within(form).getByLabelText('Code'))).toContain(
      'Ce texte n’a pas la forme attendue pour ce champ.',
    );
    expect(within(within(form).getByRole('alert')).getByRole('listitem').textContent).toBe(
      '« colour » n’est pas accepté ici ; retirez-le.',
    );
  });

  it('lists names in the reader’s language, marking an English fallback', async () => {
    serve(authRoutes(frenchAdmin));
    renderApp('/admin/organizations', { locale: 'fr' });
    const list = await screen.findByRole('table', { name: 'Les organismes de la collaboration' });
    const fallback = within(list).getByText('Northshire Foundation');
    expect(fallback.getAttribute('lang')).toBe('en');
    expect(within(list).getByText('Youth Wellness Centre').getAttribute('lang')).toBeNull();
  });

  it('sends a new table’s texts in both languages', async () => {
    serve({
      'POST /api/v1/tables': ({ body }) => ({
        status: 201,
        body: { ...tables[0], ...(body as object), id: 'b2b2b2b2-0000-4000-8000-000000000002' },
      }),
    });
    renderApp('/admin/tables');
    const form = await screen.findByRole('form', { name: 'New planning table' });
    const fill = (label: string, value: string) =>
      fireEvent.change(within(form).getByLabelText(label), { target: { value } });
    fill('Name (English)', 'Early Years Table');
    fill('Name (French)', 'Table de la petite enfance');
    fill('Population (English)', 'Children 0–5');
    fill('Population (French)', 'Enfants de 0 à 5 ans');
    fill('Description (English)', 'Families of the region.');
    fireEvent.click(within(form).getByRole('button', { name: 'Create the table' }));
    expect(await within(form).findByText(/Early Years Table was created/)).toBeTruthy();
    const post = api.calls.find((c) => c.method === 'POST' && c.path === '/api/v1/tables');
    expect(post?.body).toEqual({
      name: 'Early Years Table',
      nameFr: 'Table de la petite enfance',
      population: 'Children 0–5',
      populationFr: 'Enfants de 0 à 5 ans',
      description: 'Families of the region.',
    });
  });

  it('edits a table’s texts as stored, sending only what changed', async () => {
    const stored = {
      ...tables[0],
      nameFr: 'Table sur la santé mentale des jeunes',
      populationFr: 'Jeunes de 0 à 24 ans',
    };
    serve({
      [`GET /api/v1/tables/${table}`]: () => ({ status: 200, body: stored }),
      [`GET /api/v1/tables/${table}/partners`]: () => ({ status: 200, body: { items: [] } }),
      [`PATCH /api/v1/tables/${table}`]: ({ body }) => ({
        status: 200,
        body: { ...stored, ...(body as object) },
      }),
    });
    renderApp(`/admin/tables/${table}`);
    const form = await screen.findByRole('form', {
      name: 'Names and description of Youth Mental Health Table',
    });
    const nameFr = (await within(form).findByLabelText('Name (French)')) as HTMLInputElement;
    expect(nameFr.value).toBe('Table sur la santé mentale des jeunes');
    expect((within(form).getByLabelText('Name (English)') as HTMLInputElement).value).toBe(
      'Youth Mental Health Table',
    );
    const read = api.calls.find((c) => c.path === `/api/v1/tables/${table}`);
    expect(read?.url).toContain('lang=en');

    fireEvent.change(nameFr, { target: { value: 'Table jeunesse et santé mentale' } });
    fireEvent.change(within(form).getByLabelText('Population (French)'), {
      target: { value: '' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save the table' }));
    expect(await within(form).findByText('The table was saved.')).toBeTruthy();
    const patch = api.calls.find((c) => c.method === 'PATCH');
    expect(patch?.body).toEqual({ nameFr: 'Table jeunesse et santé mentale', populationFr: null });
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
