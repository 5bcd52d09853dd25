import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  earlier,
  funder,
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

const path = `/partnerships/tables/${tableId}/network`;

/** French numbers use narrow no-break spaces ("50 %"): read them as plain ones. */
const spaces = (text: string | null | undefined) => text?.replace(/[\u00a0\u202f]/g, ' ');

const figure = (side: HTMLElement, name: string) => {
  const term = within(side)
    .getAllByRole('term')
    .find((dt) => dt.firstChild?.textContent === name);
  return spaces(term?.nextElementSibling?.textContent);
};

const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((cell) => spaces(cell.textContent));

describe('the partner network', () => {
  it('shows the latest closed survey on its own: figures, words, drawing and table', async () => {
    servePartnerships(member);
    renderPartnerships(`${path}?compare=none`);

    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Northshire Youth Table: partner network',
      }),
    ).toBeTruthy();
    const side = await screen.findByRole('region', { name: 'Partnerships 2025 (2025) Closed' });
    expect(figure(side, 'Response rate')).toBe('100%');
    expect(figure(side, 'Density')).toBe('50%');
    expect(figure(side, 'Reciprocity')).toBe('50%');
    expect(figure(side, 'Mean trust')).toBe('3.13 out of 4');
    expect(figure(side, 'Mean value')).toBe('2.50 out of 4');
    expect(figure(side, 'Isolates')).toBe('0');

    expect(
      within(side).getByText(
        'Bridging otherwise separate groups: Youth Wellness Hub and Bay Services.',
      ),
    ).toBeTruthy();
    expect(within(side).getByText('Every organization has at least one tie.')).toBeTruthy();

    const drawing = within(side).getByRole('img');
    expect(drawing.tagName.toLowerCase()).toBe('svg');
    expect(drawing.getAttribute('aria-label')).toBe(
      'A drawing of 4 organizations and 3 ties. Most ties: Bay Services (2) and Youth Wellness Hub (2). Every organization has a tie. The table below says the same.',
    );
    expect(drawing.querySelectorAll('circle')).toHaveLength(4);
    expect(drawing.querySelectorAll('line')).toHaveLength(3);
    // Placed once, inside the box.
    for (const group of drawing.querySelectorAll('g[transform]')) {
      const [x, y] = (group.getAttribute('transform')?.match(/[\d.]+/g) ?? []).map(Number);
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(640);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(420);
    }
    // Thicker ties for closer work.
    const widths = [...drawing.querySelectorAll('line')].map((l) =>
      Number(l.getAttribute('stroke-width')),
    );
    expect(Math.max(...widths)).toBeGreaterThan(Math.min(...widths));

    const table = within(side).getByRole('table', {
      name: 'Organizations in Partnerships 2025 (2025)',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Youth Wellness Hub bridge',
      'Bay Services bridge',
      'Alpha Clinic',
      'Community Centre',
    ]);
    expect(cells(rows[0] as HTMLElement)).toEqual(['2', '0.67', '3.50', '3.00']);
    expect(cells(rows[3] as HTMLElement)).toEqual([
      '1',
      '0.00',
      'x hidden: fewer than 3 ratings',
      'x hidden: fewer than 3 ratings',
    ]);
    expect(cells(rows[2] as HTMLElement)).toEqual(['1', '0.00', 'No ratings', 'No ratings']);
    // The legend says what the colours mean, in words.
    expect(within(side).getByText('3 and over')).toBeTruthy();
    expect(
      within(side).getByText('Dashed outline, “x”: hidden, fewer than 3 ratings'),
    ).toBeTruthy();
  });

  it('sets two surveys side by side and says what changed', async () => {
    const api = servePartnerships(member);
    renderPartnerships(`${path}?survey=${later.id}`);

    const changes = await screen.findByRole('table', {
      name: 'The figures of Partnerships 2025 (2025) and Partnerships 2026 (2026)',
    });
    const row = (name: string) =>
      within(changes).getByRole('rowheader', { name }).closest('tr') as HTMLElement;
    await waitFor(() => expect(cells(row('Response rate'))).toEqual(['100%', '75%', '-25 pts']));
    expect(cells(row('Density'))).toEqual(['50%', '50%', 'No change']);
    expect(cells(row('Reciprocity'))).toEqual(['50%', '67%', '+16.7 pts']);
    expect(cells(row('Mean trust'))).toEqual(['3.13 out of 4', '3.40 out of 4', '+0.27']);
    expect(cells(row('Isolates'))).toEqual(['0', '1', '+1']);

    const sides = screen.getAllByRole('region', { name: /^Partnerships 202\d/ });
    // The earlier on the left, the later on the right; each state in words.
    expect(sides.map((s) => s.querySelector('h2')?.textContent)).toEqual([
      'Partnerships 2025 (2025) ■ Closed',
      'Partnerships 2026 (2026) ● Open',
    ]);
    const later2026 = sides[1] as HTMLElement;
    expect(within(later2026).getByText('With no tie to any partner: Alpha Clinic.')).toBeTruthy();
    expect(
      within(later2026).getByText('Bridging otherwise separate groups: Youth Wellness Hub.'),
    ).toBeTruthy();

    expect((screen.getByRole('combobox', { name: 'Survey' }) as HTMLSelectElement).value).toBe(
      later.id,
    );
    fireEvent.change(screen.getByRole('combobox', { name: 'Compare with' }), {
      target: { value: 'none' },
    });
    await waitFor(() =>
      expect(screen.queryByRole('table', { name: /^The figures of/ })).toBeNull(),
    );
    expect(screen.getAllByRole('img')).toHaveLength(1);
    expect(api.calls.filter((c) => c.path.endsWith(`/${earlier.id}/network`)).length).toBe(1);
  });

  it('reads in French, numbers included', async () => {
    localStorage.setItem('rba.locale', 'fr');
    servePartnerships(member);
    renderPartnerships(`${path}?survey=${later.id}`, { locale: 'fr' });

    const changes = await screen.findByRole('table', {
      name: 'Les indicateurs de Partnerships 2025 (2025) et de Partnerships 2026 (2026)',
    });
    const row = (name: string) =>
      within(changes).getByRole('rowheader', { name }).closest('tr') as HTMLElement;
    await waitFor(() => expect(cells(row('Réciprocité'))).toEqual(['50 %', '67 %', '+16,7 pts']));
    expect(cells(row('Confiance moyenne'))).toEqual(['3,13 sur 4', '3,40 sur 4', '+0,27']);

    const side = screen.getByRole('region', { name: 'Partnerships 2026 (2026) Ouvert' });
    expect(figure(side, 'Taux de réponse')).toBe('75 %');
    expect(within(side).getByText('Sans lien avec aucun partenaire : Alpha Clinic.')).toBeTruthy();
    const table = within(side).getByRole('table', {
      name: 'Organismes de Partnerships 2026 (2026)',
    });
    expect(within(table).getByRole('columnheader', { name: 'Confiance reçue' })).toBeTruthy();
    const centreRow = within(table)
      .getByRole('rowheader', { name: 'Community Centre' })
      .closest('tr') as HTMLElement;
    expect(cells(centreRow)).toEqual(['1', '0,00', '1,50', '2,00']);
    const clinicRow = within(table)
      .getByRole('rowheader', { name: /^Alpha Clinic/ })
      .closest('tr') as HTMLElement;
    expect(cells(clinicRow)[2]).toBe('x masqué : moins de 3 évaluations');
    expect(within(side).getByRole('img').getAttribute('aria-label')).toMatch(
      /^Un dessin de 4 organismes et 2 liens\. Le plus de liens : Youth Wellness Hub \(3\)\. Sans lien : Alpha Clinic\./,
    );
  });

  it('gives funders the figures only: no drawing, no table', async () => {
    servePartnerships(funder);
    renderPartnerships(`${path}?compare=none`);
    const side = await screen.findByRole('region', { name: 'Partnerships 2025 (2025) Closed' });
    await waitFor(() => expect(figure(side, 'Density')).toBe('50%'));
    expect(figure(side, 'Mean trust')).toBe('3.13 out of 4');
    expect(figure(side, 'Isolates')).toBe('0');
    expect(
      within(side).getByText(
        'You see the figures of the whole network only: the drawing and each organization’s figures are for the table’s members and partners.',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.queryByRole('table', { name: /^Organizations in/ })).toBeNull();
    expect(screen.queryByText(/Bridging/)).toBeNull();
  });
});
