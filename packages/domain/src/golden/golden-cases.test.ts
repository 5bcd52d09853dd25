import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatGoldenResult, parseGoldenFile, runGoldenCases } from './runner.js';

// A copy of shared/golden/cases.json kept in the repository, so the suite runs in any
// clone; CI also runs `pnpm golden` on the shared file itself, which may have grown.
const FIXTURE = new URL('./fixtures/cases.json', import.meta.url);
const SHARED = new URL('../../../../../shared/golden/cases.json', import.meta.url);

describe('golden cases', () => {
  it('passes every case of the repository copy', () => {
    const cases = parseGoldenFile(readFileSync(FIXTURE, 'utf8'));
    const results = runGoldenCases(cases);
    expect(results.length).toBeGreaterThanOrEqual(103);
    expect(results.filter((r) => !r.passed).map(formatGoldenResult)).toEqual([]);
  });

  it.runIf(existsSync(SHARED))('passes every case of the shared file beside the checkout', () => {
    const results = runGoldenCases(parseGoldenFile(readFileSync(SHARED, 'utf8')));
    expect(results.filter((r) => !r.passed).map(formatGoldenResult)).toEqual([]);
  });
});
