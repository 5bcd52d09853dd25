// Lints the OpenAPI document as an integrator would: redocly's recommended rules, on the document
// exactly as /api/v1/openapi.json serves it. Exits non-zero on any error (warnings are listed).
//   pnpm lint:openapi              OPENAPI_OUT=file keeps the document there
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument } from '../apps/api/support/openapi.js';

const api = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'apps', 'api');
const dir = mkdtempSync(path.join(os.tmpdir(), 'rba-openapi-'));
const file = process.env.OPENAPI_OUT ?? path.join(dir, 'openapi.json');
try {
  writeFileSync(file, `${JSON.stringify(await buildOpenApiDocument(), null, 2)}\n`);
  const lint = spawnSync(
    path.join(api, 'node_modules', '.bin', 'redocly'),
    ['lint', '--extends=recommended', '--format=stylish', file],
    { stdio: 'inherit' },
  );
  process.exitCode = lint.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
