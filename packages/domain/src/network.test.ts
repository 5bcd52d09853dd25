import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from './errors.js';
import { type NetworkRating, networkFigures } from './network.js';

/** A rating at level 2 with no trust or value answered. */
const tie = (from: string, to: string, level = 2): NetworkRating => ({ from, to, level });

describe('networkFigures', () => {
  it('computes the FORMAT.md example: a line a-b-c-d, only a-b reciprocated', () => {
    const r = networkFigures({
      nodes: ['a', 'b', 'c', 'd'],
      minLevel: 1,
      ratings: [
        { from: 'a', to: 'b', level: 3, trust: 4.0, value: 3.5 },
        { from: 'b', to: 'a', level: 2, trust: 3.5, value: 3.0 },
        { from: 'b', to: 'c', level: 1, trust: 2.0, value: 2.0 },
        { from: 'd', to: 'c', level: 2, trust: 3.0, value: 4.0 },
      ],
    });
    expect(r.density).toBe(0.5);
    expect(r.reciprocity).toBe(0.5);
    expect(r.degreeCentralization).toBeCloseTo(1 / 3, 12);
    expect(r.meanTrust).toBe(3.125);
    expect(r.meanValue).toBe(3.125);
    expect(r.isolates).toBe(0);
    expect(r.isolateIds).toEqual([]);
    expect(r.nodes.b?.degree).toBe(2);
    expect(r.nodes.b?.betweenness).toBeCloseTo(2 / 3, 12);
    expect(r.nodes.b).toMatchObject({ trust: 4.0, value: 3.5 });
    expect(r.nodes.c).toMatchObject({ degree: 2, trust: 2.5, value: 3.0 });
    expect(r.nodes.d).toEqual({ degree: 1, betweenness: 0, trust: null, value: null });
    expect(Object.keys(r.nodes)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('gives a star full centralization and its hub every shortest path', () => {
    const spokes = ['s1', 's2', 's3', 's4'];
    const r = networkFigures({
      nodes: ['hub', ...spokes],
      ratings: spokes.map((s) => ({ from: s, to: 'hub', level: 2, trust: 3, value: 2.5 })),
    });
    expect(r.density).toBe(0.4);
    expect(r.reciprocity).toBe(0);
    expect(r.degreeCentralization).toBe(1);
    expect(r.nodes.hub).toEqual({ degree: 4, betweenness: 1, trust: 3, value: 2.5 });
    for (const s of spokes) {
      expect(r.nodes[s]).toEqual({ degree: 1, betweenness: 0, trust: null, value: null });
    }
  });

  it('splits paths evenly where there are several (a 4-cycle)', () => {
    const r = networkFigures({
      nodes: ['a', 'b', 'c', 'd'],
      ratings: [tie('a', 'b'), tie('b', 'c'), tie('c', 'd'), tie('d', 'a')],
    });
    // a–c goes through b or d: half a path each, over (n − 1)(n − 2) / 2 = 3 pairs.
    for (const node of ['a', 'b', 'c', 'd']) expect(r.nodes[node]?.betweenness).toBeCloseTo(1 / 6);
    expect(r.degreeCentralization).toBe(0);
  });

  it('counts reciprocity over directed ties, a pair rated both ways counting twice', () => {
    const r = networkFigures({
      nodes: ['a', 'b', 'c'],
      ratings: [tie('a', 'b'), tie('b', 'a'), tie('b', 'c')],
    });
    expect(r.reciprocity).toBeCloseTo(2 / 3, 12);
    expect(r.density).toBeCloseTo(2 / 3, 12);
    const all = networkFigures({
      nodes: ['a', 'b', 'c'],
      ratings: [tie('a', 'b'), tie('b', 'a'), tie('b', 'c'), tie('c', 'b')],
    });
    expect(all.reciprocity).toBe(1);
  });

  it('ignores ratings below minLevel entirely, their trust and value included', () => {
    const ratings: NetworkRating[] = [
      { from: 'a', to: 'b', level: 4, trust: 4, value: 4 },
      { from: 'b', to: 'a', level: 3, trust: 3.5, value: 3 },
      { from: 'b', to: 'c', level: 2, trust: 1, value: 1 },
      { from: 'c', to: 'a', level: 0, trust: 1, value: 1 },
    ];
    const r = networkFigures({ nodes: ['a', 'b', 'c'], ratings, minLevel: 3 });
    expect(r.density).toBeCloseTo(1 / 3, 12);
    expect(r.reciprocity).toBe(1);
    expect(r.meanTrust).toBe(3.75);
    expect(r.nodes.a).toMatchObject({ degree: 1, trust: 3.5, value: 3 });
    expect(r.nodes.c).toEqual({ degree: 0, betweenness: 0, trust: null, value: null });
    expect(r.isolateIds).toEqual(['c']);
    // By default level 1 is a tie and level 0 is not; minLevel 0 makes every rating a tie.
    expect(networkFigures({ nodes: ['a', 'b', 'c'], ratings }).density).toBeCloseTo(2 / 3, 12);
    expect(networkFigures({ nodes: ['a', 'b', 'c'], ratings, minLevel: 0 }).density).toBe(1);
  });

  it('leaves unanswered trust and value out of the means', () => {
    const r = networkFigures({
      nodes: ['a', 'b', 'c'],
      ratings: [
        { from: 'a', to: 'b', level: 2, trust: null, value: 3 },
        { from: 'c', to: 'b', level: 2, value: 2 },
        { from: 'b', to: 'c', level: 2, trust: 4, value: null },
      ],
    });
    expect(r.meanTrust).toBe(4);
    expect(r.meanValue).toBe(2.5);
    expect(r.nodes.b).toMatchObject({ trust: null, value: 2.5 });
    expect(r.nodes.c).toMatchObject({ trust: 4, value: null });
  });

  it('gives null where a figure is not defined', () => {
    expect(networkFigures({ nodes: ['solo'], ratings: [] })).toEqual({
      density: null,
      reciprocity: null,
      degreeCentralization: null,
      meanTrust: null,
      meanValue: null,
      isolates: 1,
      isolateIds: ['solo'],
      nodes: { solo: { degree: 0, betweenness: null, trust: null, value: null } },
    });
    const pair = networkFigures({ nodes: ['a', 'b'], ratings: [tie('a', 'b')] });
    expect(pair).toMatchObject({ density: 1, reciprocity: 0, degreeCentralization: null });
    expect(pair.nodes.a?.betweenness).toBeNull();
    const none = networkFigures({ nodes: ['a', 'b', 'c', 'd'], ratings: [tie('a', 'b', 0)] });
    expect(none).toMatchObject({
      density: 0,
      reciprocity: null,
      degreeCentralization: 0,
      meanTrust: null,
      meanValue: null,
      isolates: 4,
    });
    expect(none.nodes.a?.betweenness).toBe(0);
    expect(networkFigures({ nodes: [], ratings: [] })).toMatchObject({
      density: null,
      isolates: 0,
      nodes: {},
    });
  });

  it('refuses ratings that break the survey', () => {
    const nodes = ['a', 'b'];
    const bad: NetworkRating[][] = [
      [tie('a', 'x')],
      [tie('x', 'a')],
      [tie('a', 'a')],
      [tie('a', 'b', -1)],
      [tie('a', 'b', 6)],
      [tie('a', 'b', Number.NaN)],
      [tie('a', 'b', 1), tie('a', 'b', 3)],
      [{ from: 'a', to: 'b', level: 2, trust: Number.POSITIVE_INFINITY }],
    ];
    for (const ratings of bad) {
      expect(() => networkFigures({ nodes, ratings })).toThrow(InvalidInputError);
    }
    expect(() => networkFigures({ nodes, ratings: [tie('a', 'x')] })).toThrow(/unknown node "x"/);
    expect(() => networkFigures({ nodes, ratings: [tie('b', 'b')] })).toThrow(/rates itself/);
    expect(() => networkFigures({ nodes: ['a', 'a'], ratings: [] })).toThrow(/listed twice/);
    expect(() => networkFigures({ nodes, ratings: [], minLevel: 7 })).toThrow(InvalidInputError);
    // A rating below minLevel is still checked: it is part of the survey.
    expect(() => networkFigures({ nodes, ratings: [tie('a', 'a', 0)] })).toThrow(/rates itself/);
  });
});

/** A survey of 1–8 organizations, each ordered pair rated at most once. */
const surveys = fc.integer({ min: 1, max: 8 }).chain((n) => {
  const nodes = Array.from({ length: n }, (_, i) => `org-${i}`);
  const pairs = nodes.flatMap((from) => nodes.filter((to) => to !== from).map((to) => [from, to]));
  return fc.record({
    nodes: fc.constant(nodes),
    minLevel: fc.integer({ min: 0, max: 5 }),
    ratings: fc.subarray(pairs).chain((chosen) =>
      fc.tuple(
        ...chosen.map(([from, to]) =>
          fc.record({
            from: fc.constant(from as string),
            to: fc.constant(to as string),
            level: fc.integer({ min: 0, max: 5 }),
            trust: fc.option(fc.integer({ min: 1, max: 4 })),
            value: fc.option(fc.integer({ min: 1, max: 4 })),
          }),
        ),
      ),
    ),
  });
});

describe('networkFigures properties', () => {
  it('keeps shares in [0, 1] and degrees consistent with density and isolates', () => {
    fc.assert(
      fc.property(surveys, (survey) => {
        const r = networkFigures(survey);
        const n = survey.nodes.length;
        const degrees = survey.nodes.map((node) => r.nodes[node]?.degree ?? -1);
        for (const share of [r.density, r.reciprocity, r.degreeCentralization]) {
          if (share !== null) expect(share).toBeGreaterThanOrEqual(0);
          if (share !== null) expect(share).toBeLessThanOrEqual(1 + 1e-12);
        }
        const ties = degrees.reduce((sum, d) => sum + d, 0) / 2;
        if (n >= 2) expect(r.density).toBeCloseTo(ties / ((n * (n - 1)) / 2), 12);
        expect(r.isolates).toBe(degrees.filter((d) => d === 0).length);
      }),
    );
  });

  it('gives a leaf or an isolate no betweenness, and every node at most 1', () => {
    fc.assert(
      fc.property(surveys, (survey) => {
        const r = networkFigures(survey);
        for (const node of survey.nodes) {
          const figures = r.nodes[node];
          if (figures === undefined || figures.betweenness === null) continue;
          if (figures.degree <= 1) expect(figures.betweenness).toBe(0);
          expect(figures.betweenness).toBeGreaterThanOrEqual(0);
          expect(figures.betweenness).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
    );
  });
});
