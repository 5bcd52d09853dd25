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

  it('shades where the actuals beat a forecast that covers them, and says so', () => {
    draw({
      forecast: [
        { period: '2019', value: 20 },
        { period: '2020', value: 21 },
        { period: '2021', value: 22 },
      ],
    });
    expect(legend()).toContain('Turning the curve: better than the forecast');
    expect(document.querySelector('.curve-band')).not.toBeNull();
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
