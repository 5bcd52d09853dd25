import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  Measure,
  MeasureSeries,
  Plan,
  PlanComparison,
  PlanRevision,
} from '../../api/plans-api';
import {
  authRoutes,
  type FakeApi,
  type FakeResponse,
  fakeApi,
  holdRefreshCookie,
  testUser,
} from '../../test/fake-api';
import { renderApp } from '../../test/render-app';

const measureId = '5f0c2a8e-3c1d-4f7a-9b2e-1a2b3c4d5e6f';
const planId = 'c3c3c3c3-0000-4000-8000-000000000003';
const tableId = 'a0a0a0a0-0000-4000-8000-00000000000a';
const clinic = 'a1a1a1a1-0000-4000-8000-000000000001';
const library = 'a2a2a2a2-0000-4000-8000-000000000002';
const someoneElse = 'e0e0e0e0-0000-4000-8000-00000000000e';

const measure: Measure = {
  id: measureId,
  kind: 'indicator',
  code: 'YOUTH-MH',
  name: 'Youth reporting fair or poor mental health',
  nameFr: null,
  tableId,
  resultId: 'b0b0b0b0-0000-4000-8000-00000000000b',
  programId: null,
  organizationId: null,
  category: null,
  unit: 'percent',
  ratePer: null,
  direction: 'down',
  periodType: 'year',
  aggregation: 'mean',
  periodAggregation: 'mean',
  decimals: 1,
  headline: true,
  onDataDevelopmentAgenda: false,
  baselinePeriod: '2019',
  dataSource: null,
  definition: null,
  definitionFr: null,
  sharedMeasureId: null,
  dimensions: [],
  archivedAt: null,
};

const series: MeasureSeries = {
  measureId,
  code: 'YOUTH-MH',
  name: measure.name,
  nameFr: null,
  kind: 'indicator',
  category: null,
  unit: 'percent',
  direction: 'down',
  periodType: 'year',
  headline: true,
  decimals: 1,
  latest: { period: '2022', value: 14.7, numerator: null, denominator: null, suppressed: false },
  target: { value: null, status: 'none', variance: null, percentOfTarget: null },
  trend: { trend: 'up', periods: 2, favorable: false },
  baseline: { period: '2019', value: 6, change: 8.7, changeUnit: 'points', favorable: false },
  points: [
    { period: '2019', value: 6, suppressed: false },
    { period: '2020', value: 8.3, suppressed: false },
    { period: '2022', value: 14.7, suppressed: false },
  ],
  view: 'approved',
  suppressionThreshold: null,
  targets: [],
  forecast: [{ period: '2023', value: 15, low: 13, high: 17 }],
  baselineForecast: [],
  versusBaselineCurve: null,
  breakdowns: [],
  plan: { hasPlan: true, updatedAt: '2025-02-01T10:00:00.000Z', openActions: 1, overdueActions: 1 },
};

const plan: Plan = {
  id: planId,
  measureId,
  revision: 3,
  updatedBy: testUser.id,
  updatedByName: null,
  updatedAt: '2025-02-01T10:00:00.000Z',
  canEdit: true,
  story: {
    forcesUp: [
      { id: 'f1f1f1f1-0000-4000-8000-000000000001', text: 'Pandemic isolation', evidence: null },
    ],
    forcesDown: [],
    narrative: 'The curve rose after 2019.',
  },
  partners: [
    {
      id: 'p1p1p1p1-0000-4000-8000-000000000001',
      organizationId: clinic,
      name: null,
      role: 'Runs the walk-in clinic',
    },
  ],
  whatWorks: [],
  actions: [
    {
      id: 'a1a1a1a1-1111-4000-8000-000000000001',
      title: 'Open on Saturdays',
      ownerOrganizationId: clinic,
      ownerName: 'Priya Patel',
      dueDate: '2024-06-30',
      status: 'in_progress',
      measureId: null,
      overdue: true,
    },
  ],
  dataDevelopmentAgenda: [],
};

