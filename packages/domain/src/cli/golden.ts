/**
 * `pnpm golden [--kind K,K] <file.json> [...]`: runs golden case files and exits non-zero if any
 * case fails. `--kind` runs only the cases of those kinds (a file whose other kinds this engine
 * does not compute yet can still check the ones it does); the rest are counted as not run.
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

function main(argv: readonly string[]): number {
  const args = [...argv];
  let kinds: Set<string> | null = null;
  const at = args.indexOf('--kind');
  if (at >= 0) {
    kinds = new Set((args[at + 1] ?? '').split(',').filter(Boolean));
    args.splice(at, 2);
  }
  if (args.length === 0 || (kinds !== null && kinds.size === 0)) {
    process.stderr.write('usage: pnpm golden [--kind K,K] <file.json> [<file.json> ...]\n');
    return 2;
  }
  let skipped = 0;
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
    const chosen = cases.filter((c) => {
      const keep =
        kinds === null ||
        (typeof c === 'object' && c !== null && kinds.has(String((c as { kind?: unknown }).kind)));
      if (!keep) skipped++;
      return keep;
    });
    for (const result of runGoldenCases(chosen)) {
      process.stdout.write(`${formatGoldenResult(result)}\n`);
      if (result.passed) passed++;
      else failed++;
    }
  }
  process.stdout.write(`${formatGoldenSummary(passed, failed)}\n`);
  if (skipped > 0) process.stdout.write(`${skipped} cases of other kinds not run (--kind)\n`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
