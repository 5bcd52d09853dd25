import { describe, expect, it } from 'vitest';
import { exportFilename, periodsPart, slug } from './export-filename.js';

describe('the name of an export', () => {
  it('keeps letters and digits of a name, accents dropped, in whole words up to 48 characters', () => {
    expect(slug('Centre de santé communautaire du Nord')).toBe(
      'Centre-de-sante-communautaire-du-Nord',
    );
    expect(slug('Northshire Child and Youth Mental Health Planning Table')).toBe(
      'Northshire-Child-and-Youth-Mental-Health',
    );
    expect(slug('NCMHC Counselling & Therapy (walk-in)')).toBe('NCMHC-Counselling-Therapy-walk-in');
    expect(slug('Ωμέγα')).toBe('');
  });

  it('says the periods as a range, an open bound, or nothing', () => {
    expect(periodsPart('FY2025-26-Q1', 'FY2026-27-Q3')).toBe('FY2025-26-Q1-to-FY2026-27-Q3');
    expect(periodsPart('FY2026-27-Q3', 'FY2026-27-Q3')).toBe('FY2026-27-Q3');
    expect(periodsPart('2025-01-01', undefined)).toBe('from-2025-01-01');
    expect(periodsPart(undefined, 'FY2026-27-Q3')).toBe('to-FY2026-27-Q3');
    expect(periodsPart(undefined, undefined)).toBeNull();
  });

  it('reads what, whose, which periods and which day', () => {
    expect(
      exportFilename({
        what: 'figures',
        scope: 'NCMHC',
        periods: 'FY2026-27-Q3',
        day: '2026-12-06',
      }),
    ).toBe('figures_NCMHC_FY2026-27-Q3_2026-12-06.csv');
    expect(
      exportFilename({ what: 'scorecard', scope: null, periods: 'latest', day: '2026-12-06' }),
    ).toBe('scorecard_all_latest_2026-12-06.csv');
    expect(
      exportFilename({ what: 'figures-wide', scope: 'Ωμέγα', periods: null, day: '2026-12-06' }),
    ).toBe('figures-wide_all_2026-12-06.csv');
  });
});
