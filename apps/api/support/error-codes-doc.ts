// docs/api.md's table of error codes, generated from the catalogue in src/errors.ts: written by
// `pnpm docs:errors`, checked by test/error-codes-doc.test.ts.
import { errorCatalogue } from '../src/errors.js';

export const START =
  '<!-- error codes: generated from apps/api/src/errors.ts by `pnpm docs:errors` -->';
export const END = '<!-- end of error codes -->';

export function errorCodesTable(): string {
  const rows = errorCatalogue.map((d) => `| ${d.status} | \`${d.code}\` | ${d.when} |`);
  return [START, '', '| status | code | when |', '|---|---|---|', ...rows, '', END].join('\n');
}

/** The document with its generated table replaced by the current one. */
export function withErrorCodes(doc: string): string {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) {
    throw new Error(`docs/api.md has no generated table of error codes (${START} … ${END})`);
  }
  return doc.slice(0, start) + errorCodesTable() + doc.slice(end + END.length);
}
