import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../../api/auth-api';
import type { EntryCell, EntryMeasure, EntrySheet } from '../../api/entry-api';
import {
  authRoutes,
  type FakeApi,
  type FakeRoute,
  fakeApi,
  holdRefreshCookie,
} from '../../test/fake-api';
import { renderApp } from '../../test/render-app';

const orgId = 'a1a1a1a1-0000-4000-8000-000000000001';
const served = 'b1b1b1b1-0000-4000-8000-000000000001';
const families = 'b2b2b2b2-0000-4000-8000-000000000002';
const improved = 'b3b3b3b3-0000-4000-8000-000000000003';
const Q = 'FY2025-26-Q3';
const labels = ['FY2024-25-Q4', 'FY2025-26-Q1', 'FY2025-26-Q2', Q];

const editor: User = {
  id: 'u-2',
  email: 'priya@example.org',
  name: 'Priya Patel',
  locale: 'en',
  roles: [{ role: 'partner_editor', scopeType: 'organization', scopeId: orgId }],
};

function cell(period: string, figure: Partial<EntryCell>, version = 1): EntryCell {
  return {
    period,
    breakdown: {},
    value: null,
    numerator: null,
    denominator: null,
    note: null,
    status: 'draft',
    version,
    updatedAt: '2025-10-02T10:00:00.000Z',
    ...figure,
  };
}

function measure(fields: Partial<EntryMeasure> & Pick<EntryMeasure, 'id' | 'name'>): EntryMeasure {
  return {
    code: fields.name.toUpperCase(),
    category: 'how_much',
    unit: 'count',
    ratePer: null,
    aggregation: 'sum',
    direction: 'up',
    decimals: 0,
    headline: false,
    entry: 'value',
    dimensions: [],
    cells: [],
    change: null,
    ...fields,
  };
}

function makeSheet(overrides: Partial<EntrySheet> = {}): EntrySheet {
  return {
    organization: { id: orgId, code: 'NYS', name: 'Northshire Youth Services' },
    period: { label: Q, type: 'fiscal_quarter', start: '2025-10-01', end: '2025-12-31' },
    periods: labels.map((label, i) => ({
      label,
      type: 'fiscal_quarter' as const,
      start: `2025-0${i + 1}-01`,
      end: `2025-0${i + 1}-28`,
    })),
    view: 'all',
    submission: null,
    lock: null,
    canEdit: true,
    canReview: false,
    programs: [
      {
        id: 'c1c1c1c1-0000-4000-8000-000000000001',
        name: 'Counselling',
        measures: [
          measure({
            id: improved,
            name: 'Youth whose functioning improved',
            category: 'better_off',
            unit: 'percent',
            aggregation: 'ratio',
            entry: 'ratio',
            cells: [cell(Q, { value: 60, numerator: 6, denominator: 10 })],
          }),
          measure({
            id: served,
            name: 'Children served',
            dimensions: [
              {
                code: 'gender',
                name: 'Gender',
                values: [
                  { code: 'girls', label: 'Girls' },
                  { code: 'boys', label: 'Boys' },
                ],
              },
            ],
            cells: [
              cell('FY2025-26-Q2', { value: 11 }),
              cell(Q, { value: 12 }, 2),
              cell(Q, { value: 5, breakdown: { gender: 'girls' } }),
            ],
          }),
          measure({ id: families, name: 'Families served' }),
        ],
      },
    ],
    ...overrides,
  };
}

let api: FakeApi;
let saves: FakeRoute[];

