// The benchmarks the province benchmark runs as child processes — bench/csv.bench.ts (CSV export
// and import against COPY), bench/replica.bench.ts (reads on a streaming replica) and
// bench/import-pglite.bench.ts (other users during a large import on PGlite) — each of which
// writes its own record under bench/results: its figures are taken into latest.json and its
// file is put back as it was.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './harness.js';

/** Runs `bench/<script>` and returns what it wrote to `bench/results/<record>`, or the error. */
export function runChildBench(script: string, record: string): unknown {
  const file = path.join(root, 'bench/results', record);
  let kept: string | undefined;
  try {
    kept = readFileSync(file, 'utf8');
  } catch {
    kept = undefined;
  }
  try {
    execFileSync(
      path.join(root, 'node_modules/.bin/tsx'),
      ['--conditions=development', path.join('bench', script)],
      { cwd: root, stdio: 'inherit' },
    );
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  } finally {
    if (kept !== undefined) writeFileSync(file, kept);
  }
}

export const runCsvBench = () => runChildBench('csv.bench.ts', 'csv.json');
export const runReplicaBench = () => runChildBench('replica.bench.ts', 'replica.json');
export const runImportPgliteBench = () =>
  runChildBench('import-pglite.bench.ts', 'import-pglite.json');
