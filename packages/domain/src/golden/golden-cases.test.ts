import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isCaseKind } from './evaluate.js';
import { formatGoldenResult, parseGoldenFile, runGoldenCases } from './runner.js';

// Copies of shared/golden/cases.json and cases-2.json kept in the repository, so the suite runs
// in any clone; CI also runs `pnpm golden` on the shared files themselves, which may have grown.
const FIXTURE = new URL('./fixtures/cases.json', import.meta.url);
const FIXTURE_2 = new URL('./fixtures/cases-2.json', import.meta.url);
const SHARED = new URL('../../../../../shared/golden/cases.json', import.meta.url);
const SHARED_2 = new URL('../../../../../shared/golden/cases-2.json', import.meta.url);

/** The cases of a file whose kind this engine computes (the runner fails the others). */
function knownCases(url: URL): unknown[] {
  return parseGoldenFile(readFileSync(url, 'utf8')).filter(
    (c) => typeof c === 'object' && c !== null && isCaseKind((c as { kind?: unknown }).kind),
  );
}

describe('golden cases', () => {
  it('passes every case of the repository copy', () => {
    const cases = parseGoldenFile(readFileSync(FIXTURE, 'utf8'));
    const results = runGoldenCases(cases);
    expect(results.length).toBeGreaterThanOrEqual(103);
    expect(results.filter((r) => !r.passed).map(formatGoldenResult)).toEqual([]);
  });

  it('passes every case of a known kind in the copy of cases-2.json', () => {
    const cases = knownCases(FIXTURE_2);
    const kinds = new Set(cases.map((c) => (c as { kind: string }).kind));
    for (const kind of [
      'forecast',
      'baseline_forecast',
      'change',
      'outliers',
      'suppress',
      'network',
    ]) {
      expect(kinds).toContain(kind);
    }
    const results = runGoldenCases(cases);
    expect(results.length).toBeGreaterThanOrEqual(47);
    expect(results.filter((r) => !r.passed).map(formatGoldenResult)).toEqual([]);
  });

  it.runIf(existsSync(SHARED))('passes every case of the shared file beside the checkout', () => {
    const results = runGoldenCases(parseGoldenFile(readFileSync(SHARED, 'utf8')));
    expect(results.filter((r) => !r.passed).map(formatGoldenResult)).toEqual([]);
  });

  it.runIf(existsSync(SHARED_2))('passes every case of a known kind in shared cases-2.json', () => {
    const results = runGoldenCases(knownCases(SHARED_2));
    expect(results.filter((r) => !r.passed).map(formatGoldenResult)).toEqual([]);
  });
});