function serve(sheet: EntrySheet, extra: Record<string, FakeRoute> = {}) {
  const save: FakeRoute = (request) => {
    const next = saves.shift();
    if (next) return next(request);
    const body = request.body as Record<string, unknown>;
    return {
      status: 200,
      body: {
        id: 'd1d1d1d1-0000-4000-8000-000000000001',
        measureId: served,
        period: Q,
        periodStart: '2025-10-01',
        periodEnd: '2025-12-31',
        breakdown: body.breakdown ?? {},
        value: body.value ?? null,
        numerator: body.numerator ?? null,
        denominator: body.denominator ?? null,
        note: null,
        status: 'draft',
        version: ((body.version as number) ?? 0) + 1,
        enteredBy: editor.id,
        updatedAt: '2025-11-01T10:00:00.000Z',
        warnings: [],
      },
    };
  };
  api = fakeApi({
    ...authRoutes(editor),
    'GET /api/v1/organizations': () => ({
      status: 200,
      body: {
        items: [
          {
            id: orgId,
            code: 'NYS',
            name: 'Northshire Youth Services',
            kind: 'agency',
            archivedAt: null,
            createdAt: '2025-01-01T00:00:00.000Z',
            updatedAt: '2025-01-01T00:00:00.000Z',
          },
        ],
        total: 1,
      },
    }),
    [`GET /api/v1/organizations/${orgId}/entry-sheet`]: () => ({ status: 200, body: sheet }),
    [`PUT /api/v1/measures/${served}/observations/${Q}`]: save,
    [`PUT /api/v1/measures/${families}/observations/${Q}`]: save,
    [`PUT /api/v1/measures/${improved}/observations/${Q}`]: save,
    ...extra,
  });
  vi.stubGlobal('fetch', api.fetch);
}

const puts = () => api.calls.filter((c) => c.method === 'PUT');

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  holdRefreshCookie();
  document.documentElement.lang = 'en';
  saves = [];
  serve(makeSheet());
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const input = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;
const servedInput = () => input('Children served, FY2025-26 Q3');
const familiesInput = () => input('Families served, FY2025-26 Q3');
const numerator = () => input('Numerator: Youth whose functioning improved, FY2025-26 Q3');
const denominator = () => input('Denominator: Youth whose functioning improved, FY2025-26 Q3');

async function openPage() {
  renderApp('/data-entry');
  await screen.findByRole('heading', { level: 1, name: 'This quarter' });
  await screen.findByRole('textbox', { name: 'Children served, FY2025-26 Q3' });
}

function focus(element: HTMLElement) {
  act(() => element.focus());
}

