import { describe, expect, it } from 'vitest';
import {
  formatGoldenResult,
  formatGoldenSummary,
  GoldenFileError,
  parseGoldenFile,
  runGoldenCases,
} from './runner.js';

const target = {
  id: 't-1',
  kind: 'target',
  source: 'test',
  direction: 'up',
  actual: 92,
  target: 100,
  expected: { variance: -0.08, percentOfTarget: 92, status: 'near' },
};

describe('runGoldenCases', () => {
  it('passes a case whose listed fields match', () => {
    expect(runGoldenCases([target])).toEqual([
      { id: 't-1', source: 'test', passed: true, detail: null },
    ]);
  });

  it('reports the mismatched fields with expected and actual values', () => {
    const [result] = runGoldenCases([{ ...target, expected: { variance: -0.07, status: 'near' } }]);
    expect(result?.passed).toBe(false);
    expect(result && formatGoldenResult(result)).toBe(
      'FAIL t-1 test: expected {"variance":-0.07} got {"variance":-0.08}',
    );
  });

  it('honours a case tolerance', () => {
    const loose = { ...target, tolerance: 0.2, expected: { variance: -0.07 } };
    expect(runGoldenCases([loose])[0]?.passed).toBe(true);
  });

  it('fails an unknown kind rather than skipping it', () => {
    const [result] = runGoldenCases([{ id: 'k', kind: 'median', source: 's', expected: {} }]);
    expect(result?.passed).toBe(false);
    expect(result?.detail).toMatch(/unknown kind "median"/);
  });

  it('fails an expected field the engine does not produce', () => {
    const [result] = runGoldenCases([{ ...target, expected: { slope: 1 } }]);
    expect(result?.detail).toBe('expected {"slope":1} got {"slope":<missing>}');
  });

  it('turns malformed cases into failures, not exceptions', () => {
    const results = runGoldenCases([
      42,
      { kind: 'target', expected: {} },
      { ...target, id: 'e', expected: 'near' },
      { ...target, id: 'a', actual: '92' },
      { ...target, id: 'tol', tolerance: -1 },
      { ...target, id: 'a' },
      { ...target, id: 'l', kind: 'aggregate', unit: 'count', rule: 'latest', inputs: [] },
    ]);
    expect(results.map((r) => r.passed)).toEqual([false, false, false, false, false, false, false]);
    expect(results.map((r) => r.detail)).toEqual([
      'invalid case: a case must be an object, got 42',
      'invalid case: id must be a non-empty string, got <missing>',
      'invalid case: expected must be an object, got "near"',
      'expected {"variance":-0.08,"percentOfTarget":92,"status":"near"} got invalid case: actual must be a number, got "92"',
      expect.stringMatching(/got invalid case: tolerance must be a number ≥ 0, got -1$/),
      'invalid case: duplicate id',
      expect.stringMatching(/got error: Rule "latest" combines periods/),
    ]);
  });

  it('reports a period error from the engine as an error, not a crash', () => {
    const [result] = runGoldenCases([
      { id: 'p', kind: 'period', source: 's', op: 'parse', input: 'FY2025', expected: {} },
    ]);
    expect(result?.detail).toMatch(/^expected \{\} got error: "FY2025" is ambiguous/);
  });

  it('evaluates every period op', () => {
    const results = runGoldenCases([
      { id: '1', kind: 'period', op: 'parse', input: '2025-Q1', expected: { type: 'quarter' } },
      {
        id: '2',
        kind: 'period',
        op: 'next',
        input: 'FY2025',
        fiscalYearStart: 1,
        expected: { label: 'FY2026' },
      },
      { id: '3', kind: 'period', op: 'previous', input: '2025-01', expected: { label: '2024-12' } },
      {
        id: '4',
        kind: 'period',
        op: 'contains',
        input: { period: '2025-Q1', date: '2025-04-01' },
        expected: { contains: false },
      },
      {
        id: '5',
        kind: 'period',
        op: 'label',
        input: { date: '2025-04-01', type: 'fiscal_quarter' },
        fiscalYearStart: 4,
        expected: { label: 'FY2025-26-Q1' },
      },
      { id: '6', kind: 'period', op: 'rewind', input: '2025', expected: {} },
    ]);
    expect(results.map((r) => r.passed)).toEqual([true, true, true, true, true, false]);
  });
});

