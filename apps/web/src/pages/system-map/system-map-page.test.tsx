import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../test/render-app';
import {
  centreEditor,
  counselling,
  dropIn,
  funder,
  serveSystemMap,
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

const mapPath = `/system-map/${tableId}`;

async function cellButton(name: RegExp): Promise<HTMLElement> {
  return screen.findByRole('button', { name });
}

describe('the system map', () => {
  it('opens the only table straight away', async () => {
    serveSystemMap({});
    renderApp('/system-map');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Northshire Planning Table' }),
    ).toBeTruthy();
  });

  it('marks gaps and possible duplication with an icon and a word', async () => {
    serveSystemMap({});
    renderApp(mapPath);

    const duplication = await cellButton(/^Counselling and therapy, Central Northshire:/);
    expect(within(duplication).getByText('Possible duplication')).toBeTruthy();
    expect(within(duplication).getByText('◎').getAttribute('aria-hidden')).toBe('true');
    expect(within(duplication).getByText('2 programs')).toBeTruthy();
    expect(within(duplication).getByText('3,170 a year')).toBeTruthy();

    const gap = await cellButton(/^Intensive treatment services, South Lakes:/);
    expect(within(gap).getByText('Gap')).toBeTruthy();
    expect(within(gap).getByText('✕').getAttribute('aria-hidden')).toBe('true');
    expect(within(gap).getByText('No program')).toBeTruthy();

    // A covered cell carries no mark, only its status for screen readers.
    const covered = await cellButton(/^Counselling and therapy, South Lakes:/);
    expect(covered.textContent).toContain('Covered');
    expect(within(covered).queryByText('Gap')).toBeNull();

    // Both grids are real tables with row and column headers.
    const grid = screen.getByRole('table', {
      name: 'Programs and capacity by service type and region',
    });
    expect(
      within(grid)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Service type', 'Central Northshire', 'South Lakes']);
    expect(
      within(grid)
        .getAllByRole('rowheader')
        .map((th) => th.textContent),
    ).toEqual(['Counselling and therapy', 'Intensive treatment services']);
  });

  it('lists the programs behind a cell when it is opened, and closes on Escape', async () => {
    serveSystemMap({});
    renderApp(mapPath);

    const cell = await cellButton(/^Counselling and therapy, Central Northshire:/);
    expect(cell.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(cell);

    const panel = await screen.findByRole('region', {
      name: 'Counselling and therapy · Central Northshire',
    });
    expect(cell.getAttribute('aria-expanded')).toBe('true');
    const rows = within(panel)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((c) => c.textContent)
          .slice(0, 1)
          .concat(within(row).getByRole('rowheader').textContent ?? ''),
      );
    expect(rows).toEqual([
      ['Northshire Children’s Centre', counselling.name],
      ['Youth Wellness Hub', dropIn.name],
    ]);
    expect(
      within(panel)
        .getByRole('link', { name: `Profile of ${counselling.name}` })
        .getAttribute('href'),
    ).toBe(`/system-map/programs/${counselling.id}/profile?table=${tableId}`);
    await waitFor(() =>
      expect(document.activeElement?.textContent).toBe(
        'Counselling and therapy · Central Northshire',
      ),
    );

    fireEvent.keyDown(panel, { key: 'Escape' });
    expect(screen.queryByRole('region', { name: /Central Northshire/ })).toBeNull();
    expect(document.activeElement).toBe(cell);
  });

  it('asks the API for the age-group grid when the toggle is switched', async () => {
    const api = serveSystemMap({});
    renderApp(`${mapPath}?value=central`);

    await cellButton(/^Counselling and therapy, Central Northshire:/);
    expect(api.urls).toContain(
      `/api/v1/tables/${tableId}/system-map?by=region&value=central&lang=en`,
    );
    const ageGroup = screen.getByRole('button', { name: 'Age group' });
    expect(ageGroup.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(ageGroup);

    // The value filter belonged to the regions, so it is dropped with them.
    await cellButton(/^Counselling and therapy, 6–11:/);
    expect(api.urls).toContain(`/api/v1/tables/${tableId}/system-map?by=age_group&lang=en`);
    expect(screen.getByRole('button', { name: 'Age group' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(screen.getByRole('table', { name: /by service type and age group/ })).toBeTruthy();
  });

  it('passes the result and service type filters to the API', async () => {
    const api = serveSystemMap({});
    renderApp(mapPath);
    await cellButton(/^Counselling and therapy, Central Northshire:/);

    fireEvent.change(screen.getByLabelText('Service type'), {
      target: { value: 'intensive_treatment' },
    });
    await waitFor(() =>
      expect(api.urls).toContain(
        `/api/v1/tables/${tableId}/system-map?by=region&serviceType=intensive_treatment&lang=en`,
      ),
    );
    fireEvent.change(screen.getByLabelText('Result'), {
      target: { value: '00000000-0000-4000-8000-000000000011' },
    });
    await waitFor(() =>
      expect(api.urls).toContain(
        `/api/v1/tables/${tableId}/system-map?by=region&resultId=00000000-0000-4000-8000-000000000011&serviceType=intensive_treatment&lang=en`,
      ),
    );
  });

  it('switches to the French-language grid', async () => {
    serveSystemMap({});
    renderApp(mapPath);
    await cellButton(/^Intensive treatment services, Central Northshire:/);
    expect(
      within(await cellButton(/^Intensive treatment services, Central Northshire:/)).queryByText(
        'Gap',
      ),
    ).toBeNull();

    fireEvent.click(screen.getByLabelText('French-language services only'));

    expect(
      await screen.findByRole('table', {
        name: 'French-language programs and capacity by service type and region',
      }),
    ).toBeTruthy();
    const cell = await cellButton(/^Intensive treatment services, Central Northshire:/);
    expect(within(cell).getByText('Gap')).toBeTruthy();
  });

  it('calls out unlinked results and programs, missing profiles and French gaps', async () => {
    serveSystemMap({}, centreEditor);
    renderApp(mapPath);

    const results = await screen.findByRole('region', {
      name: 'Results with no contributing program (1)',
    });
    expect(within(results).getByText('All children feel they belong')).toBeTruthy();
    expect(
      within(
        screen.getByRole('region', { name: 'Programs contributing to no result (1)' }),
      ).getByText('Family circle'),
    ).toBeTruthy();
    // Another agency's program: named, but its profile is not this editor's to open.
    const unprofiled = screen.getByRole('region', { name: 'Programs without a profile (1)' });
    expect(within(unprofiled).getByText('Family circle')).toBeTruthy();
    expect(within(unprofiled).queryByRole('link')).toBeNull();
    const french = screen.getByRole('region', { name: 'French-language services' });
    expect(
      within(french).getByText('Intensive treatment services · Central Northshire'),
    ).toBeTruthy();
  });

  it('shows each program’s headline measures with their status in words', async () => {
    serveSystemMap({}, funder);
    renderApp(mapPath);

    const matrix = await screen.findByRole('table', { name: /Partner agencies and the results/ });
    const row = within(matrix).getByRole('rowheader', { name: 'Northshire Children’s Centre' });
    const cells = within(row.closest('tr') as HTMLElement).getAllByRole('cell');
    expect(cells[0]?.textContent).toContain('% whose functioning improved');
    expect(within(cells[0] as HTMLElement).getByText('Near')).toBeTruthy();
    expect(within(cells[0] as HTMLElement).getByText('Falling (unfavourable)')).toBeTruthy();
    expect(cells[1]?.textContent).toContain('No contributing program');
  });
});
