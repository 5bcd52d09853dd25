/** Runs golden cases (FORMAT.md) through the engine and reports each as passed or failed. */
import { DomainError } from '../errors.js';
import { DEFAULT_TOLERANCE, mismatchedFields } from './compare.js';
import { CaseShapeError, evaluateCase, isCaseKind, isObject, type JsonObject } from './evaluate.js';

export interface GoldenResult {
  readonly id: string;
  readonly source: string;
  readonly passed: boolean;
  /** Why it failed: the mismatched fields, an engine error or a malformed case. */
  readonly detail: string | null;
}

/** A golden file that cannot be read as an array of cases. */
export class GoldenFileError extends Error {
  override name = 'GoldenFileError';
}

function json(value: unknown): string {
  return value === undefined ? '<missing>' : (JSON.stringify(value) ?? String(value));
}

function pick(record: JsonObject, keys: readonly string[]): string {
  return `{${keys.map((key) => `${JSON.stringify(key)}:${json(record[key])}`).join(',')}}`;
}

function describeError(error: unknown): string {
  if (error instanceof CaseShapeError) return `invalid case: ${error.message}`;
  if (error instanceof DomainError) return `error: ${error.message}`;
  // A bug in the engine: still one line, never a stack trace.
  return `internal error: ${error instanceof Error ? error.message : String(error)}`;
}

function tolerance(c: JsonObject): number {
  if (c.tolerance === undefined) return DEFAULT_TOLERANCE;
  if (typeof c.tolerance !== 'number' || !Number.isFinite(c.tolerance) || c.tolerance < 0) {
    throw new CaseShapeError(`tolerance must be a number ≥ 0, got ${json(c.tolerance)}`);
  }
  return c.tolerance;
}

function runCase(raw: unknown, position: number, seen: Set<string>): GoldenResult {
  if (!isObject(raw)) {
    return {
      id: `#${position + 1}`,
      source: '',
      passed: false,
      detail: `invalid case: a case must be an object, got ${json(raw)}`,
    };
  }
  const id = typeof raw.id === 'string' && raw.id !== '' ? raw.id : `#${position + 1}`;
  const source = typeof raw.source === 'string' ? raw.source : '';
  const fail = (detail: string): GoldenResult => ({ id, source, passed: false, detail });
  if (id !== raw.id)
    return fail(`invalid case: id must be a non-empty string, got ${json(raw.id)}`);
  if (seen.has(id)) return fail('invalid case: duplicate id');
  seen.add(id);
  if (!isObject(raw.expected)) {
    return fail(`invalid case: expected must be an object, got ${json(raw.expected)}`);
  }
  const expected = raw.expected;
  if (!isCaseKind(raw.kind)) return fail(`invalid case: unknown kind ${json(raw.kind)}`);
  let actual: JsonObject;
  let tol: number;
  try {
    tol = tolerance(raw);
    actual = evaluateCase(raw.kind, raw);
  } catch (error) {
    const keys = Object.keys(expected);
    return fail(`expected ${pick(expected, keys)} got ${describeError(error)}`);
  }
  const wrong = mismatchedFields(expected, actual, tol);
  if (wrong.length === 0) return { id, source, passed: true, detail: null };
  return fail(`expected ${pick(expected, wrong)} got ${pick(actual, wrong)}`);
}

/** Evaluates every case; never throws on a malformed case, which becomes a failure. */
export function runGoldenCases(cases: readonly unknown[]): GoldenResult[] {
  const seen = new Set<string>();
  return cases.map((raw, position) => runCase(raw, position, seen));
}

/** Reads the text of a golden file as an array of cases. */
export function parseGoldenFile(text: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new GoldenFileError(
      `not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (!Array.isArray(parsed)) {
    throw new GoldenFileError('expected a JSON array of cases');
  }
  return parsed;
}

/** `pass <id>`, or `FAIL <id> <source>: expected … got …`. */
export function formatGoldenResult(result: GoldenResult): string {
  if (result.passed) return `pass ${result.id}`;
  const source = result.source === '' ? '' : ` ${result.source}`;
  return `FAIL ${result.id}${source}: ${result.detail ?? 'failed'}`;
}

/** `N passed, M failed`. */
export function formatGoldenSummary(passed: number, failed: number): string {
  return `${passed} passed, ${failed} failed`;
}
