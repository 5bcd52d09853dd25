import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../test/render-app';
import { currentFiscalQuarter } from './period-choices';
import {
  bay,
  centre,
  clinic,
  coordinator,
  hub,
  member,
  Q,
  serveStatus,
  tableId,
} from './test-fixtures';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const agencies = () => screen.getAllByRole('rowheader').map((cell) => cell.textContent);
const rowOf = (name: string) =>
  screen.getByRole('rowheader', { name }).closest('tr') as HTMLElement;

describe('the status board', () => {
  it('lists the overdue first, marked in words, with the summary and the due date', async () => {
    serveStatus();
    renderApp(`/status?period=${Q}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Status board' })).toBeTruthy();
    expect(await screen.findByText('2 of 4 agencies have submitted; 2 overdue')).toBeTruthy();
    expect(screen.getByText('Due January 31, 2027')).toBeTruthy();
    expect(
      screen.getByRole('heading', { level: 2, name: 'Northshire Youth Table: FY2026-27 Q3' }),
    ).toBeTruthy();
    // Overdue first (the furthest from done first), then submitted, then approved.
    expect(agencies()).toEqual([
      'Community Centre',
      'Alpha Clinic',
      'Bay Services',
      'Youth Wellness Hub',
    ]);
    const late = rowOf('Community Centre');
    expect(within(late).getByText('Overdue')).toBeTruthy();
    expect(within(late).getByText('3 days late')).toBeTruthy();
    expect(within(late).getByText('Not started')).toBeTruthy();
    expect(within(late).getByText('0 of 5')).toBeTruthy();
    expect(within(late).getByText('33% (1 of 3)')).toBeTruthy();
    expect(within(rowOf('Bay Services')).queryByText('Overdue')).toBeNull();
    expect(within(rowOf('Youth Wellness Hub')).getByText('2 days')).toBeTruthy();
    expect(
      screen.getByRole('region', { name: /Partner agencies of Northshire Youth Table/ }),
    ).toBeTruthy();
  });

  it('links each agency to its quarter in the review pages', async () => {
    serveStatus();
    renderApp(`/status?period=${Q}`);
    await screen.findByRole('rowheader', { name: 'Community Centre' });
    for (const [name, id] of [
      ['Community Centre', centre],
      ['Alpha Clinic', clinic],
      ['Bay Services', bay],
      ['Youth Wellness Hub', hub],
    ] as const) {
      expect(screen.getByRole('link', { name }).getAttribute('href')).toBe(`/review/${id}/${Q}`);
    }
  });

  it('asks for the current fiscal quarter when no period is chosen', async () => {
    const api = serveStatus();
    renderApp('/status');
    await screen.findByRole('rowheader', { name: 'Community Centre' });
    const current = currentFiscalQuarter(new Date(), 4);
    expect(api.calls.map((c) => c.url)).toContain(
      `/api/v1/tables/${tableId}/reporting-status?period=${current}&lang=en`,
    );
    const picker = screen.getByRole('combobox', { name: 'Period' }) as HTMLSelectElement;
    expect(picker.value).toBe(current);
  });

  it('sorts by a column on request, and back to the overdue first', async () => {
    serveStatus();
    renderApp(`/status?period=${Q}`);
    await screen.findByRole('rowheader', { name: 'Community Centre' });

    fireEvent.click(screen.getByRole('button', { name: 'Agency' }));
    expect(agencies()).toEqual([
      'Alpha Clinic',
      'Bay Services',
      'Community Centre',
      'Youth Wellness Hub',
    ]);
    expect(screen.getByRole('columnheader', { name: 'Agency' }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
    expect(screen.getByText('Sorted by Agency, ascending.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Agency' }));
    expect(agencies()[0]).toBe('Youth Wellness Hub');
    expect(screen.getByRole('columnheader', { name: 'Agency' }).getAttribute('aria-sort')).toBe(
      'descending',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Overdue first' }));
    expect(agencies()[0]).toBe('Community Centre');
  });

  it('filters by status', async () => {
    serveStatus();
    renderApp(`/status?period=${Q}`);
    await screen.findByRole('rowheader', { name: 'Community Centre' });

    fireEvent.change(screen.getByRole('combobox', { name: 'Show' }), {
      target: { value: 'overdue' },
    });
    expect(agencies()).toEqual(['Community Centre', 'Alpha Clinic']);

    fireEvent.change(screen.getByRole('combobox', { name: 'Show' }), {
      target: { value: 'approved' },
    });
    expect(agencies()).toEqual(['Youth Wellness Hub']);
  });

  it('reads in French', async () => {
    localStorage.setItem('rba.locale', 'fr');
    serveStatus();
    renderApp(`/status?period=${Q}`, { locale: 'fr' });
    expect(
      await screen.findByText('2 organismes sur 4 ont soumis leurs données ; 2 en retard'),
    ).toBeTruthy();
    expect(screen.getByText('Échéance : 31 janvier 2027')).toBeTruthy();
    expect(within(rowOf('Community Centre')).getByText('En retard')).toBeTruthy();
    expect(within(rowOf('Community Centre')).getByText('3 jours de retard')).toBeTruthy();
  });

  it('is in the navigation of the table’s members, who do not set its reminders', async () => {
    const api = serveStatus(member);
    renderApp('/scorecards');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    fireEvent.click(within(nav).getByRole('link', { name: 'Status board' }));

    expect(await screen.findByRole('rowheader', { name: 'Community Centre' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Reminders' })).toBeNull();
    expect(api.calls.some((c) => c.path.endsWith('/reminder-settings'))).toBe(false);
  });
});

describe('the reminders of a table', () => {
  it('shows the coordinator the reminder days in words, and saves new ones', async () => {
    const api = serveStatus(coordinator);
    renderApp(`/status?period=${Q}`);

    expect(await screen.findByRole('heading', { level: 2, name: 'Reminders' })).toBeTruthy();
    expect(
      await screen.findByText(/^Now: 7 days before, 1 day before,? and 3 days after\.$/),
    ).toBeTruthy();
    const days = screen.getByRole('textbox', { name: 'Days from the due date' });
    expect((days as HTMLInputElement).value).toBe('-7, -1, 3');

    fireEvent.change(days, { target: { value: '3, -14, -1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the reminders' }));

    expect(await screen.findByText('The reminders are saved.')).toBeTruthy();
    const put = api.calls.find((c) => c.method === 'PUT');
    expect(put?.body).toEqual({ enabled: true, offsets: [-14, -1, 3] });
  });

  it('says what is wrong with the days, in words, and sends nothing', async () => {
    const api = serveStatus(coordinator);
    renderApp(`/status?period=${Q}`);
    const days = await screen.findByRole('textbox', { name: 'Days from the due date' });

    fireEvent.change(days, { target: { value: '-7, soon' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the reminders' }));
    expect(await screen.findByText('“soon” is not a whole number of days.')).toBeTruthy();
    expect(days.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(days);

    fireEvent.change(days, { target: { value: '-7, 90' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the reminders' }));
    expect(await screen.findByText('90 is more than 60 days from the due date.')).toBeTruthy();

    fireEvent.change(days, { target: { value: '-1, -1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the reminders' }));
    expect(await screen.findByText('-1 is listed twice.')).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'PUT')).toBe(false);
  });

  it('turns the reminders off', async () => {
    const api = serveStatus(coordinator);
    renderApp(`/status?period=${Q}`);
    fireEvent.click(
      await screen.findByRole('checkbox', { name: 'Send reminders to the agencies of this table' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save the reminders' }));
    await screen.findByText('The reminders are saved.');
    await waitFor(() =>
      expect(api.calls.find((c) => c.method === 'PUT')?.body).toEqual({
        enabled: false,
        offsets: [-7, -1, 3],
      }),
    );
  });
});
