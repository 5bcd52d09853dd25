// The conformance test, around the whole API run: the global setup makes the directory the test
// files record their responses into (record.ts); the global teardown checks every one against the
// OpenAPI document (check.ts), prints the count, and fails the run on any mismatch.
//   CONFORMANCE_REPORT=file   also writes the closing line there (CI's summary reads it)
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildOpenApiDocument } from '../../support/openapi.js';
import { conformanceReportPath } from '../helpers/test-env.js';
import { checkResponses, type ResponseRecord } from './check.js';

let dir: string | undefined;

export function startConformance(): string {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rba-conformance-'));
  return dir;
}

function* records(from: string): Generator<ResponseRecord> {
  for (const file of readdirSync(from).filter((f) => f.endsWith('.jsonl'))) {
    for (const line of readFileSync(path.join(from, file), 'utf8').split('\n')) {
      if (line) yield JSON.parse(line) as ResponseRecord;
    }
  }
}

export async function finishConformance(): Promise<void> {
  if (!dir) return;
  const from = dir;
  dir = undefined;
  try {
    const doc = await buildOpenApiDocument();
    const result = checkResponses(doc, records(from));
    const operations = Object.values(doc.paths ?? {}).reduce(
      (n, item) => n + Object.keys(item).length,
      0,
    );
    const line =
      `conformance: ${result.checked} responses checked against the OpenAPI document ` +
      `(${result.byOperation.size} of ${operations} operations; ${result.skipped} outside it ` +
      `skipped), ${result.mismatches.length} mismatches`;
    process.stdout.write(`\n${line}\n`);
    if (conformanceReportPath) writeFileSync(conformanceReportPath, `${line}\n`);
    if (result.mismatches.length > 0) {
      const shown = [...new Set(result.mismatches)].slice(0, 60);
      process.stderr.write(
        `${result.mismatches.length} responses do not match the OpenAPI document:\n  ${shown.join('\n  ')}\n`,
      );
      // A teardown's exception is only logged by vitest: the exit code is what fails CI.
      process.exitCode = 1;
    }
  } finally {
    rmSync(from, { recursive: true, force: true });
  }
}
