import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EntryMeasure, EntrySheet } from '../../api/entry-api';
import type { MySurvey } from '../../api/partnerships-api';
import { authRoutes } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';
import { editor, entrySheet, orgId, Q, serveEntry } from '../data-entry/test-fixtures';
import { utcDay } from './due-days';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The day `days` from today (UTC), as the reporting calendar writes it. */
function dayFromToday(days: number): string {
  return utcDay(new Date(Date.now() + days * 86_400_000));
}

/** Three measures, the totals of two of them entered this quarter (a breakdown does not count). */
function sheetOfThree(overrides: Partial<EntrySheet> = {}): EntrySheet {
  const base = entrySheet();
  const first = base.programs[0]?.measures[0] as EntryMeasure;
  const measure = (n: number, cells: EntryMeasure['cells']): EntryMeasure => ({
    ...first,
    id: `b1b1b1b1-0000-4000-8000-00000000000${n}`,
    code: `M${n}`,
    cells,
  });
  const [total, part] = first.cells.filter((c) => c.period === Q);
  return entrySheet({
    programs: [
      {
        id: 'c1c1c1c1-0000-4000-8000-000000000001',
        name: 'Counselling',
        nameFr: null,
        measures: [
          measure(1, first.cells),
          measure(2, total ? [total] : []),
          measure(3, part ? [{ ...part }] : []),
        ],
      },
    ],
    ...overrides,
  });
}

function serveHome(sheet: EntrySheet, due: string, surveys: MySurvey[] = []) {
  return serveEntry(sheet, {
    'GET /api/v1/me/partnership-surveys': () => ({ status: 200, body: { items: surveys } }),
    'GET /api/v1/reporting-periods': () => ({
      status: 200,
      body: {
        items: [
          {
            id: 'd1d1d1d1-0000-4000-8000-000000000001',
            period: Q,
            periodStart: '2025-10-01',
            periodEnd: '2025-12-31',
            opens: '2025-12-15',
            due,
            closes: '2027-03-31',
          },
        ],
        total: 1,
      },
    }),
  });
}

const longDate = (day: string, tag: string) =>
  new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

describe('the partner home', () => {
  it('is where an agency’s staff land: this quarter, due in days, the figures entered', async () => {
    const due = dayFromToday(12);
    serveHome(sheetOfThree(), due);
    renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Home' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link')[0]?.textContent).toBe('Home');

    const panel = await screen.findByRole('region', {
      name: 'Northshire Youth Services: FY2025-26 Q3',
    });
    expect(within(panel).getByText('Due in 12 days')).toBeTruthy();
    expect(within(panel).getByText(`(${longDate(due, 'en-CA')})`)).toBeTruthy();
    expect(within(panel).getByText('2 of 3 figures entered')).toBeTruthy();
    expect(within(panel).getByText('Not submitted')).toBeTruthy();
    const enter = within(panel).getByRole('link', { name: 'Enter figures for FY2025-26 Q3' });
    expect(enter.getAttribute('href')).toBe(`/data-entry?organization=${orgId}`);

    fireEvent.click(enter);
    expect(await screen.findByRole('heading', { level: 1, name: 'This quarter' })).toBeTruthy();
  });

  it('reads in French', async () => {
    localStorage.setItem('rba.locale', 'fr');
    const due = dayFromToday(12);
    serveHome(sheetOfThree(), due);
    renderApp('/');

    expect(await screen.findByText('Échéance dans 12 jours')).toBeTruthy();
    expect(screen.getByText(`(${longDate(due, 'fr-CA')})`)).toBeTruthy();
    expect(screen.getByText('2 données saisies sur 3')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Saisir les données de T3 2025-2026' })).toBeTruthy();
  });

  it('says today, and how many days overdue', async () => {
    serveHome(sheetOfThree(), dayFromToday(0));
    renderApp('/home');
    expect(await screen.findByText('Due today')).toBeTruthy();
    cleanup();
    vi.unstubAllGlobals();

    serveHome(sheetOfThree(), dayFromToday(-3));
    renderApp('/home');
    expect(await screen.findByText('3 days overdue')).toBeTruthy();
  });

  it('shows the coordinator’s note of a returned quarter, and the way back to correct it', async () => {
    serveHome(
      sheetOfThree({
        submission: {
          id: 'e1e1e1e1-0000-4000-8000-000000000001',
          status: 'returned',
          submittedBy: { id: 'u-2', name: 'Priya Patel' },
          submittedAt: '2026-01-20T10:00:00.000Z',
          reviewedBy: { id: 'u-3', name: 'Chantal Coordinator' },
          reviewedAt: '2026-01-22T10:00:00.000Z',
          reviewNote: 'Check the waits',
        },
      }),
      dayFromToday(-3),
    );
    renderApp('/home');

    expect(await screen.findByText('Returned for changes')).toBeTruthy();
    expect(screen.getByText('The coordinator’s note:')).toBeTruthy();
    expect(screen.getByText('Check the waits')).toBeTruthy();
    // Submitted once: no countdown, the due date only.
    expect(screen.queryByText(/overdue/)).toBeNull();
    expect(screen.getByRole('link', { name: 'Correct figures for FY2025-26 Q3' })).toBeTruthy();
  });

  it('offers to view a submitted quarter rather than to enter it', async () => {
    serveHome(
      sheetOfThree({
        lock: 'submitted',
        submission: {
          id: 'e1e1e1e1-0000-4000-8000-000000000001',
          status: 'submitted',
          submittedBy: { id: 'u-2', name: 'Priya Patel' },
          submittedAt: '2026-01-20T10:00:00.000Z',
          reviewedBy: null,
          reviewedAt: null,
          reviewNote: null,
        },
      }),
      dayFromToday(5),
    );
    renderApp('/home');
    expect(await screen.findByRole('link', { name: 'View figures for FY2025-26 Q3' })).toBeTruthy();
    expect(screen.queryByText('Due in 5 days')).toBeNull();
  });
});

