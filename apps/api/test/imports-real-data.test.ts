// Real published files, imported through a mapping and read back equal to the file.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueSuffix } from '../support/factories.js';
import { buildWorld, type World } from '../support/world.js';
import { type Client, client } from './helpers/api.js';
import { createTestApp, type TestApp } from './helpers/app.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const statcanExtract = readFileSync(
  path.join(fixtures, 'statcan_13100096_youth_mental_health_extract.csv'),
);
const kidscountExtract = readFileSync(
  path.join(fixtures, 'kidscount_tx_child_poverty_extract.csv'),
);
// The whole published file, when the shared data folder sits beside the checkout (as in CI).
const statcanFull = path.resolve(
  fixtures,
  '../../../../../shared/data/statcan_13100096_health_indicators_by_age_sex_province_2015-2022.csv',
);
const kidscountFull = path.resolve(
  fixtures,
  '../../../../../shared/data/kidscount_tx_child_poverty_0-17_by_county_1989-2011.csv',
);

/** Rows of a simple CSV whose quoted fields hold no newlines, with the line each is on. */
function rowsOf(buf: Buffer): { line: number; cells: string[] }[] {
  const lines = buf.toString('utf8').split(/\r?\n/);
  return lines.slice(1).flatMap((l, i) => {
    if (l === '') return [];
    const cells = [...l.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)]
      .map((m) => m[1] ?? '')
      .map((c) => (c.startsWith('"') ? c.slice(1, -1).replace(/""/g, '"') : c));
    return [{ line: i + 2, cells: cells.slice(0, lines[0]?.split(',').length) }];
  });
}

/** A decimal fraction as a percentage, by moving the point: "0.243" → 24.3, exactly. */
function percentOf(fraction: string): number {
  const [int = '0', frac = ''] = fraction.split('.');
  const digits = `${int}${frac.padEnd(2, '0')}`;
  const at = int.length + 2;
  return Number(`${digits.slice(0, at)}.${digits.slice(at) || '0'}`);
}

let t: TestApp;
let w: World;
let coordinator: Client;

async function upload(c: string, csv: Buffer, mapping: unknown, query = '') {
  return t
    .http()
    .post(`/api/v1/imports${query}`)
    .set('authorization', c)
    .field('mapping', JSON.stringify(mapping))
    .attach('file', csv, 'data.csv');
}

let auth: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  auth = await t.login(w.users.coordinator.email, w.users.coordinator.password);
  coordinator = client(t, auth);
});
afterAll(async () => t.closeAll());

describe('Statistics Canada 13-10-0096-01: youth 12–17 with fair or poor perceived mental health', () => {
  const files = [
    { name: 'the extract', load: () => statcanExtract, present: true },
    {
      name: 'the whole file',
      load: () => readFileSync(statcanFull),
      present: existsSync(statcanFull),
    },
  ];
  it.each(files)(
    'imports Canada and Quebec by sex, skips and reports NA cells, and reads back equal ($name)',
    async ({ load, present }) => {
      if (!present) return; // the whole file is optional; the extract always runs
      const statcan = load();
      const s = uniqueSuffix();
      const sex = await coordinator.post('/dimensions', {
        code: `sex_${s}`,
        name: 'Sex',
        values: [
          { code: 'male', label: 'Males' },
          { code: 'female', label: 'Females' },
        ],
      });
      const measure = (code: string, name: string) =>
        coordinator.post(`/results/${w.result.id}/indicators`, {
          code,
          name,
          unit: 'percent',
          aggregation: 'mean',
          direction: 'down',
          periodType: 'year',
          dimensions: [sex.code],
        });
      const canada = await measure(`MH_CA_${s}`, 'Youth 12–17, fair/poor mental health (Canada)');
      const quebec = await measure(`MH_QC_${s}`, 'Youth 12–17, fair/poor mental health (Quebec)');
      const mappingFor = (measureId: string, geo: string) => ({
        mode: 'long',
        measureId,
        period: { column: 'REF_DATE', format: 'year' },
        value: { column: 'VALUE', scale: 1 },
        breakdown: {
          [sex.code]: {
            column: 'Sex',
            values: { 'Both sexes': null, Males: 'male', Females: 'female' },
          },
        },
        filters: [
          { column: 'GEO', equals: geo },
          { column: 'Age', equals: '12 to 17 years' },
          { column: 'Indicators', equals: 'Perceived mental health, fair or poor' },
        ],
        missing: ['NA'],
      });
      const rows = rowsOf(statcan);
      const wanted = (geo: string) =>
        rows.filter(
          (r) =>
            r.cells[1] === geo &&
            r.cells[2] === '12 to 17 years' &&
            r.cells[4] === 'Perceived mental health, fair or poor',
        );

      for (const [m, geo] of [
        [canada, 'Canada (excluding territories)'],
        [quebec, 'Quebec'],
      ] as const) {
        const expected = wanted(geo);
        const na = expected.filter((r) => r.cells[5] === 'NA');
        const dry = await upload(auth, statcan, mappingFor(m.id, geo));
        expect(dry.status).toBe(200);
        expect(dry.body).toMatchObject({
          rowsRead: rows.length,
          inserted: expected.length - na.length,
          updated: 0,
          unchanged: 0,
          rejected: [],
          committed: false,
          filtered: rows.length - expected.length,
        });
        expect(dry.body.skipped.map((x: { line: number }) => x.line)).toEqual(
          na.map((r) => r.line),
        );
        const done = await upload(auth, statcan, mappingFor(m.id, geo), '?commit=true');
        expect(done.status).toBe(200);
        expect(done.body).toMatchObject({ inserted: expected.length - na.length, committed: true });

        const stored = (await coordinator.get(`/measures/${m.id}/observations`)).items as {
          period: string;
          breakdown: Record<string, string>;
          value: number;
        }[];
        const read = stored
          .map((o) => `${o.period}|${o.breakdown[sex.code] ?? 'Both sexes'}|${o.value}`)
          .sort();
        const label: Record<string, string> = { male: 'Males', female: 'Females' };
        const file = expected
          .filter((r) => r.cells[5] !== 'NA')
          .map((r) => `${r.cells[0]}|${r.cells[3]}|${Number(r.cells[5])}`)
          .sort();
        expect(
          read.map((x) => x.replace(/\|(male|female)\|/, (_, k) => `|${label[k]}|`)).sort(),
        ).toEqual(file);
      }
      // Quebec's file has NA cells; they were skipped, not stored and not rejected.
      expect(wanted('Quebec').some((r) => r.cells[5] === 'NA')).toBe(true);
    },
  );
});

