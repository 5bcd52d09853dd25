import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SeriesResponse } from '../../api/curve-report-api';
import { I18nProvider } from '../../i18n/i18n-provider';
import type { Locale } from '../../i18n/locale';
import { revised, series } from '../scorecards/test-fixtures';
import { ReportHeadline } from './report-headline';

afterEach(cleanup);

function curve(underRevision: boolean): SeriesResponse {
  const summary = series({ name: '# of youth served' });
  return {
    ...(underRevision ? revised(summary) : summary),
    view: 'approved',
    suppressionThreshold: null,
    targets: [],
    forecast: [],
    baselineForecast: [],
    versusBaselineCurve: null,
    breakdowns: [],
  };
}

function draw(underRevision: boolean, locale: Locale = 'en') {
  return render(
    <I18nProvider locale={locale}>
      <ReportHeadline curve={curve(underRevision)} />
    </I18nProvider>,
  );
}

function latest(term: string): string | null | undefined {
  return screen.getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;
}

describe('the report’s latest figure', () => {
  it('is marked "†" before its period when under revision, with the legend', () => {
    draw(true);
    expect(latest('Latest')).toBe('120† (under revision) in FY2025-26 Q2');
    expect(
      screen.getByText('† under revision: the last approved figure, being corrected'),
    ).toBeTruthy();
  });

  it('says it in French', () => {
    draw(true, 'fr');
    expect(latest('Dernière valeur')).toBe('120† (en révision) en T2 2025-2026');
    expect(
      screen.getByText('† en révision : le dernier chiffre approuvé, en cours de correction'),
    ).toBeTruthy();
  });

  it('reads as before, with no legend, when nothing is under revision', () => {
    const { container } = draw(false);
    expect(latest('Latest')).toBe('120 in FY2025-26 Q2');
    expect(container.textContent).not.toContain('†');
  });
});
