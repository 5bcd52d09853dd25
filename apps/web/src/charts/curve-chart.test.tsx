import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n-provider';
import { CurveChart, type CurveChartProps } from './curve-chart';

afterEach(cleanup);

const base: CurveChartProps = {
  name: 'Children in poverty',
  points: [
    { period: '2019', value: 20, suppressed: false },
    { period: '2020', value: 18, suppressed: false },
    { period: '2021', value: 16, suppressed: false },
  ],
  targets: [],
  forecast: [],
  baselinePeriod: '2019',
  direction: 'down',
  unit: 'percent',
  decimals: 1,
};

// The curve we were on (fitted up to 2019) and where we are headed (from the latest figures).
const verdict = { period: '2021', actual: 16, expected: 17, low: 15.5, high: 18.5, better: true };
const curves: Partial<CurveChartProps> = {
  baselineForecast: [
    { period: '2020', value: 19, low: 17.5, high: 20.5 },
    { period: '2021', value: 17, low: 15.5, high: 18.5 },
    { period: '2022', value: 15, low: 13, high: 17 },
  ],
  forecast: [{ period: '2022', value: 12, low: 10, high: 14 }],
  verdict,
};

function draw(props: Partial<CurveChartProps> = {}, locale: 'en' | 'fr' = 'en') {
  return render(
    <I18nProvider locale={locale}>
      <CurveChart {...base} {...props} />
    </I18nProvider>,
  );
}

function legend() {
  return within(screen.getByRole('list', { name: /Legend|Légende/ }))
    .getAllByRole('listitem')
    .map((item) => item.textContent);
}

