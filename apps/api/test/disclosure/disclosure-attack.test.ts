// A hostile funder (and whoever holds the table's public link) gathers every figure the API
// serves it — scorecards, series with breakdowns, collective figures with their contributions,
// CSV exports, the public scorecard — writes the additive relations among them as a linear
// system, and for every suppressed cell asks HiGHS how narrowly it can be pinned down
// (CONTRACT.md "Restricted views that cannot be undone"). It judges only what is served, never
// how the server decided. See gather.ts (the reading) and attack.ts (the system).
//
// Each scenario prints one line: cells examined, suppressed cells checked, the narrowest range.
// The generated tables take DISCLOSURE_RUNS (default 25), DISCLOSURE_SEED (fixed by default),
// DISCLOSURE_PATH (replay one counterexample, as printed) and DISCLOSURE_SHRINK=1 (look for a
// smaller counterexample, up to five minutes).
// On PostgreSQL: TEST_DATABASE_URL=$(scripts/pg-test-server.sh start 55498) pnpm vitest run
// --project api apps/api/test/disclosure (set PG_TEST_DIR to keep other servers' data apart).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { type AttackReport, attack, formatRange, problems, summaryLine } from './attack.js';
import { gather, type Knowledge } from './gather.js';
import {
  buildScenario,
  consistentFigures,
  crossCells,
  type DimensionDef,
  type MeasureDef,
  type Scenario,
  type ScenarioDef,
} from './scenario.js';

const P1 = 'FY2024-25-Q1';
const P2 = 'FY2024-25-Q2';

async function runAttack(t: TestApp, s: Scenario) {
  const knowledge = await gather(t, { auth: s.funderAuth, tableId: s.tableId, token: s.token });
  return { knowledge, report: await attack(knowledge) };
}

function explain(name: string, t: TestApp, r: AttackReport): string {
  return [summaryLine(name, t.engine, r), ...problems(r)].join('\n');
}

/** One scenario: built once, attacked once, judged by the tests below. */
function attacked(name: string, def: () => ScenarioDef) {
  const state = {} as { t: TestApp; s: Scenario; k: Knowledge; r: AttackReport };
  beforeAll(async () => {
    state.t = await createTestApp();
    state.s = await buildScenario(state.t, def());
    const { knowledge, report } = await runAttack(state.t, state.s);
    state.k = knowledge;
    state.r = report;
    console.log(explain(name, state.t, report));
    if (knowledge.unplaced.length > 0) console.log('unplaced:', knowledge.unplaced);
  });
  afterAll(async () => state.t?.closeAll());
  return state;
}

describe('case A: a collective breakdown beside one agency’s own', () => {
  // Agency A: 40 served, by age 3 / 10 / 12 / 15. Agency B has nobody aged 6–11, so the
  // collective 6–11 cell is A's own 10; with A's total and its two large cells shown, the
  // hidden 3 is 40 − 10 − 12 − 15.
  const age: DimensionDef = { code: 'age_group', values: ['0_5', '6_11', '12_17', '18_24'] };
  const byAge = (total: number, cells: number[]) => [
    { period: P1, value: total },
    ...cells.map((value, i) => ({
      period: P1,
      breakdown: { age_group: age.values[i] as string },
      value,
    })),
  ];
  const s = attacked('case A', () => ({
    dimensions: [age],
    shared: [{ code: 'SERVED_ALL', kind: 'count', dimensions: ['age_group'] }],
    agencies: [
      {
        code: 'A',
        measures: [
          {
            code: 'SERVED',
            kind: 'count',
            dimensions: ['age_group'],
            shared: 'SERVED_ALL',
            figures: byAge(40, [3, 10, 12, 15]),
          },
        ],
      },
      {
        code: 'B',
        measures: [
          {
            code: 'SERVED',
            kind: 'count',
            dimensions: ['age_group'],
            shared: 'SERVED_ALL',
            figures: byAge(60, [20, 0, 25, 15]),
          },
        ],
      },
    ],
    approve: [P1],
  }));

  it('the attack has something to attack: the small cell is shown as suppressed', () => {
    expect(s.r.checked).toBeGreaterThan(0);
    const small = s.k.sightings.filter(
      (x) =>
        x.measureId === s.s.measures['A/SERVED'] && x.key === 'age_group=0_5' && x.period === P1,
    );
    expect(small.filter((x) => x.shown === 'suppressed').length).toBeGreaterThan(0);
    expect(small.filter((x) => x.shown === 3).map((x) => x.source)).toEqual([]);
  });

  it('no suppressed cell can be narrowed below the threshold, and the figures agree', () => {
    expect(problems(s.r), explain('case A', s.t, s.r)).toEqual([]);
  });

  it('restricted responses say nothing of why a cell is hidden, nor its value', () => {
    expect(s.k.hygiene).toEqual([]);
  });
});