describe('the data-entry grid', () => {
  it('groups measures by program and category, the current quarter beside the three before', async () => {
    await openPage();
    expect(screen.getByRole('heading', { level: 2, name: 'Counselling' })).toBeTruthy();
    const categories = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(categories).toEqual(['#How much did we do?', '♥Is anyone better off?']);
    const grid = screen.getAllByRole('grid')[0] as HTMLElement;
    const headers = within(grid)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers.slice(0, 5)).toEqual([
      'Measure',
      'FY2024-25 Q4',
      'FY2025-26 Q1',
      'FY2025-26 Q2',
      'FY2025-26 Q3 (this quarter)',
    ]);
    expect(servedInput().value).toBe('12');
    expect(numerator().value).toBe('6');
    expect(denominator().value).toBe('10');
    expect(screen.getByText('= 60%')).toBeTruthy();
  });

  it('moves with the arrows and Tab, and only one cell is in the page’s tab order', async () => {
    await openPage();
    const tabbable = document.querySelectorAll('.entry-grid [tabindex="0"]');
    expect(tabbable).toHaveLength(1);
    focus(servedInput());
    fireEvent.keyDown(servedInput(), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(familiesInput());
    fireEvent.keyDown(familiesInput(), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(numerator());
    fireEvent.keyDown(numerator(), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(denominator());
    fireEvent.keyDown(denominator(), { key: 'Tab' });
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Note: Youth whose functioning improved' }),
    );
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(denominator());
    fireEvent.keyDown(denominator(), { key: 'ArrowUp' });
    // Families served has no denominator: up lands on its figure, the nearest column.
    expect(document.activeElement).toBe(familiesInput());
    fireEvent.keyDown(familiesInput(), { key: 'ArrowUp' });
    fireEvent.keyDown(servedInput(), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Breakdowns and note: Children served' }),
    );
    expect(servedInput().tabIndex).toBe(-1);
    expect((document.activeElement as HTMLElement).tabIndex).toBe(0);
    expect(puts()).toHaveLength(0);
  });

  it('replaces the content when typing over a cell, and saves and moves down on Enter', async () => {
    await openPage();
    focus(servedInput());
    fireEvent.keyDown(servedInput(), { key: '1' });
    expect(servedInput().value).toBe('1');
    fireEvent.change(servedInput(), { target: { value: '15' } });
    fireEvent.keyDown(servedInput(), { key: 'Enter' });
    expect(document.activeElement).toBe(familiesInput());
    await waitFor(() => expect(puts()).toHaveLength(1));
    expect(puts()[0]).toMatchObject({
      path: `/api/v1/measures/${served}/observations/${Q}`,
      body: { value: 15, version: 2 },
    });
    expect(await screen.findByText('Saved')).toBeTruthy();
    expect(servedInput().value).toBe('15');
  });

  it('reverts the cell on Esc without saving', async () => {
    await openPage();
    focus(servedInput());
    fireEvent.keyDown(servedInput(), { key: '9' });
    fireEvent.change(servedInput(), { target: { value: '99' } });
    fireEvent.keyDown(servedInput(), { key: 'Escape' });
    expect(servedInput().value).toBe('12');
    fireEvent.keyDown(servedInput(), { key: 'ArrowDown' });
    expect(puts()).toHaveLength(0);
  });

  it('shows the percentage as the numerator and denominator are typed, and saves them together', async () => {
    await openPage();
    focus(numerator());
    fireEvent.keyDown(numerator(), { key: '9' });
    fireEvent.keyDown(numerator(), { key: 'Tab' });
    // Half a percentage is not sent: the denominator comes next.
    expect(puts()).toHaveLength(0);
    expect(document.activeElement).toBe(denominator());
    fireEvent.keyDown(denominator(), { key: '2' });
    fireEvent.change(denominator(), { target: { value: '20' } });
    expect(screen.getByText('= 45%')).toBeTruthy();
    fireEvent.keyDown(denominator(), { key: 'Enter' });
    await waitFor(() => expect(puts()).toHaveLength(1));
    expect(puts()[0]?.body).toEqual({ numerator: 9, denominator: 20, version: 1 });
  });

  it('shows the server’s message inline for a refused figure, tied to the input', async () => {
    saves.push(() => ({
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_ERROR',
          message: 'value: a count must be a whole number of at least 0',
        },
      },
    }));
    await openPage();
    focus(familiesInput());
    fireEvent.keyDown(familiesInput(), { key: '-' });
    fireEvent.change(familiesInput(), { target: { value: '-2' } });
    fireEvent.keyDown(familiesInput(), { key: 'Enter' });
    const message = await screen.findByText('value: a count must be a whole number of at least 0');
    expect(familiesInput().getAttribute('aria-invalid')).toBe('true');
    const describedBy = familiesInput().getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.contains(message)).toBe(true);
    expect(familiesInput().value).toBe('-2');
  });

  it('refuses text that is not a number without asking the server', async () => {
    await openPage();
    focus(familiesInput());
    fireEvent.keyDown(familiesInput(), { key: 'x' });
    fireEvent.keyDown(familiesInput(), { key: 'Enter' });
    expect(await screen.findByText('Enter a number, such as 42 or 12.5.')).toBeTruthy();
    expect(puts()).toHaveLength(0);
  });
});

