import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FigureHistoryItem } from '../../api/history-api';
import { renderApp } from '../../test/render-app';
import { editor, entrySheet, Q, served, serveEntry } from './test-fixtures';

const chantal = { id: 'c3c3c3c3-0000-4000-8000-000000000003', name: 'Chantal Coordinator' };
const priya = { id: editor.id, name: editor.name };

function item(
  at: string,
  action: FigureHistoryItem['action'],
  fields: Partial<FigureHistoryItem> = {},
): FigureHistoryItem {
  return {
    at,
    actor: action === 'saved' || action === 'submitted' ? priya : chantal,
    action,
    value: null,
    numerator: null,
    denominator: null,
    status: action === 'saved' ? 'draft' : null,
    note: null,
    reason: null,
    ...fields,
  };
}

const history: FigureHistoryItem[] = [
  item('2025-10-02T10:00:00.000Z', 'saved', { value: 10 }),
  item('2025-10-03T10:00:00.000Z', 'saved', { value: 12, note: 'Two late intakes' }),
  item('2025-10-20T10:00:00.000Z', 'submitted'),
  item('2025-10-22T10:00:00.000Z', 'approved'),
  item('2025-11-04T10:00:00.000Z', 'reopened', { reason: 'The October count was wrong' }),
  item('2025-11-05T10:00:00.000Z', 'saved', { value: 15, note: 'Two late intakes' }),
];

const historyRoute = `GET /api/v1/measures/${served}/observations/${Q}/history`;

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  document.documentElement.lang = 'en';
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const bodyRows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent?.replace(/\s+/g, ' ').trim()),
    );

async function openHistory(buttonName: string, historyName: string) {
  fireEvent.click(await screen.findByRole('button', { name: buttonName }));
  const dialog = screen.getByRole('dialog', { name: 'Children served' });
  const toggle = within(dialog).getByRole('button', { name: historyName });
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  fireEvent.click(toggle);
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  return dialog;
}

describe('the history of a figure in data entry', () => {
  it('lists every change in order, old → new, with who, the note and the reason', async () => {
    const api = serveEntry(entrySheet(), {
      [historyRoute]: () => ({ status: 200, body: { items: history } }),
    });
    renderApp('/data-entry');
    const dialog = await openHistory(
      'Breakdowns and note: Children served',
      'History of the figures',
    );
    const table = await within(dialog).findByRole('table', {
      name: 'History of Children served, FY2025-26 Q3',
    });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['When', 'Who', 'What happened', 'Figure', 'Note or reason']);
    const rows = bodyRows(table);
    expect(rows.map((r) => r.slice(1))).toEqual([
      ['Priya Patel', 'Saved', 'from —No figure → to 10', ''],
      ['Priya Patel', 'Saved', 'from 10 → to 12', 'Note: Two late intakes'],
      ['Priya Patel', 'Submitted', '', ''],
      ['Chantal Coordinator', 'Approved', '', ''],
      ['Chantal Coordinator', 'Reopened', '', 'Reason: The October count was wrong'],
      ['Priya Patel', 'Saved', 'from 12 → to 15', ''],
    ]);
    expect(rows[0]?.[0]).toMatch(/^Oct 2, 2025/);
    expect(api.urls).toContain(`/api/v1/measures/${served}/observations/${Q}/history`);

    // A breakdown cell's own history.
    fireEvent.change(within(dialog).getByLabelText('Figure'), {
      target: { value: 'gender=girls' },
    });
    await within(dialog).findByRole('table', {
      name: 'History of Children served (Girls), FY2025-26 Q3',
    });
    expect(api.urls).toContain(
      `/api/v1/measures/${served}/observations/${Q}/history?breakdown=gender%3Agirls`,
    );
  });

  it('speaks French', async () => {
    localStorage.setItem('rba.locale', 'fr');
    serveEntry(entrySheet(), { [historyRoute]: () => ({ status: 200, body: { items: history } }) });
    renderApp('/data-entry', { locale: 'fr' });
    const dialog = await openHistory(
      'Ventilations et note : Children served',
      'Historique des données',
    );
    const table = await within(dialog).findByRole('table', {
      name: 'Historique de Children served, T3 2025-2026',
    });
    expect(within(table).getAllByRole('columnheader')[0]?.textContent).toBe('Quand');
    const rows = bodyRows(table);
    expect(rows.map((r) => r[2])).toEqual([
      'Enregistré',
      'Enregistré',
      'Soumis',
      'Approuvé',
      'Rouvert',
      'Enregistré',
    ]);
    expect(rows[1]?.[3]).toBe('de 10 → à 12');
    expect(rows[4]?.[4]).toBe('Motif : The October count was wrong');
  });

  it('says when nothing is recorded yet, and when the history is refused', async () => {
    let refused = false;
    serveEntry(entrySheet(), {
      [historyRoute]: () =>
        refused
          ? { status: 403, body: { error: { code: 'FORBIDDEN', message: 'Not for you' } } }
          : { status: 200, body: { items: [] } },
    });
    renderApp('/data-entry');
    const dialog = await openHistory(
      'Breakdowns and note: Children served',
      'History of the figures',
    );
    expect(
      await within(dialog).findByText('Nothing has been recorded for this figure yet.'),
    ).toBeTruthy();
    refused = true;
    fireEvent.change(within(dialog).getByLabelText('Figure'), { target: { value: 'gender=boys' } });
    expect(
      await within(dialog).findByText('You cannot see the history of this figure.'),
    ).toBeTruthy();
  });
});

describe('a quarter reopened for correction', () => {
  it('shows the reason at the top, and the agency edits and submits again', async () => {
    serveEntry(
      entrySheet({
        submission: {
          id: 'e1e1e1e1-0000-4000-8000-000000000001',
          status: 'reopened',
          submittedBy: priya,
          submittedAt: '2025-10-20T10:00:00.000Z',
          reviewedBy: chantal,
          reviewedAt: '2025-11-04T10:00:00.000Z',
          reviewNote: 'The October count was wrong',
        },
      }),
    );
    renderApp('/data-entry');
    const banner = await screen.findByRole('region', {
      name: 'FY2025-26 Q3 was reopened for correction',
    });
    expect(within(banner).getByText('The October count was wrong')).toBeTruthy();
    expect(
      within(banner).getByText('Chantal Coordinator reopened it on Nov 4, 2025 for this reason:'),
    ).toBeTruthy();
    expect(screen.getByText('Reopened for correction')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Children served, FY2025-26 Q3' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Submit FY2025-26 Q3 again' })).toBeTruthy();
  });
});
