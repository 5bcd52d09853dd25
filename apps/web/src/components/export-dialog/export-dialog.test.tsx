import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../../api/auth-api';
import { AppProviders } from '../../app';
import { RequireAuth } from '../../auth/require-auth';
import { createQueryClient } from '../../query-client';
import { authRoutes, fakeApi, holdRefreshCookie } from '../../test/fake-api';
import { ExportDialogButton, type ExportScope } from './export-dialog-button';
import { observationsExportUrl, scorecardExportUrl, visibleStatuses } from './export-url';

const orgId = 'aa9b9e96-3d98-44cf-8de8-f80acefdef7a';
const measureId = 'd06ca05c-2d60-4ea4-ba3e-a2fa643d5324';

const editor: User = {
  id: 'u-editor',
  email: 'editor@example.org',
  name: 'Priya Patel',
  locale: 'en',
  roles: [{ role: 'partner_editor', scopeType: 'organization', scopeId: orgId }],
};

const funder: User = {
  ...editor,
  id: 'u-funder',
  roles: [{ role: 'funder_viewer', scopeType: 'organization', scopeId: orgId }],
};

let downloads: URL[];
let saved: { name: string; href: string }[];

function serve(user: User, csvAnswer: () => Response) {
  const base = fakeApi({
    ...authRoutes(user),
    [`GET /api/v1/organizations/${orgId}`]: () => ({
      status: 200,
      body: { id: orgId, code: 'NCMHC', name: 'Northshire Children’s Mental Health Centre' },
    }),
    [`GET /api/v1/measures/${measureId}`]: () => ({
      status: 200,
      body: { id: measureId, name: '# of children and youth served' },
    }),
  });
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname.startsWith('/api/v1/exports/')) {
      downloads.push(url);
      expect(new Headers(init?.headers).get('authorization')).toBe('Bearer token-1');
      return csvAnswer();
    }
    return base.fetch(input, init);
  });
}

const csv = () =>
  new Response('measure_code,period\nCT-SERVED,FY2025-26-Q1\n', {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="observations.csv"',
    },
  });

function renderButton(scope: ExportScope, options: { period?: string } = {}) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false } });
  return render(
    <AppProviders queryClient={queryClient}>
      <MemoryRouter>
        <RequireAuth>
          <main>
            <ExportDialogButton
              scope={scope}
              {...(options.period ? { period: options.period } : {})}
            />
          </main>
        </RequireAuth>
      </MemoryRouter>
    </AppProviders>,
  );
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  holdRefreshCookie();
  document.documentElement.lang = 'en';
  downloads = [];
  saved = [];
  vi.stubGlobal(
    'URL',
    Object.assign(URL, {
      createObjectURL: vi.fn(() => 'blob:csv-1'),
      revokeObjectURL: vi.fn(),
    }),
  );
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    saved.push({ name: this.download, href: this.href });
  });
  serve(editor, csv);
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

async function open() {
  const button = await screen.findByRole('button', { name: 'Export CSV' });
  button.focus();
  fireEvent.click(button);
  const dialog = await screen.findByRole('dialog', { name: 'Download a CSV file' });
  return { button, dialog };
}