describe('case B: a breakdown by age × gender', () => {
  // Total 30: girls 3, boys 27; ages 10 and 20; girls 1 and 2, boys 9 and 18. Hiding both
  // gender totals is not enough when the total, both age totals and the boys' cross cells show.
  const age: DimensionDef = { code: 'age_group', values: ['0_11', '12_17'] };
  const gender: DimensionDef = { code: 'gender', values: ['boys', 'girls'] };
  const s = attacked('case B', () => ({
    dimensions: [age, gender],
    shared: [],
    agencies: [
      {
        code: 'A',
        measures: [
          {
            code: 'SERVED',
            kind: 'count',
            dimensions: ['age_group', 'gender'],
            figures: consistentFigures(P1, [age, gender], 'count', [
              // cross cells in crossCells order: (0_11, boys), (0_11, girls), (12_17, boys), (12_17, girls)
              { value: 9 },
              { value: 1 },
              { value: 18 },
              { value: 2 },
            ]),
          },
        ],
      },
    ],
    approve: [P1],
  }));

  it('the attack has something to attack: the girls are shown as suppressed', () => {
    expect(s.r.checked).toBeGreaterThan(0);
    const girls = s.k.sightings.filter(
      (x) =>
        x.measureId === s.s.measures['A/SERVED'] &&
        x.key.includes('gender=girls') &&
        typeof x.shown === 'number' &&
        x.shown > 0 &&
        x.shown < s.r.threshold,
    );
    expect(girls.map((x) => `${x.key} ${x.shown} in ${x.source}`)).toEqual([]);
  });

  it('no suppressed cell can be narrowed below the threshold, and the figures agree', () => {
    expect(problems(s.r), explain('case B', s.t, s.r)).toEqual([]);
  });

  it('restricted responses say nothing of why a cell is hidden, nor its value', () => {
    expect(s.k.hygiene).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Generated tables.

type Mode = 'shared' | 'standalone' | 'none';
interface Generated {
  /** Number of values of each dimension. */
  dims: number[];
  periods: number;
  agencies: number;
  count: Mode;
  ratio: Mode;
  /** A count indicator of the table, with the same dimensions. */
  indicator: boolean;
  /** [agency][period][finest cell] */
  counts: number[][][];
  /** [period][finest cell] */
  indicators: number[][];
  ratios: { numerator: number; denominator: number }[][][];
}

/** Small cells (1–4) often, zeros, middling and large values. */
const figure = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 1, max: 4 }) },
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.integer({ min: 5, max: 20 }) },
  { weight: 1, arbitrary: fc.integer({ min: 21, max: 400 }) },
);
const ratioCell = fc
  .oneof(
    { weight: 5, arbitrary: fc.integer({ min: 1, max: 4 }) },
    { weight: 2, arbitrary: fc.integer({ min: 5, max: 20 }) },
    { weight: 1, arbitrary: fc.integer({ min: 21, max: 400 }) },
  )
  .chain((denominator) =>
    fc
      .oneof(
        { weight: 2, arbitrary: fc.integer({ min: 0, max: Math.min(4, denominator) }) },
        { weight: 2, arbitrary: fc.integer({ min: 0, max: denominator }) },
        { weight: 1, arbitrary: fc.constant(denominator) },
      )
      .map((numerator) => ({ numerator, denominator })),
  );

