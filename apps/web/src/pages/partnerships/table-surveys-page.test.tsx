import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PartnershipSurvey } from '../../api/partnerships-api';
import type { FakeRoute } from '../../test/fake-api';
import {
  admin,
  coordinator,
  earlier,
  later,
  member,
  renderPartnerships,
  servePartnerships,
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

const path = `/partnerships/tables/${tableId}`;

/** A server that keeps the table's surveys: POST adds one, close closes one. */
function surveyServer(): Record<string, FakeRoute> {
  let surveys: PartnershipSurvey[] = [earlier, later];
  return {
    [`GET /api/v1/tables/${tableId}/partnership-surveys`]: () => ({
      status: 200,
      body: { items: surveys, nextOffset: null },
    }),
    [`POST /api/v1/tables/${tableId}/partnership-surveys`]: ({ body }) => {
      const created: PartnershipSurvey = {
        ...later,
        ...(body as Partial<PartnershipSurvey>),
        id: 'b3b3b3b3-0000-4000-8000-000000000003',
        state: 'scheduled',
        responses: 0,
      };
      surveys = [...surveys, created];
      return { status: 201, body: created };
    },
    [`POST /api/v1/partnership-surveys/${later.id}/close`]: () => {
      surveys = surveys.map((s) =>
        s.id === later.id ? { ...s, state: 'closed', closedAt: '2026-04-01T12:00:00.000Z' } : s,
      );
      return { status: 200, body: surveys.find((s) => s.id === later.id) };
    },
  };
}

const rowOf = (title: string) =>
  screen.getByRole('rowheader', { name: title }).closest('tr') as HTMLElement;

describe('the surveys of a table', () => {
  it('lists each survey with its state and responses, the latest first', async () => {
    servePartnerships(coordinator, surveyServer());
    renderPartnerships(path);

    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Northshire Youth Table: partnership surveys',
      }),
    ).toBeTruthy();
    await screen.findByRole('rowheader', { name: 'Partnerships 2026' });
    expect(screen.getAllByRole('rowheader').map((c) => c.textContent)).toEqual([
      'Partnerships 2026',
      'Partnerships 2025',
    ]);
    const open = rowOf('Partnerships 2026');
    expect(within(open).getByText('Open')).toBeTruthy();
    expect(within(open).getByText('3 of 4 agencies')).toBeTruthy();
    expect(within(open).getByText('Mar 1, 2026 to Mar 31, 2026')).toBeTruthy();
    expect(within(rowOf('Partnerships 2025')).getByText('Closed')).toBeTruthy();
    expect(within(rowOf('Partnerships 2025')).queryByRole('button', { name: /^Close/ })).toBeNull();
    expect(
      within(open).getByRole('link', { name: 'Network of Partnerships 2026' }).getAttribute('href'),
    ).toBe(`/partnerships/tables/${tableId}/network?survey=${later.id}`);
    // Raw responses are for administrators only.
    expect(screen.queryByRole('heading', { name: 'Raw responses (administrators)' })).toBeNull();
  });

  it('opens a new survey, after checking the form in words', async () => {
    const api = servePartnerships(coordinator, surveyServer());
    renderPartnerships(path);
    const title = await screen.findByRole('textbox', { name: 'Title' });
    // Its heading and its title field do not share an id (the label would name the heading).
    const form = screen.getByRole('region', { name: 'Open a new survey' });
    const ids = [...form.querySelectorAll('[id]')].map((element) => element.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(within(form).getByLabelText('Title')).toBe(title);

    fireEvent.change(screen.getByRole('textbox', { name: 'Period' }), {
      target: { value: 'next year' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Open the survey' }));
    expect(await screen.findByText('Give the survey a title.')).toBeTruthy();
    expect(document.activeElement).toBe(title);

    fireEvent.change(title, { target: { value: 'Partnerships 2027' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open the survey' }));
    expect(
      await screen.findByText('Write the period as a year (2026) or a fiscal year (FY2026-27).'),
    ).toBeTruthy();
    const period = screen.getByRole('textbox', { name: 'Period' });
    expect(period.getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(period, { target: { value: 'FY2027-28' } });
    fireEvent.change(screen.getByLabelText('Opens'), { target: { value: '2027-04-01' } });
    fireEvent.change(screen.getByLabelText('Closes'), { target: { value: '2027-03-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open the survey' }));
    expect(await screen.findByText('Give a closing date after the opening date.')).toBeTruthy();
    const creates = () =>
      api.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/partnership-surveys'));
    expect(creates()).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Closes'), { target: { value: '2027-04-30' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Minimum respondents' }), {
      target: { value: '4' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Open the survey' }));

    expect(
      await screen.findByText(
        'Partnerships 2027 is open: the table’s partner agencies can answer it.',
      ),
    ).toBeTruthy();
    expect(creates()[0]?.body).toEqual({
      title: 'Partnerships 2027',
      period: 'FY2027-28',
      opens: '2027-04-01',
      closes: '2027-04-30',
      minRespondents: 4,
    });
    const row = await screen.findByRole('rowheader', { name: 'Partnerships 2027' });
    expect(within(row.closest('tr') as HTMLElement).getByText('Scheduled')).toBeTruthy();
    expect(within(row.closest('tr') as HTMLElement).getByText('FY2027-28')).toBeTruthy();
  });

  it('closes a survey after a confirmation', async () => {
    const api = servePartnerships(coordinator, surveyServer());
    renderPartnerships(path);
    const close = await screen.findByRole('button', { name: 'Close Partnerships 2026' });

    // Cancelled: nothing sent.
    fireEvent.click(close);
    let dialog = screen.getByRole('dialog', { name: 'Close Partnerships 2026?' });
    expect(within(dialog).getByText(/3 of 4 have answered/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.calls.some((c) => c.path.endsWith('/close'))).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Close Partnerships 2026' }));
    dialog = screen.getByRole('dialog', { name: 'Close Partnerships 2026?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close the survey' }));

    expect(
      await screen.findByText('Partnerships 2026 is closed; its figures are on the scorecard.'),
    ).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() =>
      expect(within(rowOf('Partnerships 2026')).getByText('Closed')).toBeTruthy(),
    );
    expect(screen.queryByRole('button', { name: 'Close Partnerships 2026' })).toBeNull();
    expect(api.calls.filter((c) => c.path.endsWith('/close'))).toHaveLength(1);
  });

  it('still closes a survey past its closing date, whose figures are not recorded yet', async () => {
    const lapsed: PartnershipSurvey = { ...later, state: 'closed', closedAt: null };
    const server = surveyServer();
    servePartnerships(coordinator, {
      ...server,
      [`GET /api/v1/tables/${tableId}/partnership-surveys`]: () => ({
        status: 200,
        body: { items: [earlier, lapsed], nextOffset: null },
      }),
    });
    renderPartnerships(path);
    await screen.findByRole('rowheader', { name: 'Partnerships 2026' });
    const row = rowOf('Partnerships 2026');
    expect(within(row).getByText('Closed')).toBeTruthy();
    expect(
      within(row).getByText('Past its closing date: close it to record its figures'),
    ).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Close Partnerships 2026' }));
    expect(screen.getByRole('dialog', { name: 'Close Partnerships 2026?' })).toBeTruthy();
    // A survey closed by its coordinator offers no second close.
    expect(within(rowOf('Partnerships 2025')).queryByRole('button', { name: /^Close/ })).toBeNull();
  });

  it('lets administrators download the raw responses, warned of what the file holds', async () => {
    servePartnerships(admin, surveyServer());
    renderPartnerships(path);
    const download = await screen.findByRole('button', {
      name: 'Download the raw responses of Partnerships 2026 (CSV)',
    });
    const warning = document.getElementById(download.getAttribute('aria-describedby') ?? '');
    expect(warning?.textContent).toMatch(/individual agencies’ ratings of each other/);
    expect(screen.getByRole('heading', { name: 'Raw responses (administrators)' })).toBeTruthy();
  });

  it('shows the table’s members the surveys, without opening or closing them', async () => {
    servePartnerships(member, surveyServer());
    renderPartnerships(path);
    await screen.findByRole('rowheader', { name: 'Partnerships 2026' });
    expect(screen.queryByRole('button', { name: /^Close/ })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Open a new survey' })).toBeNull();
  });

  it('reads in French', async () => {
    localStorage.setItem('rba.locale', 'fr');
    servePartnerships(coordinator, surveyServer());
    renderPartnerships(path, { locale: 'fr' });
    await screen.findByRole('rowheader', { name: 'Partnerships 2026' });
    const open = rowOf('Partnerships 2026');
    expect(within(open).getByText('Ouvert')).toBeTruthy();
    expect(within(open).getByText('3 organismes sur 4')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Ouvrir un nouveau sondage' })).toBeTruthy();
  });
});
