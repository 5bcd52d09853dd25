// A funder (a reader of approved figures) keeps seeing the last approved figure of a period being
// corrected, marked "†" with the words for screen readers, and the legend once when one is shown.

import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../../api/auth-api';
import type { OrganizationScorecard, TableScorecard } from '../../api/scorecards-api';
import { testUser } from '../../test/fake-api';
import { renderApp, scorecardDrawn } from '../../test/render-app';
import { serveScorecards } from './test-api';
import {
  agencyA,
  revised,
  series,
  tableId,
  tableScorecard,
  tableScorecardRevising,
} from './test-fixtures';

const funder: User = {
  ...testUser,
  name: 'Frances Funder',
  roles: [
    { role: 'funder_viewer', scopeType: 'table', scopeId: tableId },
    { role: 'funder_viewer', scopeType: 'organization', scopeId: agencyA.id },
  ],
};

const legend = {
  en: '† under revision: the last approved figure, being corrected',
  fr: '† en révision : le dernier chiffre approuvé, en cours de correction',
} as const;

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function serveTable(body: TableScorecard, user: User = funder) {
  return serveScorecards(
    { [`GET /api/v1/tables/${tableId}/scorecard`]: () => ({ status: 200, body }) },
    { user },
  );
}

function rowOf(name: string): HTMLElement {
  const row = screen.getByRole('rowheader', { name: new RegExp(name) }).closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

async function openTable() {
  renderApp(`/scorecards/tables/${tableId}`);
  await screen.findByRole('heading', { level: 1, name: 'Northshire Planning Table' });
  await scorecardDrawn();
}

describe('a figure under revision on a funder’s scorecard', () => {
  it('keeps the figure, marks it "†" and says so, with the legend once', async () => {
    serveTable(tableScorecardRevising(['# of children served']));
    await openTable();

    const row = rowOf('# of children served');
    const mark = row.querySelector('.figure-revision-mark');
    // The figure itself stays shown; the eye sees "†", a screen reader hears the words.
    expect(within(row).getByText('120')).toBeTruthy();
    expect(mark?.querySelector('[aria-hidden="true"]')?.textContent).toBe('†');
    expect(within(row).getByText('(under revision)').className).toBe('visually-hidden');
    expect(mark?.getAttribute('title')).toBe(
      'Under revision: the last approved figure, being corrected',
    );
    expect(row.textContent).toContain('120† (under revision)');
    // Only that figure is marked, and the legend is said once for the page.
    expect(document.querySelectorAll('.figure-revision-mark')).toHaveLength(1);
    expect(rowOf('% seen within 30 days').textContent).not.toContain('†');
    expect(screen.getAllByText(legend.en)).toHaveLength(1);
    // The small-count legend is untouched.
    expect(screen.getByText('x: hidden to protect small counts')).toBeTruthy();
  });

  it('says it in French', async () => {
    // A signed-in reader's own language wins over the browser's.
    serveTable(tableScorecardRevising(['# of children served']), { ...funder, locale: 'fr' });
    renderApp(`/scorecards/tables/${tableId}`, { locale: 'fr' });
    await screen.findByRole('heading', { level: 1, name: 'Northshire Planning Table' });
    await scorecardDrawn();

    const row = rowOf('# of children served');
    expect(within(row).getByText('(en révision)')).toBeTruthy();
    expect(row.querySelector('.figure-revision-mark')?.getAttribute('title')).toBe(
      'En révision : le dernier chiffre approuvé, en cours de correction',
    );
    expect(screen.getAllByText(legend.fr)).toHaveLength(1);
  });

  it('shows neither mark nor legend when no figure is under revision', async () => {
    serveTable(tableScorecard());
    await openTable();
    expect(within(rowOf('# of children served')).getByText('120')).toBeTruthy();
    expect(document.body.textContent).not.toContain('†');
    expect(screen.queryByText(/under revision/)).toBeNull();
    expect(document.querySelector('.figure-revision-legend')).toBeNull();
  });

  it('marks a suppressed figure under revision as "x" followed by "†"', async () => {
    serveTable(tableScorecardRevising(['# of families taking part']));
    await openTable();
    const row = rowOf('# of families taking part');
    expect(row.textContent).toContain('xHidden to protect small counts† (under revision)');
    expect(screen.getByText(legend.en)).toBeTruthy();
  });

  it('marks a collective figure and the contribution under revision', async () => {
    const card = tableScorecard();
    const [shared] = card.sharedMeasures;
    if (!shared) throw new Error('no shared measure');
    const [first, second] = shared.contributions;
    if (!first || !second) throw new Error('no contributions');
    serveTable({
      ...card,
      sharedMeasures: [
        {
          ...shared,
          ...revised(shared),
          contributions: [first, { ...second, ...revised(second) }],
        },
      ],
    });
    await openTable();

    const region = screen.getByRole('region', { name: 'Shared measures' });
    const rows = within(region)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.querySelector('.figure-revision-mark') !== null);
    // The collective figure, then the first partner's (not marked) and the second's (marked).
    expect(rows).toEqual([true, false, true]);
    expect(screen.getAllByText(legend.en)).toHaveLength(1);
  });

  it('drops the legend when the filters hide every marked figure', async () => {
    serveTable(tableScorecardRevising(['# of children served']));
    await openTable();
    expect(screen.getByText(legend.en)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Category'), { target: { value: 'how_well' } });
    expect(screen.queryByText(legend.en)).toBeNull();
  });

  it('marks it on an agency’s scorecard', async () => {
    const body: OrganizationScorecard = {
      organization: agencyA,
      period: null,
      view: 'restricted',
      periods: [],
      suppressionThreshold: 5,
      programs: [
        {
          id: agencyA.id,
          name: 'Counselling',
          nameFr: null,
          measures: [revised(series({ name: '# of children served' }))],
        },
      ],
    };
    serveScorecards(
      { [`GET /api/v1/organizations/${agencyA.id}/scorecard`]: () => ({ status: 200, body }) },
      { user: funder },
    );
    renderApp(`/scorecards/organizations/${agencyA.id}`);
    await screen.findByRole('heading', { level: 1, name: agencyA.name });
    await scorecardDrawn();
    expect(within(rowOf('# of children served')).getByText('(under revision)')).toBeTruthy();
    expect(screen.getByText(legend.en)).toBeTruthy();
  });
});