const grid = <T>(arb: fc.Arbitrary<T>, a: number, p: number, l: number) =>
  fc.array(
    fc.array(fc.array(arb, { minLength: l, maxLength: l }), { minLength: p, maxLength: p }),
    { minLength: a, maxLength: a },
  );

const generated: fc.Arbitrary<Generated> = fc
  .record({
    dims: fc.array(fc.integer({ min: 2, max: 3 }), { minLength: 0, maxLength: 2 }),
    periods: fc.integer({ min: 1, max: 2 }),
    agencies: fc.integer({ min: 1, max: 3 }),
    count: fc.constantFrom<Mode>('shared', 'shared', 'standalone', 'none'),
    ratio: fc.constantFrom<Mode>('shared', 'standalone', 'none', 'none'),
    indicator: fc.boolean(),
  })
  .filter((g) => g.count !== 'none' || g.ratio !== 'none')
  .chain((g) => {
    const leaves = g.dims.reduce((n, d) => n * d, 1);
    return fc
      .record({
        counts:
          g.count === 'none'
            ? fc.constant<number[][][]>([])
            : grid(figure, g.agencies, g.periods, leaves),
        ratios:
          g.ratio === 'none'
            ? fc.constant<Generated['ratios']>([])
            : grid(ratioCell, g.agencies, g.periods, leaves),
        indicators: g.indicator
          ? grid(figure, 1, g.periods, leaves).map((x) => x[0] ?? [])
          : fc.constant<number[][]>([]),
      })
      .map((f) => ({ ...g, ...f }));
  });

let generation = 0;
function scenarioOf(g: Generated): ScenarioDef {
  const run = ++generation;
  const dims: DimensionDef[] = g.dims.map((n, i) => ({
    code: `g${run}_d${i + 1}`,
    values: Array.from({ length: n }, (_, j) => `v${j + 1}`),
  }));
  const codes = dims.map((d) => d.code);
  const periods = [P1, P2].slice(0, g.periods);
  const shared: ScenarioDef['shared'] = [];
  if (g.count === 'shared') shared.push({ code: 'COUNT_ALL', kind: 'count', dimensions: codes });
  if (g.ratio === 'shared') shared.push({ code: 'PCT_ALL', kind: 'ratio', dimensions: codes });
  const agencies = Array.from({ length: g.agencies }, (_, a) => {
    const measures: MeasureDef[] = [];
    if (g.count !== 'none') {
      measures.push({
        code: 'COUNT',
        kind: 'count',
        dimensions: codes,
        ...(g.count === 'shared' ? { shared: 'COUNT_ALL' } : {}),
        figures: periods.flatMap((p, i) =>
          consistentFigures(
            p,
            dims,
            'count',
            (g.counts[a]?.[i] ?? []).map((value) => ({ value })),
          ),
        ),
      });
    }
    if (g.ratio !== 'none') {
      measures.push({
        code: 'PCT',
        kind: 'ratio',
        dimensions: codes,
        ...(g.ratio === 'shared' ? { shared: 'PCT_ALL' } : {}),
        figures: periods.flatMap((p, i) =>
          consistentFigures(p, dims, 'ratio', g.ratios[a]?.[i] ?? []),
        ),
      });
    }
    return { code: String.fromCharCode(65 + a), measures };
  });
  const indicators: ScenarioDef['indicators'] = g.indicator
    ? [
        {
          code: 'IND_COUNT',
          kind: 'count',
          dimensions: codes,
          figures: periods.flatMap((p, i) =>
            consistentFigures(
              p,
              dims,
              'count',
              (g.indicators[i] ?? []).map((value) => ({ value })),
            ),
          ),
        },
      ]
    : [];
  return { dimensions: dims, shared, indicators, agencies, approve: periods };
}

