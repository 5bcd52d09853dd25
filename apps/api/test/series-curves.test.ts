// Issue #18: both curves of a series with their 80 % bands (as the domain computes them), the
// latest figure against the curve we were on, a funder's curves from shown figures only, and
// change since the baseline in points or relative everywhere it is reported.
import { baselineForecast, changeSinceBaseline, forecast } from '@rba/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueSuffix } from '../support/factories.js';
import type { World } from '../support/world.js';
import type { Client } from './helpers/api.js';
import type { TestApp } from './helpers/app.js';
import { buildCurvesWorld, type CurvesRole, csv } from './helpers/curves-world.js';

let t: TestApp;
let w: World;
let as: Record<CurvesRole, Client>;
const s = uniqueSuffix();
// "Youth who rate their mental health fair or poor", %, the lower the better; baseline 2019.
const FAIR_POOR: Record<string, number> = {
  '2015': 5.0,
  '2016': 5.4,
  '2017': 5.9,
  '2018': 6.1,
  '2019': 6.6,
  '2020': 9.1,
  '2021': 12.9,
  '2022': 16.3,
};
const points = Object.entries(FAIR_POOR).map(([period, value]) => ({ period, value }));
const interval = 0.8;

async function indicator(fields: Record<string, unknown>, values: Record<string, number>) {
  const m = await as.coordinator.post(`/results/${w.result.id}/indicators`, {
    periodType: 'year',
    direction: 'down',
    ...fields,
  });
  for (const [period, value] of Object.entries(values)) {
    await as.coordinator.put(`/measures/${m.id}/observations/${period}`, { value });
  }
  return m as { id: string; code: string };
}

beforeAll(async () => {
  ({ t, w, as } = await buildCurvesWorld());
});
afterAll(async () => t.closeAll());

describe('the curves of a series', () => {
  it('gives where we are headed and the curve we were on, both with the domain’s 80 % band', async () => {
    const m = await indicator(
      { code: `FP-${s}`, name: 'Fair or poor', unit: 'percent', aggregation: 'mean' },
      FAIR_POOR,
    );
    await as.coordinator.call('patch', `/measures/${m.id}`, { baselinePeriod: '2019' });
    const series = await as.coordinator.get(`/measures/${m.id}/series`);
    // Calendar years: the fiscal year's start month plays no part.
    expect(series.forecast).toEqual(forecast(points, { horizon: 4, interval }));
    const curve = baselineForecast(points, { baseline: '2019', horizon: 4, interval });
    expect(series.baselineForecast).toEqual(curve);
    expect(series.baselineForecast.map((p: { period: string }) => p.period)).toEqual([
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
      '2026',
    ]);
    for (const p of [...series.forecast, ...series.baselineForecast]) {
      expect(p.low).toBeLessThan(p.value);
      expect(p.high).toBeGreaterThan(p.value);
    }
    // 16.3 % against what the curve we were on pointed to for 2022: worse, for a "down" measure.
    const at2022 = curve.find((p) => p.period === '2022');
    expect(series.versusBaselineCurve).toEqual({
      period: '2022',
      actual: 16.3,
      expected: at2022?.value,
      low: at2022?.low,
      high: at2022?.high,
      better: false,
    });
    expect(series.baseline).toMatchObject({ period: '2019', value: 6.6, changeUnit: 'points' });
    expect(series.baseline.change).toBeCloseTo(9.7, 10);
    expect(series.baseline.favorable).toBe(false);

    // Horizon 0: nothing ahead, but the curve we were on still reaches the latest figure.
    const now = await as.coordinator.get(`/measures/${m.id}/series?horizon=0`);
    expect(now.forecast).toEqual([]);
    expect(now.baselineForecast.map((p: { period: string }) => p.period).at(-1)).toBe('2022');
    // Without a baseline set, the first figure is the baseline: nothing to fit up to it.
    await as.coordinator.call('patch', `/measures/${m.id}`, { baselinePeriod: null });
    const plain = await as.coordinator.get(`/measures/${m.id}/series`);
    expect(plain.baselineForecast).toEqual([]);
    expect(plain.versusBaselineCurve).toBeNull();
    expect(plain.forecast).toEqual(series.forecast);
  });

  it('computes a funder’s curves from the shown figures only', async () => {
    const values = {
      '2016': 40,
      '2017': 42,
      '2018': 45,
      '2019': 47,
      '2020': 50,
      '2021': 52,
      '2022': 3,
    };
    const m = await indicator(
      { code: `SM-${s}`, name: 'Youth housed', unit: 'count', direction: 'up' },
      values,
    );
    await as.coordinator.call('patch', `/measures/${m.id}`, { baselinePeriod: '2018' });
    const seen = await as.funder.get(`/measures/${m.id}/series`);
    expect(seen.latest).toMatchObject({ period: '2022', value: null, suppressed: true });
    const shown = Object.entries(values)
      .filter(([period]) => period !== '2022')
      .map(([period, value]) => ({ period, value }));
    expect(seen.forecast).toEqual(forecast(shown, { horizon: 4, interval }));
    expect(seen.baselineForecast).toEqual(
      baselineForecast(shown, { baseline: '2018', horizon: 4, interval }),
    );
    expect(seen.baseline).toEqual({
      period: '2018',
      value: 45,
      change: null,
      changeUnit: 'relative',
      favorable: null,
    });
    expect(seen.versusBaselineCurve).toBeNull();
    const own = await as.coordinator.get(`/measures/${m.id}/series`);
    expect(own.versusBaselineCurve).toMatchObject({ period: '2022', actual: 3, better: false });
  });
});