describe('the export dialog', () => {
  it('downloads the figures with the chosen options, with the bearer token', async () => {
    renderButton({ organizationId: orgId });
    const { dialog } = await open();
    expect(
      await within(dialog).findByText('Agency: Northshire Children’s Mental Health Centre'),
    ).toBeTruthy();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    // Focus moves into the dialog, on its first control.
    expect(document.activeElement).toBe(within(dialog).getByRole('radio', { name: /The figures/ }));

    fireEvent.click(within(dialog).getByRole('radio', { name: /One column per period/ }));
    fireEvent.change(within(dialog).getByLabelText('From'), { target: { value: 'FY2024-25-Q1' } });
    fireEvent.change(within(dialog).getByLabelText('To'), { target: { value: '2025-12-31' } });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Include breakdowns/ }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Draft' }));
    // On by default (Excel reads accents only with a byte-order mark).
    expect(
      (within(dialog).getByRole('checkbox', { name: /For spreadsheets/ }) as HTMLInputElement)
        .checked,
    ).toBe(true);
    expect(within(dialog).getByText(/^What funders get: approved figures only\./)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Download' }));

    expect(await within(dialog).findByText('Saved as observations.csv.')).toBeTruthy();
    expect(downloads).toHaveLength(1);
    expect(`${downloads[0]?.pathname}${downloads[0]?.search}`).toBe(
      `/api/v1/exports/observations.csv?organizationId=${orgId}&layout=wide&from=FY2024-25-Q1&to=2025-12-31&breakdowns=false&status=submitted%2Capproved%2Creturned&bom=true&crlf=true&lang=en`,
    );
    expect(saved).toEqual([{ name: 'observations.csv', href: 'blob:csv-1' }]);
  });

  it('downloads the scorecard for the period the page shows', async () => {
    renderButton({ organizationId: orgId }, { period: 'FY2025-26-Q2' });
    const { dialog } = await open();
    fireEvent.click(within(dialog).getByRole('radio', { name: /The scorecard/ }));
    expect((within(dialog).getByLabelText('Period') as HTMLInputElement).value).toBe(
      'FY2025-26-Q2',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(`${downloads[0]?.pathname}${downloads[0]?.search}`).toBe(
      `/api/v1/exports/scorecard.csv?organizationId=${orgId}&period=FY2025-26-Q2&bom=true&crlf=true&lang=en`,
    );
  });

  it('closes with Esc and gives the focus back to the button that opened it', async () => {
    renderButton({ organizationId: orgId });
    const { button } = await open();
    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(button);
  });

  it('keeps Tab inside the dialog', async () => {
    renderButton({ organizationId: orgId });
    const { dialog } = await open();
    const first = within(dialog).getByRole('radio', { name: /The figures/ });
    const close = within(dialog).getByRole('button', { name: 'Close' });
    close.focus();
    fireEvent.keyDown(close, { key: 'Tab' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(close);
    fireEvent.click(close);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('offers one measure’s figures only, and shows the server’s refusal', async () => {
    serve(
      editor,
      () =>
        new Response(
          JSON.stringify({ error: { code: 'VALIDATION', message: 'from: bad period' } }),
          {
            status: 400,
            headers: { 'content-type': 'application/json' },
          },
        ),
    );
    renderButton({ measureId });
    const { dialog } = await open();
    expect(await within(dialog).findByText('Measure: # of children and youth served')).toBeTruthy();
    expect(within(dialog).queryByRole('radio', { name: /The scorecard/ })).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Download' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('from: bad period');
    expect(downloads[0]?.search).toBe(
      `?measureId=${measureId}&layout=long&bom=true&crlf=true&lang=en`,
    );
    expect(saved).toEqual([]);
  });

  it('gives funders no status filter, in French too', async () => {
    serve(funder, csv);
    localStorage.setItem('rba.locale', 'fr');
    renderButton({ organizationId: orgId });
    const button = await screen.findByRole('button', { name: 'Exporter en CSV' });
    fireEvent.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Télécharger un fichier CSV' });
    expect(within(dialog).queryByRole('group', { name: 'Statut' })).toBeNull();
    expect(within(dialog).getByText(/^Ce que reçoivent les bailleurs de fonds/)).toBeTruthy();
  });
});

describe('export URLs', () => {
  it('leaves out every default', () => {
    expect(
      observationsExportUrl({
        scope: { tableId: 't-1' },
        layout: 'long',
        from: ' ',
        to: '',
        breakdowns: true,
        statuses: null,
        spreadsheet: false,
      }),
    ).toBe('/api/v1/exports/observations.csv?tableId=t-1&layout=long');
    expect(scorecardExportUrl({ scope: { tableId: 't-1' }, period: '', spreadsheet: true })).toBe(
      '/api/v1/exports/scorecard.csv?tableId=t-1&bom=true&crlf=true',
    );
  });

  it('offers the statuses each role may see', () => {
    expect(visibleStatuses(editor)).toEqual(['draft', 'submitted', 'approved', 'returned']);
    expect(visibleStatuses(funder)).toEqual(['approved']);
    expect(
      visibleStatuses({
        ...editor,
        roles: [{ role: 'table_coordinator', scopeType: 'table', scopeId: 't-1' }],
      }),
    ).toEqual(['submitted', 'approved']);
  });
});