describe('the curve chart', () => {
  it('is a figure with a caption, an image with a summary and a table', () => {
    draw();
    const figure = screen.getByRole('figure');
    expect(figure.querySelector('figcaption')?.textContent).toBe('The curve: Children in poverty');
    expect(within(figure).getByRole('img').getAttribute('aria-label')).toContain(
      'Latest figure 16.0% in 2021.',
    );
    expect(within(figure).getByRole('table')).toBeTruthy();
    expect(figure.querySelector('.curve-baseline')).not.toBeNull();
  });

  it('lists in the legend only what it draws', () => {
    draw();
    expect(legend()).toEqual(['Actual', 'Baseline']);
  });

  it('draws the curve we were on and where we are headed, each with its shaded 80% band', () => {
    draw(curves);
    const figure = screen.getByRole('figure');
    expect(figure.querySelectorAll('.curve-baseline-curve')).toHaveLength(1);
    expect(figure.querySelectorAll('.curve-forecast')).toHaveLength(1);
    expect(figure.querySelectorAll('.curve-band-baseline')).toHaveLength(1);
    expect(figure.querySelectorAll('.curve-band-forecast')).toHaveLength(1);
    // The curve we were on's band is hatched, so the two survive a black-and-white printer.
    const hatch = figure.querySelector('pattern')?.getAttribute('id');
    expect(figure.querySelector('.curve-band-baseline path')?.getAttribute('fill')).toBe(
      `url(#${hatch})`,
    );
    expect(legend()).toEqual([
      'Actual',
      'Baseline',
      'The curve we were on (from the 2019 baseline)',
      'The curve we were on: 80% range',
      'Where we are headed (from the latest figures)',
      'Where we are headed: 80% range',
    ]);
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain(
      'The curve we were on, from the 2019 baseline: 15.0% by 2022. Where we are headed, from the latest figures: 12.0% by 2022.',
    );
  });

  it('lists both lines with their 80% range in the table beneath', () => {
    draw(curves);
    const cells = (period: string) =>
      [
        ...(within(screen.getByRole('table'))
          .getByRole('rowheader', { name: new RegExp(`^${period}`) })
          .closest('tr')
          ?.querySelectorAll('td') ?? []),
      ].map((cell) => cell.textContent);
    expect(
      within(screen.getByRole('table'))
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Period', 'Actual', 'Target', 'The curve we were on', 'Where we are headed']);
    expect(cells('2021')).toEqual(['16.0%', '–', '17.0%80%: 15.5% to 18.5%', '–']);
    expect(cells('2022')).toEqual([
      '–',
      '–',
      '15.0%80%: 13.0% to 17.0%',
      '12.0%80%: 10.0% to 14.0%',
    ]);
  });

  it('says in one sentence whether the latest figure beats the curve we were on', () => {
    draw(curves);
    expect(document.querySelector('.curve-verdict')?.textContent).toBe(
      'In 2021, the latest figure (16.0%) is better than the curve we were on, which pointed to 17.0% (80% range: 15.5% to 18.5%).',
    );
    cleanup();
    draw({ ...curves, verdict: { ...verdict, actual: 18, better: false, low: null, high: null } });
    expect(document.querySelector('.curve-verdict')?.textContent).toBe(
      'In 2021, the latest figure (18.0%) is worse than the curve we were on, which pointed to 17.0%.',
    );
    cleanup();
    draw({ ...curves, verdict: { ...verdict, actual: 17, better: null } });
    expect(document.querySelector('.curve-verdict')?.textContent).toBe(
      'In 2021, the latest figure (17.0%) is right on the curve we were on.',
    );
    cleanup();
    draw({ ...curves, verdict: null });
    expect(document.querySelector('.curve-verdict')).toBeNull();
  });

  it('names both lines, their bands and the verdict in French', () => {
    draw(curves, 'fr');
    expect(legend()).toEqual([
      'Valeur réelle',
      'Valeur de référence',
      'La courbe que nous suivions (depuis la valeur de référence de 2019)',
      'La courbe que nous suivions : fourchette à 80 %',
      'Là où nous allons (d’après les dernières valeurs)',
      'Là où nous allons : fourchette à 80 %',
    ]);
    expect(document.querySelector('.curve-verdict')?.textContent).toMatch(
      /^En 2021, la dernière valeur \(16,0\s%\) est meilleure que la courbe que nous suivions, qui annonçait 17,0\s% \(fourchette à 80 % : de 15,5\s% à 18,5\s%\)\.$/u,
    );
  });

  it('writes quarters one way everywhere: on the axis, in the table and in the sentences', () => {
    draw({
      points: [
        { period: 'FY2026-27-Q2', value: 20, suppressed: false },
        { period: 'FY2026-27-Q3', value: 18, suppressed: false },
      ],
      baselinePeriod: 'FY2026-27-Q2',
    });
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain(
      'from FY2026-27 Q2 to FY2026-27 Q3',
    );
    expect(
      within(screen.getByRole('table')).getByRole('rowheader', { name: 'FY2026-27 Q3' }),
    ).toBeTruthy();
    expect(document.body.textContent).not.toContain('FY2026-27-Q3');
  });

  it('marks a suppressed figure and keeps it out of the line', () => {
    draw({
      points: [...base.points, { period: '2022', value: null, suppressed: true }],
    });
    expect(legend()).toContain('xHidden to protect small counts: a gap, not zero');
    expect(document.querySelectorAll('.curve-suppressed').length).toBe(1);
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('left as gaps');
  });

  it('marks a figure under revision in the drawing, the summary, the legend and the table', () => {
    draw(
      {
        points: [
          ...base.points.slice(0, 2),
          { period: '2021', value: 16, suppressed: false, underRevision: true },
        ],
      },
      'fr',
    );
    expect(document.querySelectorAll('.curve-revision')).toHaveLength(1);
    expect(document.querySelector('.curve-revision text')?.textContent).toBe('†');
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain(
      'En révision (le dernier chiffre approuvé, en cours de correction) : 2021.',
    );
    expect(legend()).toContain(
      '†En révision : le dernier chiffre approuvé, en cours de correction',
    );
    const row = within(screen.getByRole('table')).getByRole('rowheader', { name: '2021' });
    expect(row.closest('tr')?.textContent).toMatch(/16,0\s%† \(en révision\)/u);
    const earlier = within(screen.getByRole('table')).getByRole('rowheader', { name: '2020' });
    expect(earlier.closest('tr')?.textContent).not.toContain('†');
  });

  it('writes values the French way', () => {
    draw({}, 'fr');
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(/16,0\s% en 2021/u);
  });

  it('says when there is nothing to draw yet', () => {
    draw({ points: [], baselinePeriod: null });
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'There are no figures for Children in poverty yet.',
    );
  });
});
