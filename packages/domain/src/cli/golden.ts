/**
 * `pnpm golden <file.json> [...]`: runs golden case files and exits non-zero if any case fails.
 * Relative paths resolve against the directory the user ran pnpm from (INIT_CWD), not this
 * package, so `pnpm golden ../shared/golden/cases.json` works from the repository root.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  formatGoldenResult,
  formatGoldenSummary,
  parseGoldenFile,
  runGoldenCases,
} from '../golden/runner.js';

function main(args: readonly string[]): number {
  if (args.length === 0) {
    process.stderr.write('usage: pnpm golden <file.json> [<file.json> ...]\n');
    return 2;
  }
  const base = process.env.INIT_CWD ?? process.cwd();
  let passed = 0;
  let failed = 0;
  for (const arg of args) {
    const path = resolve(base, arg);
    let cases: unknown[];
    try {
      cases = parseGoldenFile(readFileSync(path, 'utf8'));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      process.stdout.write(`FAIL ${arg}: cannot read golden file: ${reason}\n`);
      failed++;
      continue;
    }
    for (const result of runGoldenCases(cases)) {
      process.stdout.write(`${formatGoldenResult(result)}\n`);
      if (result.passed) passed++;
      else failed++;
    }
  }
  process.stdout.write(`${formatGoldenSummary(passed, failed)}\n`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
