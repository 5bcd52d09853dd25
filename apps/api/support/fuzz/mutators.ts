// Mutations of a valid request: wrong types, missing and extra fields, null, huge and deeply
// nested bodies, unicode edge cases, __proto__/constructor/prototype keys, overlong strings,
// numbers at the edges, wrong content types, malformed JSON and UTF-8, malformed path ids and
// periods, hostile query strings and tokens, and for imports malformed CSVs, mappings and
// multipart bodies. Each mutation edits a Draft and says what it did.
import type { Draft, Mutation } from './draft.js';
import { importMutation } from './import-mutators.js';
import { fieldMutation, wholeBody } from './json-body.js';
import { authMutation, contentType, pathParam, queryMutation } from './request-mutators.js';

export interface MutationSet {
  json: Mutation[];
  weights: [number, Mutation][];
}

/** The mutations for a route, weighted by what it takes. */
export function mutationsFor(d: Draft): [number, Mutation][] {
  const hasParams = Object.keys(d.params).length > 0;
  if (d.multipart) {
    return [
      [14, importMutation],
      [2, contentType],
      [2, queryMutation],
      [1, authMutation],
    ];
  }
  const hasBody = d.json !== undefined;
  return [
    [hasBody ? 12 : 0, fieldMutation],
    [hasBody ? 5 : 1, wholeBody],
    [2, contentType],
    [hasParams ? 4 : 0, pathParam],
    [1, queryMutation],
    [1, authMutation],
  ];
}
