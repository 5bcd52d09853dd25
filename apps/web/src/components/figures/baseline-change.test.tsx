// Change since the baseline reads in points for percents and rates and relative otherwise, as
// the API's changeUnit says (issue #18), in both languages, with the period written one way.

import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SeriesSummary } from '../../api/scorecards-api';
import { I18nProvider } from '../../i18n/i18n-provider';
import type { Locale } from '../../i18n/locale';
import { BaselineChange } from './baseline-change';

afterEach(cleanup);

type Baseline = NonNullable<SeriesSummary['baseline']>;

function draw(baseline: Baseline, unit: SeriesSummary['unit'], decimals: number, locale: Locale) {
  const { container } = render(
    <I18nProvider locale={locale}>
      <BaselineChange baseline={baseline} unit={unit} decimals={decimals} />
    </I18nProvider>,
  );
  const shown = container.querySelector('.baseline-change');
  return {
    value: shown?.querySelector('.baseline-change-value')?.textContent,
    word: shown?.querySelector('.baseline-change-word')?.textContent,
    title: shown?.getAttribute('title'),
  };
}

const fairOrPoor: Baseline = {
  period: '2019',
  value: 6.6,
  change: 16.3 - 6.6,
  changeUnit: 'points',
  favorable: false,
};
const served: Baseline = {
  period: 'FY2024-25-Q1',
  value: 100,
  change: 0.2,
  changeUnit: 'relative',
  favorable: true,
};

describe('the change since the baseline', () => {
  it('reads a percentage’s change in points, not as a relative change', () => {
    expect(draw(fairOrPoor, 'percent', 1, 'en')).toEqual({
      value: '+9.7 pts vs baseline',
      word: 'unfavourable',
      title: 'Baseline 2019: 6.6%',
    });
    expect(draw(fairOrPoor, 'percent', 1, 'fr').value).toMatch(/^\+9,7 pts depuis la base$/u);
  });

  it('reads a rate’s change in points too, to the measure’s decimals', () => {
    const rate = { ...fairOrPoor, value: 4.2857, change: 2.857142857 };
    expect(draw(rate, 'rate', 2, 'en').value).toBe('+2.86 pts vs baseline');
  });

  it('reads a count’s change relative to the baseline, with the period written one way', () => {
    expect(draw(served, 'count', 0, 'en')).toEqual({
      value: '+20% vs baseline',
      word: 'favourable',
      title: 'Baseline FY2024-25 Q1: 100',
    });
    expect(draw(served, 'count', 0, 'fr').value).toMatch(/^\+20\s%\sdepuis la base$/u);
  });

  it('writes a fall with its sign in either unit', () => {
    expect(draw({ ...fairOrPoor, change: -1.25 }, 'percent', 1, 'en').value).toBe(
      '-1.3 pts vs baseline',
    );
    expect(draw({ ...served, change: -0.1 }, 'count', 0, 'en').value).toBe('-10% vs baseline');
  });
});
