// Writes docs/api.md's table of error codes from the catalogue in apps/api/src/errors.ts.
//   pnpm docs:errors
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withErrorCodes } from '../apps/api/support/error-codes-doc.js';

const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'api.md');
const before = readFileSync(file, 'utf8');
const after = withErrorCodes(before);
if (after !== before) writeFileSync(file, after);
console.log(
  after === before ? 'docs/api.md: error codes up to date' : 'docs/api.md: error codes written',
);
