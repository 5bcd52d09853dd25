import { cleanup, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/i18n-provider';
import type { Locale } from '../../i18n/locale';
import { FigureValue } from './figure-value';
import { anyUnderRevision, RevisionLegend } from './revision-mark';

afterEach(cleanup);

function inLocale(locale: Locale, children: ReactNode) {
  return render(<I18nProvider locale={locale}>{children}</I18nProvider>);
}

const count = { unit: 'count', decimals: 0 } as const;

describe('a figure under revision', () => {
  it('keeps the figure and adds "†", the words for screen readers and on hover', () => {
    const { container } = inLocale(
      'en',
      <FigureValue figure={{ value: 63, suppressed: false, underRevision: true }} {...count} />,
    );
    expect(screen.getByText('63')).toBeTruthy();
    const mark = container.querySelector('.figure-revision-mark');
    expect(mark?.querySelector('[aria-hidden="true"]')?.textContent).toBe('†');
    expect(mark?.querySelector('.visually-hidden')?.textContent).toBe(' (under revision)');
    expect(mark?.getAttribute('title')).toBe(
      'Under revision: the last approved figure, being corrected',
    );
    expect(container.textContent).toBe('63† (under revision)');
  });

  it('says it in French, legend included', () => {
    const { container } = inLocale(
      'fr',
      <>
        <FigureValue
          figure={{
            value: 45,
            numerator: 90,
            denominator: 200,
            suppressed: false,
            underRevision: true,
          }}
          unit="percent"
          decimals={0}
        />
        <RevisionLegend />
      </>,
    );
    expect(container.querySelector('.figure-marked')?.textContent?.replace(/\s/g, ' ')).toBe(
      '45 % (90/200)† (en révision)',
    );
    expect(
      screen.getByText('† en révision : le dernier chiffre approuvé, en cours de correction'),
    ).toBeTruthy();
  });

  it('leaves a figure that is not under revision exactly as it was', () => {
    const marked = inLocale(
      'en',
      <FigureValue figure={{ value: 7, suppressed: false }} {...count} />,
    );
    expect(marked.container.innerHTML).toBe('<span class="figure-value">7</span>');
  });

  it('tells whether any figure is marked', () => {
    expect(anyUnderRevision([null, { underRevision: undefined }, {}])).toBe(false);
    expect(anyUnderRevision([null, { underRevision: true }])).toBe(true);
  });
});
