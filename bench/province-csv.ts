// The CSV export and import figures of bench/csv.bench.ts, run as a child process within the
// province benchmark.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './harness.js';

export function runCsvBench(): unknown {
  let csv: unknown = null;
  // The CSV bench writes bench/results/csv.json, its own record: its figures are taken into
  // latest.json and its file is put back as it was.
  const csvFile = path.join(root, 'bench/results/csv.json');
  let kept: string | undefined;
  try {
    kept = readFileSync(csvFile, 'utf8');
  } catch {
    kept = undefined;
  }
  try {
    execFileSync(
      path.join(root, 'node_modules/.bin/tsx'),
      ['--conditions=development', 'bench/csv.bench.ts'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    csv = JSON.parse(readFileSync(csvFile, 'utf8'));
  } catch (err) {
    csv = { error: err instanceof Error ? err.message : String(err) };
  } finally {
    if (kept !== undefined) writeFileSync(csvFile, kept);
  }
  return csv;
}