describe('a version conflict', () => {
  function conflictOnce() {
    saves.push(() => ({
      status: 409,
      body: {
        error: {
          code: 'VERSION_CONFLICT',
          message: 'Someone else saved this figure first; review their value and save again',
          details: {
            current: {
              id: 'd1d1d1d1-0000-4000-8000-000000000001',
              measureId: served,
              period: Q,
              periodStart: '2025-10-01',
              periodEnd: '2025-12-31',
              breakdown: {},
              value: 20,
              numerator: null,
              denominator: null,
              note: null,
              status: 'draft',
              version: 3,
              enteredBy: 'u-9',
              updatedAt: '2025-11-01T09:00:00.000Z',
            },
          },
        },
      },
    }));
  }

  async function typeFifteen() {
    await openPage();
    focus(servedInput());
    fireEvent.keyDown(servedInput(), { key: '1' });
    fireEvent.change(servedInput(), { target: { value: '15' } });
    fireEvent.keyDown(servedInput(), { key: 'Enter' });
    return screen.findByRole('alert');
  }

  it('shows their figure beside mine; keep mine saves again at their version', async () => {
    conflictOnce();
    const alert = await typeFifteen();
    expect(alert.textContent).toContain(
      'Someone else saved Children served while you were editing it.',
    );
    expect(within(alert).getByText('Their figure').nextSibling?.textContent).toBe('20');
    expect(within(alert).getByText('Yours').nextSibling?.textContent).toBe('15');
    fireEvent.click(within(alert).getByRole('button', { name: 'Keep mine' }));
    await waitFor(() => expect(puts()).toHaveLength(2));
    expect(puts()[1]?.body).toEqual({ value: 15, version: 3 });
    expect(await screen.findByText('Saved')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(servedInput().value).toBe('15');
  });

  it('take theirs puts their figure in the cell and saves nothing', async () => {
    conflictOnce();
    const alert = await typeFifteen();
    fireEvent.click(within(alert).getByRole('button', { name: 'Take theirs' }));
    expect(screen.queryByRole('alert')).toBeNull();
    await waitFor(() => expect(servedInput().value).toBe('20'));
    expect(puts()).toHaveLength(1);
    // The next save goes at their version.
    focus(servedInput());
    fireEvent.keyDown(servedInput(), { key: '2' });
    fireEvent.change(servedInput(), { target: { value: '21' } });
    fireEvent.keyDown(servedInput(), { key: 'Enter' });
    await waitFor(() => expect(puts()).toHaveLength(2));
    expect(puts()[1]?.body).toEqual({ value: 21, version: 3 });
  });

  it('lets the choice be reached from the keyboard, below the figure', async () => {
    conflictOnce();
    await typeFifteen();
    focus(servedInput());
    fireEvent.keyDown(servedInput(), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Keep mine' }));
  });
});

describe('the quarter', () => {
  it('shows a returned quarter’s note at the top', async () => {
    serve(
      makeSheet({
        submission: {
          id: 'e1e1e1e1-0000-4000-8000-000000000001',
          status: 'returned',
          submittedBy: { id: editor.id, name: 'Priya Patel' },
          submittedAt: '2025-10-20T10:00:00.000Z',
          reviewedBy: { id: 'u-3', name: 'Chantal Coordinator' },
          reviewedAt: '2025-10-22T10:00:00.000Z',
          reviewNote: 'The average wait went from 58 to 71 days. Please check.',
        },
      }),
    );
    await openPage();
    const banner = screen.getByRole('region', {
      name: 'FY2025-26 Q3 was returned for changes',
    });
    expect(
      within(banner).getByText('The average wait went from 58 to 71 days. Please check.'),
    ).toBeTruthy();
    expect(within(banner).getByText(/Chantal Coordinator returned it on/)).toBeTruthy();
    // It comes before the grid.
    const grid = screen.getAllByRole('grid')[0] as HTMLElement;
    expect(banner.compareDocumentPosition(grid) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Submit FY2025-26 Q3 again' })).toBeTruthy();
  });

  it('shows a locked quarter read-only with the reason', async () => {
    serve(
      makeSheet({
        lock: 'approved',
        submission: {
          id: 'e1e1e1e1-0000-4000-8000-000000000001',
          status: 'approved',
          submittedBy: null,
          submittedAt: '2025-10-20T10:00:00.000Z',
          reviewedBy: null,
          reviewedAt: '2025-10-22T10:00:00.000Z',
          reviewNote: null,
        },
      }),
    );
    renderApp('/data-entry');
    expect(await screen.findByText(/This quarter was approved on/)).toBeTruthy();
    expect(screen.queryAllByRole('textbox')).toHaveLength(0);
    expect(screen.queryByRole('grid')).toBeNull();
    expect(screen.getByText('60% (6/10)')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Submit/ })).toBeNull();
  });

  it('submits the quarter after a confirmation', async () => {
    let submitted = 0;
    serve(makeSheet(), {
      [`POST /api/v1/organizations/${orgId}/periods/${Q}/submit`]: () => {
        submitted++;
        return {
          status: 200,
          body: {
            id: 'e1e1e1e1-0000-4000-8000-000000000001',
            organizationId: orgId,
            period: Q,
            periodStart: '2025-10-01',
            periodEnd: '2025-12-31',
            status: 'submitted',
            submittedBy: editor.id,
            submittedAt: '2025-11-01T10:00:00.000Z',
            reviewedBy: null,
            reviewedAt: null,
            reviewNote: null,
            lockedObservations: 3,
          },
        };
      },
    });
    await openPage();
    fireEvent.click(screen.getByRole('button', { name: 'Submit FY2025-26 Q3 for review' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Submit FY2025-26 Q3 for review?' });
    expect(submitted).toBe(0);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(submitted).toBe(1));
  });
});

describe('the checks before submitting', () => {
  const submitRoute =
    (count: { submitted: number }): FakeRoute =>
    () => {
      count.submitted++;
      return {
        status: 200,
        body: {
          id: 'e1e1e1e1-0000-4000-8000-000000000001',
          organizationId: orgId,
          period: Q,
          periodStart: '2025-10-01',
          periodEnd: '2025-12-31',
          status: 'submitted',
          submittedBy: editor.id,
          submittedAt: '2025-11-01T10:00:00.000Z',
          reviewedBy: null,
          reviewedAt: null,
          reviewNote: null,
          lockedObservations: 3,
          missingCount: 2,
          flaggedCount: 2,
        },
      };
    };
  const checksPath = `GET /api/v1/organizations/${orgId}/periods/${Q}/checks`;
  const findings: FakeRoute = () => ({
    status: 200,
    body: {
      period: Q,
      missing: [
        { measureId: families, code: 'FAMILIES' },
        // A measure the sheet does not show: its code stands in for its name.
        { measureId: 'b9b9b9b9-0000-4000-8000-000000000009', code: 'WAITLIST' },
      ],
      flagged: [
        { measureId: served, code: 'SERVED', breakdown: {}, value: 99999999, score: 41.2 },
        {
          measureId: served,
          code: 'SERVED',
          breakdown: { gender: 'girls' },
          value: 5000,
          score: null,
        },
      ],
    },
  });
  const items = (list: HTMLElement) =>
    within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent?.replace(/\s/g, ' '));

  it('lists the figures still empty and those that look wrong, and still submits', async () => {
    const count = { submitted: 0 };
    serve(makeSheet(), {
      [checksPath]: findings,
      [`POST /api/v1/organizations/${orgId}/periods/${Q}/submit`]: submitRoute(count),
    });
    await openPage();
    const open = () => screen.getByRole('button', { name: 'Submit FY2025-26 Q3 for review' });
    fireEvent.click(open());
    const confirm = screen.getByRole('alertdialog', { name: 'Submit FY2025-26 Q3 for review?' });
    expect(within(confirm).getByRole('status').textContent).toBe('Checking the quarter’s figures…');
    // Submitting is not held up while the checks load.
    expect(within(confirm).getByRole('button', { name: 'Submit' })).toBeTruthy();
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Submit' }));

    const checks = within(confirm).getByRole('region', { name: 'Checks of the figures' });
    const empty = await within(checks).findByRole('list', { name: '2 figures are still empty' });
    expect(items(empty)).toEqual(['Families served', 'WAITLIST']);
    const wrong = within(checks).getByRole('list', { name: '2 figures look wrong' });
    expect(items(wrong)).toEqual([
      'Children served: 99,999,999 looks far from this figure’s earlier quarters',
      'Children served (Girls): 5,000 looks far from this figure’s earlier quarters',
    ]);
    expect(within(checks).getByRole('heading', { name: '2 figures look wrong' })).toBeTruthy();
    expect(within(confirm).getByRole('status').textContent).toBe(
      'Have a look before you submit: 2 figures are still empty; 2 figures look wrong.',
    );
    // The summary describes the confirmation.
    const describedBy = confirm.getAttribute('aria-describedby')?.split(' ') ?? [];
    expect(describedBy).toContain(within(confirm).getByRole('status').id);

    // Going back keeps the grid open to fix a figure; the focus returns to where it was.
    fireEvent.click(within(confirm).getByRole('button', { name: 'Go back to the figures' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(open()));

    fireEvent.click(open());
    const again = screen.getByRole('alertdialog', { name: 'Submit FY2025-26 Q3 for review?' });
    const anyway = await within(again).findByRole('button', { name: 'Submit anyway' });
    // Opened again, the checks are asked again: the figures may have changed meanwhile.
    expect(api.calls.filter((c) => c.path.endsWith('/checks'))).toHaveLength(2);
    fireEvent.click(anyway);
    await waitFor(() => expect(count.submitted).toBe(1));
  });

  it('says when there is nothing to look at', async () => {
    serve(makeSheet(), {
      [checksPath]: () => ({ status: 200, body: { period: Q, missing: [], flagged: [] } }),
    });
    await openPage();
    fireEvent.click(screen.getByRole('button', { name: 'Submit FY2025-26 Q3 for review' }));
    const confirm = screen.getByRole('alertdialog');
    expect(
      await within(confirm).findByText(
        'Every measure has a figure, and none looks far from its earlier quarters.',
      ),
    ).toBeTruthy();
    expect(within(confirm).getByRole('button', { name: 'Submit' })).toBeTruthy();
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toBeTruthy();
    expect(within(confirm).queryByRole('list')).toBeNull();
  });

  it('says when the checks fail, and still submits', async () => {
    const count = { submitted: 0 };
    let failing = true;
    serve(makeSheet(), {
      [checksPath]: (request) =>
        failing
          ? { status: 500, body: { error: { code: 'INTERNAL', message: 'Something went wrong' } } }
          : (findings(request) as ReturnType<FakeRoute>),
      [`POST /api/v1/organizations/${orgId}/periods/${Q}/submit`]: submitRoute(count),
    });
    await openPage();
    fireEvent.click(screen.getByRole('button', { name: 'Submit FY2025-26 Q3 for review' }));
    const confirm = screen.getByRole('alertdialog');
    await within(confirm).findByText(
      'The figures could not be checked just now. You can still submit, or check again.',
    );
    // Checking again brings the lists, and the focus back to the confirm button.
    failing = false;
    fireEvent.click(within(confirm).getByRole('button', { name: 'Check again' }));
    await within(confirm).findByRole('list', { name: '2 figures look wrong' });
    const submit = within(confirm).getByRole('button', { name: 'Submit anyway' });
    await waitFor(() => expect(document.activeElement).toBe(submit));
    failing = true;
    fireEvent.click(submit);
    await waitFor(() => expect(count.submitted).toBe(1));
  });

  it('submits when the checks could not be loaded', async () => {
    const count = { submitted: 0 };
    serve(makeSheet(), {
      [checksPath]: () => ({
        status: 500,
        body: { error: { code: 'INTERNAL', message: 'Something went wrong' } },
      }),
      [`POST /api/v1/organizations/${orgId}/periods/${Q}/submit`]: submitRoute(count),
    });
    await openPage();
    fireEvent.click(screen.getByRole('button', { name: 'Submit FY2025-26 Q3 for review' }));
    const confirm = screen.getByRole('alertdialog');
    await within(confirm).findByRole('button', { name: 'Check again' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(count.submitted).toBe(1));
  });

  it('speaks French', async () => {
    serve(makeSheet(), { [checksPath]: findings });
    localStorage.setItem('rba.locale', 'fr');
    renderApp('/data-entry', { locale: 'fr' });
    fireEvent.click(
      await screen.findByRole('button', { name: 'Soumettre FY2025-26 Q3 pour révision' }),
    );
    const confirm = screen.getByRole('alertdialog', {
      name: 'Soumettre FY2025-26 Q3 pour révision ?',
    });
    const checks = within(confirm).getByRole('region', { name: 'Vérification des données' });
    const empty = await within(checks).findByRole('list', {
      name: '2 données sont encore vides',
    });
    expect(items(empty)).toEqual(['Families served', 'WAITLIST']);
    const wrong = within(checks).getByRole('list', { name: '2 données semblent erronées' });
    expect(items(wrong)).toEqual([
      'Children served : 99 999 999 s’écarte nettement des trimestres précédents de cette donnée',
      'Children served (Girls) : 5 000 s’écarte nettement des trimestres précédents de cette donnée',
    ]);
    expect(within(confirm).getByRole('status').textContent?.replace(/\s/g, ' ')).toBe(
      'À examiner avant de soumettre : 2 données sont encore vides ; 2 données semblent erronées.',
    );
    expect(within(confirm).getByRole('button', { name: 'Soumettre quand même' })).toBeTruthy();
    expect(within(confirm).getByRole('button', { name: 'Revenir aux données' })).toBeTruthy();
  });
});

describe('the breakdown panel', () => {
  it('opens beside the grid with the breakdown cells, saves one, and closes on Esc', async () => {
    await openPage();
    const open = screen.getByRole('button', { name: 'Breakdowns and note: Children served' });
    fireEvent.click(open);
    const dialog = screen.getByRole('dialog', { name: 'Children served' });
    const girls = within(dialog).getByRole('textbox', {
      name: 'Children served (Girls), FY2025-26 Q3',
    }) as HTMLInputElement;
    expect(girls.value).toBe('5');
    expect(document.activeElement).toBe(girls);
    fireEvent.keyDown(girls, { key: '6' });
    fireEvent.keyDown(girls, { key: 'Enter' });
    await waitFor(() => expect(puts()).toHaveLength(1));
    expect(puts()[0]?.body).toEqual({ value: 6, version: 1, breakdown: { gender: 'girls' } });
    const boys = within(dialog).getByRole('textbox', {
      name: 'Children served (Boys), FY2025-26 Q3',
    });
    expect(document.activeElement).toBe(boys);
    fireEvent.keyDown(boys, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(open);
  });

  it('is modal: the page behind is inert while it is open, and comes back when it closes', async () => {
    await openPage();
    const open = screen.getByRole('button', { name: 'Breakdowns and note: Children served' });
    fireEvent.click(open);
    const dialog = screen.getByRole('dialog', { name: 'Children served' });
    // The panel hangs off the body; everything else there is inert.
    const backdrop = dialog.parentElement as HTMLElement;
    expect(backdrop.parentElement).toBe(document.body);
    const behind = [...document.body.children].filter((el) => el !== backdrop);
    expect(behind.length).toBeGreaterThan(0);
    for (const el of behind) expect(el.hasAttribute('inert')).toBe(true);
    expect(open.closest('[inert]')).not.toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.body.querySelector('[inert]')).toBeNull();
    expect(document.activeElement).toBe(open);
  });
});