const revisions: PlanRevision[] = [
  {
    revision: 3,
    savedBy: testUser.id,
    savedByName: null,
    savedAt: '2025-02-01T10:00:00.000Z',
    restoredFrom: null,
    changedSections: ['actions'],
  },
  {
    revision: 2,
    savedBy: someoneElse,
    savedByName: null,
    savedAt: '2025-01-15T09:00:00.000Z',
    restoredFrom: null,
    changedSections: ['story'],
  },
  {
    revision: 1,
    savedBy: someoneElse,
    savedByName: null,
    savedAt: '2025-01-10T09:00:00.000Z',
    restoredFrom: null,
    changedSections: ['story', 'partners', 'actions'],
  },
];

let api: FakeApi;
let putAnswer: (body: unknown) => FakeResponse;

function serve(overrides: Record<string, (request: { body: unknown }) => FakeResponse> = {}) {
  api = fakeApi({
    ...authRoutes(),
    [`GET /api/v1/measures/${measureId}/curve-plan`]: () => ({ status: 200, body: plan }),
    [`GET /api/v1/measures/${measureId}`]: () => ({ status: 200, body: measure }),
    [`GET /api/v1/measures/${measureId}/series`]: () => ({ status: 200, body: series }),
    [`GET /api/v1/tables/${tableId}/partners`]: () => ({
      status: 200,
      body: {
        items: [
          {
            tableId,
            organization: {
              id: clinic,
              code: 'YWC',
              name: 'Youth Wellness Centre',
              kind: 'agency',
            },
          },
          {
            tableId,
            organization: { id: library, code: 'LIB', name: 'Public Library', kind: 'agency' },
          },
        ],
      },
    }),
    [`GET /api/v1/curve-plans/${planId}/revisions`]: () => ({
      status: 200,
      body: { items: revisions },
    }),
    [`GET /api/v1/curve-plans/${planId}/comments`]: () => ({
      status: 200,
      body: {
        items: [
          {
            id: 'd0d0d0d0-0000-4000-8000-00000000000d',
            authorId: someoneElse,
            authorName: 'Sam Member',
            body: 'Can the library host the Saturday sessions?',
            createdAt: '2025-02-02T10:00:00.000Z',
          },
        ],
      },
    }),
    [`PUT /api/v1/measures/${measureId}/curve-plan`]: ({ body }) => putAnswer(body),
    ...overrides,
  });
  vi.stubGlobal('fetch', api.fetch);
}

/** What the API would answer to a save: the sections sent, on the next revision. */
function savedFrom(body: unknown): Plan {
  const sent = body as Partial<Plan> & { revision: number };
  const actions = (sent.actions ?? plan.actions).map((a, i) => ({
    ...a,
    id: a.id ?? `a9a9a9a9-0000-4000-8000-00000000000${i}`,
    ownerOrganizationId: a.ownerOrganizationId ?? null,
    ownerName: a.ownerName ?? null,
    dueDate: a.dueDate ?? null,
    measureId: a.measureId ?? null,
    overdue: false,
  }));
  return { ...plan, revision: sent.revision + 1, actions };
}

const putCalls = () => api.calls.filter((c) => c.method === 'PUT');

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  holdRefreshCookie();
  document.documentElement.lang = 'en';
  putAnswer = (body) => ({ status: 200, body: savedFrom(body) });
  serve();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const path = `/plans/${measureId}`;

async function openEditor() {
  renderApp(path);
  await screen.findByRole('heading', { level: 1, name: measure.name });
  // The organizations to pick from have arrived.
  await screen.findAllByRole('option', { name: 'Public Library' });
}

