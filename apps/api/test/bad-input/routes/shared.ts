// What the bad-input table's areas share: field kinds and the cases of a route with a body.
import {
  type BadCase,
  type FieldKind,
  fieldCases,
  type Method,
  malformedBodies,
} from '../builders.js';

export type Body = Record<string, unknown>;

/** Generic malformed bodies, per-field mutations and extra cases for a route with a body. */
export function withBody(
  method: Method,
  path: string,
  valid: Body,
  fields: Record<string, FieldKind>,
  extra: BadCase[] = [],
): BadCase[] {
  return [
    ...malformedBodies(method, path, valid),
    ...fieldCases(method, path, valid, fields),
    ...extra,
  ];
}

export const text: FieldKind = { kind: 'text', required: true };
export const optionalText: FieldKind = { kind: 'text', nullable: true };
/** A text field a PATCH may leave out, but not blank. */
export const patchText: FieldKind = { kind: 'text', nonEmpty: true };