describe('change since the baseline', () => {
  it('is in points for percents and rates and relative for the rest, from the domain function', async () => {
    const rate = await as.editorA.post(`/programs/${w.programA.id}/measures`, {
      code: `RATE-${s}`,
      name: 'Per 1,000',
      unit: 'rate',
      ratePer: 1000,
      direction: 'up',
      periodType: 'fiscal_quarter',
    });
    await as.editorA.put(`/measures/${rate.id}/observations/FY2024-25-Q1`, {
      numerator: 3,
      denominator: 700,
    });
    await as.editorA.put(`/measures/${rate.id}/observations/FY2024-25-Q2`, {
      numerator: 5,
      denominator: 700,
    });
    const count = await as.editorA.post(`/programs/${w.programA.id}/measures`, {
      code: `CNT-${s}`,
      name: 'Served',
      unit: 'count',
      direction: 'up',
      periodType: 'fiscal_quarter',
    });
    await as.editorA.put(`/measures/${count.id}/observations/FY2024-25-Q1`, { value: 30 });
    await as.editorA.put(`/measures/${count.id}/observations/FY2024-25-Q2`, { value: 40 });
    const card = await as.editorA.get(`/organizations/${w.orgA.id}/scorecard`);
    const all = card.programs.flatMap((p: { measures: unknown[] }) => p.measures);
    const byCode = (code: string) => all.find((x: { code: string }) => x.code === code);
    expect(byCode(rate.code).baseline).toEqual({
      period: 'FY2024-25-Q1',
      value: (3 / 700) * 1000,
      ...changeSinceBaseline((5 / 700) * 1000, (3 / 700) * 1000, { unit: 'rate', direction: 'up' }),
    });
    expect(byCode(rate.code).baseline.changeUnit).toBe('points');
    expect(byCode(count.code).baseline).toEqual({
      period: 'FY2024-25-Q1',
      value: 30,
      change: 1 / 3,
      changeUnit: 'relative',
      favorable: true,
    });

    // The scorecard CSV: computed figures rounded to decimals + 2, the change with its unit.
    const { rows } = await csv(as.editorA, 'scorecard.csv', `?organizationId=${w.orgA.id}`);
    expect(rows.find((r) => r.measure_code === rate.code)).toMatchObject({
      value: '7.143',
      numerator: '5',
      denominator: '700',
      baseline_value: '4.286',
      baseline_change: '2.857',
      baseline_change_unit: 'points',
    });
    expect(rows.find((r) => r.measure_code === count.code)).toMatchObject({
      value: '40',
      baseline_value: '30',
      baseline_change: '0.33',
      baseline_change_unit: 'relative',
    });
  });
});

describe('the OpenAPI document', () => {
  it('describes every field issue #18 added', async () => {
    const doc = (await t.http().get('/api/v1/openapi.json')).body;
    const series =
      doc.paths['/api/v1/measures/{id}/series'].get.responses['200'].content['application/json']
        .schema.properties;
    for (const field of ['forecast', 'baselineForecast', 'versusBaselineCurve']) {
      expect(series[field].description, field).toBeTruthy();
    }
    expect(series.forecast.items.properties.low.description).toMatch(/80 %/);
    expect(series.baseline.properties.changeUnit).toMatchObject({ enum: ['points', 'relative'] });
    expect(series.baseline.properties.changeUnit.description).toBeTruthy();
    expect(series.versusBaselineCurve.properties.better.description).toBeTruthy();
  });
});