describe('KIDS COUNT: Texas children in poverty by county', () => {
  const files = [
    { name: 'the extract', load: () => kidscountExtract, present: true },
    {
      name: 'the whole file',
      load: () => readFileSync(kidscountFull),
      present: existsSync(kidscountFull),
    },
  ];
  it.each(files)(
    'imports the Percent rows ×100 with counties as a breakdown, years unsorted and missing ($name)',
    async ({ load, present }) => {
      if (!present) return; // the whole file is optional; the extract always runs
      const kidscount = load();
      const s = uniqueSuffix();
      const rows = rowsOf(kidscount);
      const counties = [...new Set(rows.map((r) => r.cells[0] as string))].filter(
        (c) => c !== 'Texas',
      );
      const code = (name: string) => name.toLowerCase().replace(/\s+/g, '_');
      const county = await coordinator.post('/dimensions', {
        code: `tx_county_${s}`,
        name: 'Texas county',
        values: counties.map((c) => ({ code: code(c), label: c })),
      });
      const m = await coordinator.post(`/results/${w.result.id}/indicators`, {
        code: `TX_POV_${s}`,
        name: 'Children 0–17 in poverty (%)',
        unit: 'percent',
        aggregation: 'mean',
        direction: 'down',
        periodType: 'year',
        dimensions: [county.code],
      });
      const mapping = {
        mode: 'long',
        measureId: m.id,
        period: { column: 'TimeFrame', format: 'year' },
        value: { column: 'Data', scale: 100 },
        breakdown: {
          [county.code]: {
            column: 'Location',
            values: Object.fromEntries([['Texas', null], ...counties.map((c) => [c, code(c)])]),
          },
        },
        filters: [{ column: 'DataFormat', equals: 'Percent' }],
      };
      const percent = rows.filter((r) => r.cells[2] === 'Percent');
      const res = await upload(auth, kidscount, mapping, '?commit=true');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        rowsRead: rows.length,
        inserted: percent.length,
        rejected: [],
        skipped: [],
        filtered: rows.length - percent.length,
        committed: true,
      });
      const stored = (await coordinator.get(`/measures/${m.id}/observations`)).items as {
        period: string;
        breakdown: Record<string, string>;
        value: number;
      }[];
      const byName = new Map(counties.map((c) => [code(c), c]));
      const read = stored
        .map((o) => {
          const where = o.breakdown[county.code];
          return `${where ? byName.get(where) : 'Texas'}|${o.period}|${o.value}`;
        })
        .sort();
      const file = percent
        .map((r) => `${r.cells[0]}|${r.cells[1]}|${percentOf(r.cells[3] as string)}`)
        .sort();
      expect(read).toEqual(file);
      // Missing years stay missing: 1990 was never published.
      expect(stored.some((o) => o.period === '1990')).toBe(false);
      expect(stored.filter((o) => o.breakdown[county.code] === undefined)).toHaveLength(18);

      // The same file again changes nothing.
      const again = await upload(auth, kidscount, mapping, '?commit=true');
      expect(again.body).toMatchObject({ inserted: 0, updated: 0, unchanged: percent.length });
    },
  );
});
