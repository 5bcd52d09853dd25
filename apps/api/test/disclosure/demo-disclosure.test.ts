// The demo collaborative as its funder and its public link read it: every figure gathered,
// attacked with HiGHS (see disclosure-attack.test.ts), and no "< 5" anywhere. Prints how many
// figures are hidden, and how many a naive "hide the next smallest until it is safe" would hide.
import {
  type DisclosureProblem,
  familyProblem,
  hiddenRanges,
  isSmallCount,
  type MeasureCells,
  protectCells,
} from '@rba/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/demo-content.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { type AttackReport, attack, problems, summaryLine } from './attack.js';
import { gather, type Knowledge } from './gather.js';

let t: TestApp;
let knowledge: Knowledge;
let report: AttackReport;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db, { today: '2026-11-26' });
  const coordinator = await t.login('coordinator@northshire.example', DEMO_PASSWORD);
  const tables = await t.http().get('/api/v1/tables').set('authorization', coordinator);
  const tableId = tables.body.items[0].id as string;
  const link = await t
    .http()
    .post(`/api/v1/tables/${tableId}/public-links`)
    .set('authorization', coordinator)
    .send({ label: 'demo attack' });
  const funder = await t.login('funder@northshire.example', DEMO_PASSWORD);
  knowledge = await gather(t, { auth: funder, tableId, token: link.body.token });
  report = await attack(knowledge);
  console.log([summaryLine('the demo', t.engine, report), ...problems(report)].join('\n'));
}, 600_000);
afterAll(async () => t?.closeAll());

/** The safe pattern a naive rule reaches: hide the smallest shown figure until none is narrow. */
function naiveHidden(problem: DisclosureProblem, threshold: number): number {
  const hidden = new Set(
    problem.cells
      .filter((c) => c.published !== false && c.values.some((v) => isSmallCount(v, threshold)))
      .map((c) => c.key),
  );
  if (hidden.size === 0) return 0;
  for (;;) {
    const narrow = hiddenRanges(problem, hidden).some(
      (r) => r.range === null || r.range.max - r.range.min < threshold - 1e-6,
    );
    if (!narrow) return hidden.size;
    const next = problem.cells
      .filter((c) => c.published !== false && !hidden.has(c.key))
      .sort((a, b) => (a.values.at(-1) ?? 0) - (b.values.at(-1) ?? 0))[0];
    if (!next) return hidden.size;
    hidden.add(next.key);
  }
}

describe('the demo, read by its funder and its public link', () => {
  it('gives no hidden figure away, and calls no cell "< 5"', () => {
    expect(report.checked).toBeGreaterThan(0);
    expect(report.leaks).toEqual([]);
    expect(report.conflicts).toEqual([]);
    expect(report.shownAndSuppressed).toEqual([]);
    expect(knowledge.hygiene).toEqual([]);
    // Some agencies report the shared count without an age breakdown, so the collective total
    // is more than its age cells: the attacker keeps that as "total ≥ Σ age cells".
    expect(report.contradicted.length).toBe(report.wholeExceedsParts);
  });

  it('hides fewer figures than hiding the next smallest until safe would', async () => {
    const rows = await t.db
      .selectFrom('observations as o')
      .innerJoin('measures as m', 'm.id', 'o.measure_id')
      .select([
        'o.measure_id',
        'o.period_start',
        'o.breakdown',
        'o.value',
        'o.numerator',
        'o.denominator',
        'm.shared_measure_id',
        'm.unit',
        'm.aggregation',
      ])
      .where('o.status', '=', 'approved')
      .where((eb) =>
        eb.or([
          eb('m.unit', '=', 'count'),
          eb.and([eb('m.aggregation', '=', 'ratio'), eb('m.unit', 'in', ['percent', 'rate'])]),
        ]),
      )
      .execute();
    const problemsOf = new Map<string, { layers: number; measures: Map<string, MeasureCells> }>();
    for (const r of rows) {
      const family = r.shared_measure_id ?? r.measure_id;
      const key = `${family}|${r.period_start}`;
      const ratio = r.aggregation === 'ratio';
      let p = problemsOf.get(key);
      if (!p) {
        p = { layers: ratio ? 2 : 1, measures: new Map() };
        problemsOf.set(key, p);
      }
      let m = p.measures.get(r.measure_id);
      if (!m) {
        m = { id: r.measure_id, cells: new Map() };
        p.measures.set(r.measure_id, m);
      }
      (m.cells as Map<string, (number | null)[]>).set(
        r.breakdown,
        ratio ? [r.numerator, r.denominator] : [r.value],
      );
    }
    let ours = 0;
    let naive = 0;
    for (const [key, p] of problemsOf) {
      const contributions = [...p.measures.values()];
      const shared = rows.find((r) => `${r.shared_measure_id}|${r.period_start}` === key);
      const measures = shared
        ? [...contributions, collective(key, contributions, p.layers)]
        : contributions;
      const problem = familyProblem(p.layers, measures, shared ? key.split('|')[0] : undefined);
      ours += protectCells(problem, { threshold: 5 }).hidden.length;
      naive += naiveHidden(problem, 5);
    }
    console.log(
      `[disclosure] the demo's approved figures: ${ours} hidden by protectCells, ${naive} by hiding the next smallest until safe`,
    );
    expect(ours).toBeGreaterThan(0);
    expect(ours).toBeLessThanOrEqual(naive);
  });
});

/** A shared measure's collective cells: the sums of its contributions, cell by cell. */
function collective(key: string, contributions: MeasureCells[], layers: number): MeasureCells {
  const cells = new Map<string, (number | null)[]>();
  for (const c of contributions) {
    for (const [k, values] of c.cells) {
      const sum = cells.get(k) ?? Array.from({ length: layers }, () => null);
      cells.set(
        k,
        sum.map((s, l) => (values[l] === null ? s : (s ?? 0) + (values[l] as number))),
      );
    }
  }
  return { id: key.split('|')[0] as string, cells };
}
