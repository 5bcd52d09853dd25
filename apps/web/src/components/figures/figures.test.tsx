import { cleanup, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/i18n-provider';
import type { Locale } from '../../i18n/locale';
import { CategoryIcon, HeadlineMark } from './category-icon';
import { FigureValue, SuppressedLegend } from './figure-value';
import { PlanStatus } from './plan-status';
import { Sparkline, sparkRuns } from './sparkline';
import { TargetStatusBadge } from './target-status-badge';
import { TrendBadge } from './trend-badge';

afterEach(cleanup);

function inLocale(locale: Locale, children: ReactNode) {
  return render(<I18nProvider locale={locale}>{children}</I18nProvider>);
}

const count = { unit: 'count', decimals: 0 } as const;

describe('a suppressed figure', () => {
  const neutral = {
    en: { why: 'Hidden to protect small counts', legend: 'x: hidden to protect small counts' },
    fr: {
      why: 'Masqué pour protéger les petits nombres',
      legend: 'x : masqué pour protéger les petits nombres',
    },
  } as const;

  for (const locale of ['en', 'fr'] as const) {
    it(`reads "x" with the neutral reason in ${locale === 'en' ? 'English' : 'French'}, and no "<"`, () => {
      const { container } = inLocale(
        locale,
        <>
          <FigureValue figure={{ value: null, suppressed: true }} {...count} />
          <SuppressedLegend />
        </>,
      );
      const cell = container.querySelector('.figure-suppressed');
      // The eye sees "x"; a screen reader hears the reason instead, and hovering shows it.
      expect(cell?.querySelector('[aria-hidden="true"]')?.textContent).toBe('x');
      expect(cell?.querySelector('.visually-hidden')?.textContent).toBe(neutral[locale].why);
      expect(cell?.getAttribute('title')).toBe(neutral[locale].why);
      expect(screen.getByText(neutral[locale].legend)).toBeTruthy();
      // Nothing says a threshold, a bound or that this figure is small.
      const said = `${container.textContent} ${cell?.getAttribute('title')}`;
      expect(said).not.toContain('<');
      expect(said).not.toMatch(/\d|fewer|under|moins de|inférieur/i);
    });
  }

  it('reads the same whatever hid it: a small count, or a figure hidden to protect one', () => {
    const small = inLocale(
      'en',
      <FigureValue figure={{ value: null, suppressed: true }} {...count} />,
    );
    const shown = small.container.innerHTML;
    cleanup();
    // Even if a value slipped through (a hidden 63), nothing of it is shown.
    const protecting = inLocale(
      'en',
      <FigureValue figure={{ value: 63, suppressed: true }} {...count} />,
    );
    expect(protecting.container.innerHTML).toBe(shown);
    expect(protecting.container.textContent).not.toMatch(/\d/);
  });
});

describe('a figure', () => {
  it('writes a ratio percentage with its numerator and denominator', () => {
    const { container } = inLocale(
      'en',
      <FigureValue
        figure={{ value: 45, numerator: 90, denominator: 200, suppressed: false }}
        unit="percent"
        decimals={0}
      />,
    );
    expect(container.textContent).toBe('45% (90/200)');
  });

  it('follows the locale in French', () => {
    const { container } = inLocale(
      'fr',
      <FigureValue
        figure={{ value: 45.2, numerator: 904, denominator: 2000, suppressed: false }}
        unit="percent"
        decimals={1}
      />,
    );
    expect(container.textContent?.replace(/\s/g, ' ')).toBe('45,2 % (904/2 000)');
  });

  it('says there is no figure rather than showing a blank', () => {
    inLocale('en', <FigureValue figure={null} {...count} />);
    expect(screen.getByText('No figure')).toBeTruthy();
  });

  it('shows a real zero as 0', () => {
    const { container } = inLocale(
      'en',
      <FigureValue figure={{ value: 0, suppressed: false }} {...count} />,
    );
    expect(container.textContent).toBe('0');
  });
});

describe('the trend badge', () => {
  it('shows the glyph and run length, and says it is favourable', () => {
    const { container } = inLocale(
      'en',
      <TrendBadge trend={{ trend: 'up', periods: 3, favorable: true }} />,
    );
    expect(container.querySelector('.trend-badge-mark')?.textContent).toBe('▲ 3');
    expect(container.querySelector('.trend-badge-word')?.textContent).toBe('favourable');
    expect(screen.getByText('Rising for 3 periods in a row (favourable)')).toBeTruthy();
    expect(container.querySelector('.figure-tone-favourable')).not.toBeNull();
  });

  it('marks a falling unfavourable trend in orange and in words', () => {
    const { container } = inLocale(
      'en',
      <TrendBadge trend={{ trend: 'down', periods: 1, favorable: false }} />,
    );
    expect(container.querySelector('.trend-badge-mark')?.textContent).toBe('▼ 1');
    expect(screen.getByText('Falling for 1 period (unfavourable)')).toBeTruthy();
    expect(container.querySelector('.figure-tone-unfavourable')).not.toBeNull();
  });

  it('shows a flat trend in grey, with the word', () => {
    const { container } = inLocale(
      'fr',
      <TrendBadge trend={{ trend: 'flat', periods: 0, favorable: null }} />,
    );
    expect(container.querySelector('.trend-badge-mark')?.textContent).toBe('►');
    expect(container.querySelector('.trend-badge-word')?.textContent).toBe('stable');
    expect(container.querySelector('.figure-tone-neutral')).not.toBeNull();
  });
});

describe('the target status badge', () => {
  it.each([
    ['met', '●', 'Met'],
    ['near', '◐', 'Near'],
    ['off', '○', 'Off'],
    ['none', '–', 'No target'],
  ] as const)('shows %s with an icon and a word', (status, icon, word) => {
    const { container } = inLocale('en', <TargetStatusBadge status={status} />);
    expect(container.querySelector('.target-status-icon')?.textContent).toBe(icon);
    expect(container.textContent).toBe(`${icon} ${word}`);
  });

  it('has the words in French', () => {
    const { container } = inLocale('fr', <TargetStatusBadge status="met" />);
    expect(container.textContent).toContain('Atteinte');
  });
});

describe('the category marks', () => {
  it('names each category and the indicator mark', () => {
    inLocale(
      'en',
      <>
        <CategoryIcon kind="performance" category="how_much" />
        <CategoryIcon kind="performance" category="how_well" />
        <CategoryIcon kind="shared" category="better_off" />
        <CategoryIcon kind="indicator" category={null} />
        <HeadlineMark />
      </>,
    );
    for (const name of [
      'How much did we do?',
      'How well did we do it?',
      'Is anyone better off?',
      'Population indicator',
      'Headline measure',
    ]) {
      expect(screen.getByText(name)).toBeTruthy();
    }
  });
});

describe('the plan status', () => {
  it('counts open and overdue actions, or says there is no plan', () => {
    const plan = { hasPlan: true, updatedAt: null, openActions: 2, overdueActions: 1 };
    const { rerender } = inLocale('en', <PlanStatus plan={plan} />);
    expect(screen.getByText('Plan: 2 open, 1 overdue')).toBeTruthy();
    rerender(
      <I18nProvider locale="en">
        <PlanStatus plan={{ ...plan, hasPlan: false }} />
      </I18nProvider>,
    );
    expect(screen.getByText('No plan')).toBeTruthy();
  });
});

describe('the sparkline', () => {
  it('breaks the line at missing and suppressed points', () => {
    const runs = sparkRuns(
      [
        { value: 1, suppressed: false },
        { value: 2, suppressed: false },
        { value: null, suppressed: true },
        { value: 3, suppressed: false },
        { value: null, suppressed: false },
        { value: 4, suppressed: false },
        { value: 5, suppressed: false },
      ],
      100,
      20,
    );
    expect(runs.map((run) => run.length)).toEqual([2, 1, 2]);
  });

  it('is hidden from screen readers', () => {
    const { container } = render(<Sparkline points={[{ value: 1, suppressed: false }]} />);
    expect(container.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
  });
});