/** The generated table as a reader would want it: each agency's finest cells per period. */
function describeGenerated(g: Generated): string {
  const dims: DimensionDef[] = g.dims.map((n, i) => ({
    code: `d${i + 1}`,
    values: Array.from({ length: n }, (_, j) => `v${j + 1}`),
  }));
  const cells = crossCells(dims).map(
    (c) =>
      Object.entries(c)
        .map(([d, v]) => `${d}=${v}`)
        .join(';') || 'total',
  );
  const lines = [
    `dimensions ${JSON.stringify(g.dims)} (dN is gRUN_dN in the report below), ${g.periods} period(s), ${g.agencies} agenc(ies), count ${g.count}, ratio ${g.ratio}, indicator ${g.indicator}`,
  ];
  for (let p = 0; p < g.periods && g.indicator; p++) {
    const v = g.indicators[p] ?? [];
    lines.push(
      `  table ${[P1, P2][p]} IND_COUNT: ${cells.map((c, i) => `${c} ${v[i]}`).join(', ')}`,
    );
  }
  for (let a = 0; a < g.agencies; a++) {
    for (let p = 0; p < g.periods; p++) {
      const who = `${String.fromCharCode(65 + a)} ${[P1, P2][p]}`;
      if (g.count !== 'none') {
        const v = g.counts[a]?.[p] ?? [];
        lines.push(`  ${who} COUNT: ${cells.map((c, i) => `${c} ${v[i]}`).join(', ')}`);
      }
      if (g.ratio !== 'none') {
        const v = g.ratios[a]?.[p] ?? [];
        lines.push(
          `  ${who} PCT: ${cells.map((c, i) => `${c} ${v[i]?.numerator}/${v[i]?.denominator}`).join(', ')}`,
        );
      }
    }
  }
  return lines.join('\n');
}

describe('generated tables', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.closeAll());

  const runs = Number(process.env.DISCLOSURE_RUNS ?? 25);
  const seed = Number(process.env.DISCLOSURE_SEED ?? 20251205);
  const path = process.env.DISCLOSURE_PATH;
  const shrink = process.env.DISCLOSURE_SHRINK === '1';

  async function attackGenerated(g: Generated) {
    return (await runAttack(t, await buildScenario(t, scenarioOf(g)))).report;
  }

  it(`no generated table lets a suppressed cell be narrowed below the threshold (seed ${seed}, ${runs} runs)`, {
    timeout: 600_000,
  }, async () => {
    const totals = { runs: 0, cells: 0, checked: 0, requests: 0 };
    let narrowest: { text: string; width: number } | null = null;
    const started = Date.now();
    const result = await fc.check(
      fc.asyncProperty(generated, async (g) => {
        const report = await attackGenerated(g);
        totals.runs++;
        totals.cells += report.cells;
        totals.checked += report.checked;
        totals.requests += report.requests;
        if (report.narrowest && (!narrowest || report.narrowest.width < narrowest.width)) {
          narrowest = { text: formatRange(report.narrowest), width: report.narrowest.width };
        }
        const found = problems(report);
        if (found.length > 0) throw new Error(found.join('\n'));
      }),
      {
        seed,
        numRuns: runs,
        ...(path ? { path } : {}),
        // Without shrinking a failure costs one run; DISCLOSURE_SHRINK=1 looks for a smaller one.
        endOnFailure: !shrink,
        ...(shrink ? { skipAllAfterTimeLimit: 300_000 } : {}),
      },
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const n = narrowest as { text: string } | null;
    console.log(
      `[disclosure] generated tables on ${t.engine}: ${totals.runs} run(s) in ${seconds} s, ` +
        `${totals.cells} cells examined, ${totals.checked} suppressed cells checked, ` +
        `narrowest range ${n ? n.text : 'none'}` +
        (result.failed ? ` — FAILED after ${result.numRuns} run(s)` : ''),
    );
    let message = '';
    if (result.failed) {
      const g = result.counterexample?.[0] as Generated | undefined;
      // The counterexample once more, for its full report (the error alone may be a 500).
      let detail = String(result.errorInstance);
      if (g) {
        try {
          detail = explain('counterexample', t, await attackGenerated(g));
        } catch (err) {
          detail = `${detail}\n(again: ${String(err)})`;
        }
      }
      message = [
        `counterexample (replay: DISCLOSURE_SEED=${seed} DISCLOSURE_PATH=${result.counterexamplePath}):`,
        g ? describeGenerated(g) : '(none)',
        detail,
      ].join('\n');
      console.log(message);
    }
    expect(result.failed, message).toBe(false);
  });
});
