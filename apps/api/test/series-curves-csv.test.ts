// Issue #18 in the CSV exports: a stored figure written exactly as stored, a computed one (a
// percentage or rate from its parts, a collective roll-up) rounded to the measure's decimals plus
// two beside its parts; dimension values in their defined order in series breakdown lines and in
// both layouts, through COPY on PostgreSQL as through the batch path.
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

beforeAll(async () => {
  ({ t, w, as } = await buildCurvesWorld());
});
afterAll(async () => t.closeAll());

describe('CSV figures', () => {
  it('writes a stored figure exactly and a computed one rounded, beside its parts', async () => {
    const pct = await as.editorA.post(`/programs/${w.programA.id}/measures`, {
      code: `PCT-${s}`,
      name: 'Improved',
      unit: 'percent',
      decimals: 2,
      direction: 'up',
      periodType: 'fiscal_quarter',
    });
    await as.editorA.put(`/measures/${pct.id}/observations/FY2024-25-Q1`, {
      numerator: 9,
      denominator: 13,
    });
    const num = await as.editorA.post(`/programs/${w.programA.id}/measures`, {
      code: `NUM-${s}`,
      name: 'Score',
      unit: 'number',
      direction: 'up',
      periodType: 'fiscal_quarter',
    });
    await as.editorA.put(`/measures/${num.id}/observations/FY2024-25-Q1`, { value: 12.3456789 });
    for (const layout of ['long', 'wide']) {
      const { rows } = await csv(
        as.editorA,
        'observations.csv',
        `?organizationId=${w.orgA.id}&layout=${layout}`,
      );
      const cell = (code: string) => {
        const row = rows.find(
          (r) =>
            r.measure_code === code &&
            (r.breakdown ?? '') === '' &&
            (layout === 'wide' || r.period === 'FY2024-25-Q1'),
        );
        return layout === 'wide' ? row?.['FY2024-25-Q1'] : row?.value;
      };
      expect(cell(pct.code)).toBe('69.2308'); // 9/13 × 100, 2 decimals + 2
      expect(cell(num.code)).toBe('12.3456789'); // stored, however many decimals
    }
    const long = await csv(as.editorA, 'observations.csv', `?measureId=${pct.id}`);
    expect(long.rows[0]).toMatchObject({ value: '69.2308', numerator: '9', denominator: '13' });

    // A collective roll-up of two agencies' parts: (6 + 1) / (10 + 3) × 100 = 53.846…
    const shared = await as.coordinator.post(`/tables/${w.table.id}/shared-measures`, {
      code: `COL-${s}`,
      name: 'Collective',
      unit: 'percent',
      direction: 'up',
      periodType: 'fiscal_quarter',
    });
    for (const [who, program, n, d] of [
      [as.editorA, w.programA, 6, 10],
      [as.editorB, w.programB, 1, 3],
    ] as const) {
      const c = await who.post(`/programs/${program.id}/measures`, {
        code: `C-${s}`,
        name: 'Part',
        unit: 'percent',
        direction: 'up',
        periodType: 'fiscal_quarter',
        sharedMeasureId: shared.id,
      });
      await who.put(`/measures/${c.id}/observations/FY2024-25-Q1`, {
        numerator: n,
        denominator: d,
      });
    }
    const { rows } = await csv(
      as.admin,
      'scorecard.csv',
      `?tableId=${w.table.id}&period=FY2024-25-Q1`,
    );
    expect(
      rows.find((r) => r.section === 'shared_measure' && r.measure_code === shared.code),
    ).toMatchObject({
      value: '53.846',
      numerator: '7',
      denominator: '13',
    });
  });
});

describe('dimension values', () => {
  it('come in their defined order in breakdown lines and in both CSV layouts, on either path', async () => {
    const ages = ['0_5', '6_11', '12_17', '18_24'];
    const age = await as.coordinator.post('/dimensions', {
      code: `age_${s}`,
      name: 'Age group',
      values: ages.map((code) => ({ code, label: code.replace('_', '–') })),
    });
    const sex = await as.coordinator.post('/dimensions', {
      code: `sex_${s}`,
      name: 'Sex',
      values: [
        { code: 'm', label: 'Male' },
        { code: 'f', label: 'Female' },
      ],
    });
    const m = await as.editorA.post(`/programs/${w.programA.id}/measures`, {
      code: `AGE-${s}`,
      name: 'By age',
      unit: 'count',
      direction: 'up',
      periodType: 'fiscal_quarter',
      dimensions: [age.code, sex.code],
    });
    const put = (period: string, value: number, breakdown?: Record<string, string>) =>
      as.editorA.put(`/measures/${m.id}/observations/${period}`, {
        value,
        ...(breakdown ? { breakdown } : {}),
      });
    for (const period of ['FY2024-25-Q1', 'FY2024-25-Q2']) {
      await put(period, 100);
      // Entered out of order, and so that text order would differ from the defined one.
      for (const code of ['18_24', '12_17', '6_11', '0_5'])
        await put(period, 10, { [age.code]: code });
      for (const code of ['f', 'm']) await put(period, 40, { [sex.code]: code });
      for (const code of ['12_17', '0_5'])
        await put(period, 5, { [age.code]: code, [sex.code]: 'f' });
      await put(period, 5, { [age.code]: '0_5', [sex.code]: 'm' });
    }
    const order = [
      '',
      ...ages.map((a) => `${age.code}=${a}`),
      `${sex.code}=m`,
      `${sex.code}=f`,
      `${age.code}=0_5;${sex.code}=m`,
      `${age.code}=0_5;${sex.code}=f`,
      `${age.code}=12_17;${sex.code}=f`,
    ];
    const series = await as.editorA.get(`/measures/${m.id}/series`);
    expect(['', ...series.breakdowns.map((b: { key: string }) => b.key)]).toEqual(order);
    const wide = await csv(as.editorA, 'observations.csv', `?measureId=${m.id}&layout=wide`);
    expect(wide.rows.map((r) => r.breakdown)).toEqual(order);
    // The default path (COPY on PostgreSQL) and the batch path (CRLF forces it) agree.
    const viaDefault = await csv(as.editorA, 'observations.csv', `?measureId=${m.id}`);
    const viaBatches = await csv(as.editorA, 'observations.csv', `?measureId=${m.id}&crlf=true`);
    expect(viaDefault.text).toBe(viaBatches.text.replaceAll('\r\n', '\n'));
    expect(viaDefault.rows.map((r) => [r.period, r.breakdown])).toEqual(
      ['FY2024-25-Q1', 'FY2024-25-Q2'].flatMap((p) => order.map((k) => [p, k])),
    );
  });
});