const agency = { id: orgId, code: 'NYS', name: 'Northshire Youth Services', nameFr: null };

function mySurvey(overrides: Partial<MySurvey> = {}): MySurvey {
  return {
    id: 'f2f2f2f2-0000-4000-8000-000000000001',
    tableId: 'f1f1f1f1-0000-4000-8000-000000000001',
    title: 'How we work together 2026',
    period: '2026',
    opens: '2026-11-01',
    closes: '2026-12-20',
    minRespondents: 3,
    resultId: null,
    state: 'open',
    closedAt: null,
    partners: 8,
    responses: 2,
    organization: agency,
    answered: false,
    ...overrides,
  };
}

describe('the partnership survey on the partner home', () => {
  it('shows a card for an open survey not yet answered: its closing date and the way to the form', async () => {
    const waiting = mySurvey();
    const api = serveHome(sheetOfThree(), dayFromToday(12), [
      waiting,
      mySurvey({
        id: 'f2f2f2f2-0000-4000-8000-000000000002',
        title: 'Answered already',
        answered: true,
      }),
    ]);
    renderApp('/home');

    const card = await screen.findByRole('region', { name: 'Partnership survey to answer' });
    expect(
      within(card).getByText('How we work together 2026 (2026), for Northshire Youth Services'),
    ).toBeTruthy();
    expect(within(card).getByText(`Open until ${longDate('2026-12-20', 'en-CA')}`)).toBeTruthy();
    const answer = within(card).getByRole('link', { name: 'Answer the survey' });
    expect(answer.getAttribute('href')).toBe(
      `/partnerships/surveys/${waiting.id}/response?organization=${orgId}`,
    );
    // One card: the answered survey waits for no one.
    expect(screen.getAllByRole('region', { name: 'Partnership survey to answer' })).toHaveLength(1);
    expect(screen.queryByText(/Answered already/)).toBeNull();
    expect(api.urls).toContain('/api/v1/me/partnership-surveys');
    // The quarter is still there beside it.
    expect(
      await screen.findByRole('region', { name: 'Northshire Youth Services: FY2025-26 Q3' }),
    ).toBeTruthy();
  });

  it('reads in French', async () => {
    localStorage.setItem('rba.locale', 'fr');
    serveHome(sheetOfThree(), dayFromToday(12), [mySurvey()]);
    renderApp('/home');

    const card = await screen.findByRole('region', { name: 'Sondage de partenariat à remplir' });
    const item = within(card).getByText(
      (_, element) =>
        element?.tagName === 'P' &&
        element.textContent === 'How we work together 2026 (2026), pour Northshire Youth Services',
    );
    // The agency has no French name: its English one is marked as English.
    expect(within(item).getByText('Northshire Youth Services').getAttribute('lang')).toBe('en');
    expect(
      within(card).getByText(`Ouvert jusqu’au ${longDate('2026-12-20', 'fr-CA')}`),
    ).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'Répondre au sondage' })).toBeTruthy();
  });

  it('shows no card when every survey is answered, or the list cannot be had', async () => {
    serveHome(sheetOfThree(), dayFromToday(12), [mySurvey({ answered: true })]);
    renderApp('/home');
    await screen.findByRole('region', { name: 'Northshire Youth Services: FY2025-26 Q3' });
    await screen.findByText('2 of 3 figures entered');
    expect(screen.queryByRole('region', { name: 'Partnership survey to answer' })).toBeNull();
    cleanup();
    vi.unstubAllGlobals();

    serveEntry(sheetOfThree(), {
      'GET /api/v1/me/partnership-surveys': () => ({
        status: 500,
        body: { error: { code: 'INTERNAL', message: 'down' } },
      }),
    });
    renderApp('/home');
    await screen.findByText('2 of 3 figures entered');
    expect(screen.queryByText('Partnership survey to answer')).toBeNull();
  });

  it('does not ask for the surveys of an agency’s viewer, who cannot answer them', async () => {
    const api = serveEntry(sheetOfThree(), {
      ...authRoutes({
        ...editor,
        roles: [{ role: 'partner_viewer', scopeType: 'organization', scopeId: orgId }],
      }),
    });
    renderApp('/home');
    await screen.findByText('2 of 3 figures entered');
    expect(api.urls).not.toContain('/api/v1/me/partnership-surveys');
  });

  it('opens the form from the card', async () => {
    const waiting = mySurvey();
    const { organization: _agency, answered: _answered, ...survey } = waiting;
    serveEntry(sheetOfThree(), {
      'GET /api/v1/me/partnership-surveys': () => ({ status: 200, body: { items: [waiting] } }),
      [`GET /api/v1/partnership-surveys/${waiting.id}`]: () => ({ status: 200, body: survey }),
      [`GET /api/v1/partnership-surveys/${waiting.id}/my-response`]: () => ({
        status: 200,
        body: {
          organization: agency,
          submittedAt: null,
          partners: [
            {
              organization: {
                id: 'a9a9a9a9-0000-4000-8000-000000000009',
                code: 'BAY',
                name: 'Bay Services',
              },
              answer: null,
            },
          ],
        },
      }),
    });
    renderApp('/home');
    const card = await screen.findByRole('region', { name: 'Partnership survey to answer' });
    fireEvent.click(within(card).getByRole('link', { name: 'Answer the survey' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'How we work together 2026 (2026)' }),
    ).toBeTruthy();
    expect(await screen.findByRole('group', { name: 'Bay Services' })).toBeTruthy();
  });
});