describe('curve kinds', () => {
  const series = [
    { period: '2022-Q1', value: 5 },
    { period: '2022-Q2', value: 9 },
    { period: '2022-Q3', value: 8 },
  ];

  it('evaluates forecast with an interval, baseline_forecast and change', () => {
    const results = runGoldenCases([
      {
        id: 'f',
        kind: 'forecast',
        series,
        horizon: 1,
        interval: 0.8,
        expected: {
          points: [
            { period: '2022-Q4', value: 10.3333333333, low: -1.1365160039, high: 21.8031826706 },
          ],
        },
      },
      {
        id: 'b',
        kind: 'baseline_forecast',
        series,
        baseline: '2022-Q2',
        horizon: 1,
        interval: 0.8,
        expected: {
          points: [
            { period: '2022-Q3', value: 13, low: null, high: null },
            { period: '2022-Q4', value: 17, low: null, high: null },
          ],
        },
      },
      {
        id: 'c',
        kind: 'change',
        unit: 'rate',
        direction: 'down',
        baseline: 5.2,
        actual: 7,
        expected: { change: 1.8, changeUnit: 'points', favorable: false },
      },
    ]);
    expect(results.filter((r) => !r.passed).map(formatGoldenResult)).toEqual([]);
  });

  it('fails a malformed interval, baseline or unit as an invalid case', () => {
    const results = runGoldenCases([
      { id: '1', kind: 'forecast', series, horizon: 1, interval: 80, expected: {} },
      { id: '2', kind: 'baseline_forecast', series, baseline: 2022, horizon: 1, expected: {} },
      { id: '3', kind: 'change', direction: 'up', baseline: 1, actual: 2, expected: {} },
    ]);
    expect(results.map((r) => r.detail)).toEqual([
      'expected {} got invalid case: interval must be strictly between 0 and 1, got 80',
      'expected {} got invalid case: baseline must be a string, got 2022',
      'expected {} got invalid case: unit must be a string, got nothing',
    ]);
  });
});

describe('network kind', () => {
  const network = {
    id: 'n',
    kind: 'network',
    nodes: ['a', 'b', 'c'],
    ratings: [
      { from: 'a', to: 'b', level: 2, trust: 3, value: 2 },
      { from: 'c', to: 'b', level: 1, trust: null, value: 4 },
    ],
    expected: {
      density: 0.666666666667,
      isolates: 0,
      nodes: { b: { degree: 2, betweenness: 1, trust: 3, value: 3 } },
    },
  };

  it('checks only the organizations a case lists', () => {
    expect(runGoldenCases([network]).map(formatGoldenResult)).toEqual(['pass n']);
  });

  it('fails an organization the engine does not know, or a wrong nested figure', () => {
    const results = runGoldenCases([
      { ...network, id: '1', expected: { nodes: { z: { degree: 0 } } } },
      { ...network, id: '2', expected: { nodes: { a: { degree: 2 } } } },
    ]);
    expect(results.map((r) => r.detail)).toEqual([
      expect.stringMatching(/^expected \{"nodes":\{"z":\{"degree":0\}\}\} got \{"nodes":\{"a":/),
      expect.stringMatching(/^expected \{"nodes":\{"a":\{"degree":2\}\}\} got /),
    ]);
  });

  it('fails a malformed network case as an invalid case, and bad ratings as an engine error', () => {
    const rating = network.ratings[0];
    const results = runGoldenCases([
      { ...network, id: '1', nodes: 'a,b,c', expected: {} },
      { ...network, id: '2', ratings: [{ ...rating, level: 'high' }], expected: {} },
      { ...network, id: '3', ratings: [{ ...rating, trust: '3' }], expected: {} },
      { ...network, id: '4', minLevel: '1', expected: {} },
      { ...network, id: '5', ratings: [42], expected: {} },
      { ...network, id: '6', ratings: [{ ...rating, to: 'x' }], expected: {} },
      { ...network, id: '7', ratings: [rating, rating], expected: {} },
    ]);
    expect(results.map((r) => r.detail)).toEqual([
      'expected {} got invalid case: nodes must be an array, got "a,b,c"',
      'expected {} got invalid case: ratings[0].level must be a number, got "high"',
      'expected {} got invalid case: ratings[0].trust must be a number, got "3"',
      'expected {} got invalid case: minLevel must be a number, got "1"',
      'expected {} got invalid case: ratings[0] must be an object, got 42',
      'expected {} got error: Rating 0 names an unknown node "x"',
      'expected {} got error: "a" rates "b" more than once (rating 1)',
    ]);
  });
});

describe('parseGoldenFile', () => {
  it('reads an array of cases', () => {
    expect(parseGoldenFile('[{"id":"a"}]')).toEqual([{ id: 'a' }]);
  });

  it('rejects text that is not JSON or not an array', () => {
    expect(() => parseGoldenFile('[{')).toThrow(GoldenFileError);
    expect(() => parseGoldenFile('{"id":"a"}')).toThrow(/JSON array of cases/);
  });
});

describe('formatting', () => {
  it('prints pass lines and the summary line', () => {
    expect(formatGoldenResult({ id: 'a-1', source: 's', passed: true, detail: null })).toBe(
      'pass a-1',
    );
    expect(formatGoldenSummary(103, 0)).toBe('103 passed, 0 failed');
  });
});