async function addAction(title: string) {
  fireEvent.click(screen.getByRole('button', { name: 'Add an action' }));
  const actions = screen.getByRole('region', { name: '5. The action plan' });
  const titles = within(actions).getAllByLabelText('Action');
  const field = titles[titles.length - 1] as HTMLInputElement;
  await waitFor(() => expect(document.activeElement).toBe(field));
  fireEvent.change(field, { target: { value: title } });
  const owners = within(actions).getAllByLabelText('Owner organization');
  fireEvent.change(owners[owners.length - 1] as HTMLSelectElement, { target: { value: library } });
  const dates = within(actions).getAllByLabelText('Due date');
  fireEvent.change(dates[dates.length - 1] as HTMLInputElement, {
    target: { value: '2026-03-31' },
  });
}

describe('the turn-the-curve editor', () => {
  it('adds an action and saves only that section, on the revision it was made on', async () => {
    await openEditor();
    expect(screen.getByText(/Revision 3, saved .* by you/)).toBeTruthy();
    // The API's overdue flag is shown with a word, not colour alone.
    expect(
      within(screen.getByRole('region', { name: '5. The action plan' })).getByText('Overdue'),
    ).toBeTruthy();

    await addAction('Train librarians in peer support');
    expect(screen.getByText('Unsaved changes: Action plan.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save the plan' }));

    expect(await screen.findByText('Saved as revision 4.')).toBeTruthy();
    expect(putCalls()).toHaveLength(1);
    expect(putCalls()[0]?.body).toEqual({
      revision: 3,
      actions: [
        {
          id: 'a1a1a1a1-1111-4000-8000-000000000001',
          title: 'Open on Saturdays',
          ownerOrganizationId: clinic,
          ownerName: 'Priya Patel',
          dueDate: '2024-06-30',
          status: 'in_progress',
          measureId: null,
        },
        {
          title: 'Train librarians in peer support',
          ownerOrganizationId: library,
          ownerName: null,
          dueDate: '2026-03-31',
          status: 'planned',
          measureId: null,
        },
      ],
    });
    expect(
      (screen.getByRole('button', { name: 'Save the plan' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });

  it('says what is missing before sending, next to the field', async () => {
    await openEditor();
    fireEvent.click(screen.getByRole('button', { name: 'Add an action' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save the plan' }));
    const actions = screen.getByRole('region', { name: '5. The action plan' });
    const titles = within(actions).getAllByLabelText('Action');
    const title = titles[titles.length - 1] as HTMLInputElement;
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(title.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Write something here, or remove the item.',
    );
    await waitFor(() => expect(document.activeElement).toBe(title));
    expect(putCalls()).toHaveLength(0);
  });

  it('shows the server’s validation message under the field it names', async () => {
    putAnswer = () => ({
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_ERROR',
          message: 'body.actions.1.ownerName: Too big: expected string to have <=200 characters',
          details: [
            {
              path: 'body.actions.1.ownerName',
              message: 'Too big: expected string to have <=200 characters',
            },
          ],
        },
      },
    });
    await openEditor();
    await addAction('Extend the hours');
    fireEvent.click(screen.getByRole('button', { name: 'Save the plan' }));

    const actions = screen.getByRole('region', { name: '5. The action plan' });
    await waitFor(() => {
      const owners = within(actions).getAllByLabelText('Owner (person)');
      expect(owners[1]?.getAttribute('aria-invalid')).toBe('true');
    });
    expect(
      within(actions).getByText('Too big: expected string to have <=200 characters'),
    ).toBeTruthy();
    expect(screen.getByText(/^body\.actions\.1\.ownerName: Too big/)).toBeTruthy();
  });

  it('on a revision conflict shows the other person’s version and can put my edits on top', async () => {
    const theirs: Plan = {
      ...plan,
      revision: 4,
      updatedBy: someoneElse,
      updatedByName: null,
      updatedAt: '2025-02-03T15:30:00.000Z',
      story: { ...plan.story, narrative: 'Waiting lists doubled in 2023.' },
    };
    putAnswer = (body) =>
      (body as { revision: number }).revision === 3
        ? {
            status: 409,
            body: {
              error: {
                code: 'REVISION_CONFLICT',
                message: 'Someone else saved this plan first; review their revision and edit again',
                details: { current: theirs },
              },
            },
          }
        : { status: 200, body: { ...savedFrom(body), story: theirs.story } };
    await openEditor();
    await addAction('Train librarians in peer support');
    fireEvent.click(screen.getByRole('button', { name: 'Save the plan' }));

    const panel = await screen.findByRole('region', { name: /Someone else saved this plan first/ });
    // The other person is named from the comments they wrote.
    expect(panel.textContent).toContain(
      'While you were editing revision 3, Sam Member saved revision 4',
    );
    expect(panel.textContent).toContain('They changedStory behind the curve');
    expect(panel.textContent).toContain('You changedAction plan');
    expect(within(panel).getByText('Waiting lists doubled in 2023.')).toBeTruthy();
    expect(
      (screen.getByRole('button', { name: 'Save the plan' }) as HTMLButtonElement).disabled,
    ).toBe(true);

    fireEvent.click(within(panel).getByRole('button', { name: 'Put my changes on top of theirs' }));
    expect(screen.queryByRole('region', { name: /Someone else saved this plan first/ })).toBeNull();
    expect(
      screen.getByText('Your changes now sit on top of revision 4. Check them, then save.'),
    ).toBeTruthy();
    // Their narrative is in the editor now; my new action still is.
    expect((screen.getByLabelText('Narrative') as HTMLTextAreaElement).value).toBe(
      'Waiting lists doubled in 2023.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save the plan' }));
    expect(await screen.findByText('Saved as revision 5.')).toBeTruthy();
    const second = putCalls()[1]?.body as Record<string, unknown>;
    expect(second.revision).toBe(4);
    expect(Object.keys(second).sort()).toEqual(['actions', 'revision']);
    expect((second.actions as { title: string }[]).map((a) => a.title)).toEqual([
      'Open on Saturdays',
      'Train librarians in peer support',
    ]);
  });

  it('can instead discard my edits and load theirs', async () => {
    const theirs: Plan = { ...plan, revision: 4, updatedBy: someoneElse, actions: [] };
    putAnswer = () => ({
      status: 409,
      body: {
        error: { code: 'REVISION_CONFLICT', message: 'Conflict', details: { current: theirs } },
      },
    });
    await openEditor();
    await addAction('Something new');
    fireEvent.click(screen.getByRole('button', { name: 'Save the plan' }));
    fireEvent.click(
      await screen.findByRole('button', { name: 'Discard my changes and load theirs' }),
    );
    expect(screen.getByText('Showing revision 4; your changes were discarded.')).toBeTruthy();
    const actions = screen.getByRole('region', { name: '5. The action plan' });
    expect(within(actions).queryAllByLabelText('Action')).toHaveLength(0);
  });

  it('compares two revisions and writes out what changed', async () => {
    const comparison: PlanComparison = {
      from: 2,
      to: 3,
      sections: [
        {
          section: 'actions',
          reordered: false,
          added: [
            {
              id: 'a2a2a2a2-1111-4000-8000-000000000002',
              title: 'Train librarians',
              ownerOrganizationId: library,
              ownerName: null,
              dueDate: '2026-01-15',
              status: 'planned',
              measureId: null,
            },
          ],
          removed: [],
          changed: [
            {
              before: { ...plan.actions[0], overdue: undefined, status: 'planned' },
              after: { ...plan.actions[0], overdue: undefined },
            },
          ],
        },
        {
          section: 'story.narrative',
          reordered: false,
          added: [],
          removed: [],
          changed: [{ before: 'It rose.', after: 'The curve rose after 2019.' }],
        },
      ],
    };
    serve({
      [`GET /api/v1/curve-plans/${planId}/compare`]: () => ({ status: 200, body: comparison }),
    });
    await openEditor();
    const history = await screen.findByRole('region', { name: 'Revision history' });
    const rows = within(history)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('th, td')].slice(0, 4).map((c) => c.textContent));
    expect(rows.map((r) => [r[0], r[2], r[3]])).toEqual([
      ['3 (current)', 'you', 'Action plan'],
      ['2', 'Sam Member', 'Story behind the curve'],
      ['1', 'Sam Member', 'Story behind the curve, Partners, Action plan'],
    ]);

    expect((within(history).getByLabelText('Compare revision') as HTMLSelectElement).value).toBe(
      '2',
    );
    expect((within(history).getByLabelText('with revision') as HTMLSelectElement).value).toBe('3');
    fireEvent.click(within(history).getByRole('button', { name: 'Compare' }));

    const diff = await within(history).findByRole('region', {
      name: 'From revision 2 to revision 3',
    });
    const compareCall = api.calls.find((c) => c.path.endsWith('/compare'));
    expect(compareCall).toBeTruthy();
    expect(within(diff).getByText('Action plan')).toBeTruthy();
    const items = within(diff)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toContain('+ Added: Train librarians (Public Library, Jan 15, 2026, Planned)');
    expect(items).toContain('Status: Planned → In progress');
    expect(diff.textContent).toContain('BeforeIt rose.');
    expect(diff.textContent).toContain('AfterThe curve rose after 2019.');
  });

  it('restores an old revision with the current revision as the base', async () => {
    serve({
      [`POST /api/v1/curve-plans/${planId}/revisions/2/restore`]: () => ({
        status: 200,
        body: { ...plan, revision: 4 },
      }),
    });
    await openEditor();
    const history = await screen.findByRole('region', { name: 'Revision history' });
    fireEvent.click(await within(history).findByRole('button', { name: 'Restore revision 2' }));
    const confirm = within(history).getByRole('group', {
      name: 'Restore revision 2 as a new revision?',
    });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Restore' }));
    expect(await screen.findByText('Revision 3 restored as revision 4.')).toBeTruthy();
    const restore = api.calls.find((c) => c.path.endsWith('/restore'));
    expect(restore?.body).toEqual({ revision: 3 });
  });

  it('is read-only when the plan is not the person’s to edit, but open to comments', async () => {
    serve({
      [`GET /api/v1/measures/${measureId}/curve-plan`]: () => ({
        status: 200,
        body: { ...plan, canEdit: false },
      }),
    });
    renderApp(path);
    await screen.findByRole('heading', { level: 1, name: measure.name });
    expect(screen.getByText('Read only.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save the plan' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add an action' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Restore/ })).toBeNull();
    const actions = screen.getByRole('region', { name: '5. The action plan' });
    expect(within(actions).getByRole('table').textContent).toContain('Open on Saturdays');
    expect(await screen.findByLabelText('Add a comment')).toBeTruthy();
  });

  it('lets a funder read the comments but offers no way to write one', async () => {
    serve({
      [`GET /api/v1/measures/${measureId}/curve-plan`]: () => ({
        status: 200,
        body: { ...plan, canEdit: false },
      }),
      [`GET /api/v1/measures/${measureId}/series`]: () => ({
        status: 200,
        body: { ...series, view: 'restricted', suppressionThreshold: 5 },
      }),
    });
    renderApp(path);
    await screen.findByRole('heading', { level: 1, name: measure.name });
    await screen.findByRole('heading', { name: 'Comments' });
    await waitFor(() => expect(api.calls.some((c) => c.path.endsWith('/series'))).toBe(true));
    expect(screen.queryByLabelText('Add a comment')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Post the comment' })).toBeNull();
  });

  it('speaks French', async () => {
    localStorage.setItem('rba.locale', 'fr');
    renderApp(path);
    await screen.findByRole('heading', { level: 1, name: measure.name });
    expect(screen.getByRole('region', { name: '5. Le plan d’action' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Enregistrer le plan' })).toBeTruthy();
    expect(screen.getByText(/Révision 3, enregistrée le .* par vous/)).toBeTruthy();
  });
});
