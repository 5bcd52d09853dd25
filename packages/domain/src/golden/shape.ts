/** Reading the fields of a golden case (FORMAT.md) with a clear message when one is malformed. */
import type { Contribution } from '../aggregate.js';
import type { Direction } from '../direction.js';
import { DEFAULT_FISCAL_YEAR_START } from '../periods.js';
import type { SeriesPoint } from '../series.js';

/** The case itself is malformed (as opposed to the engine failing on a well-formed case). */
export class CaseShapeError extends Error {
  override name = 'CaseShapeError';
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  return JSON.stringify(value) ?? String(value);
}

export function objectAt(value: unknown, path: string): JsonObject {
  if (!isObject(value))
    throw new CaseShapeError(`${path} must be an object, got ${describe(value)}`);
  return value;
}

export function arrayAt(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value))
    throw new CaseShapeError(`${path} must be an array, got ${describe(value)}`);
  return value;
}

export function numberAt(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new CaseShapeError(`${path} must be a number, got ${describe(value)}`);
  }
  return value;
}

/** A number or null; absent reads as null. */
export function nullableNumberAt(value: unknown, path: string): number | null {
  return value === undefined || value === null ? null : numberAt(value, path);
}

export function stringAt(value: unknown, path: string): string {
  if (typeof value !== 'string')
    throw new CaseShapeError(`${path} must be a string, got ${describe(value)}`);
  return value;
}

export function oneOf<T extends string>(value: unknown, options: readonly T[], path: string): T {
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
    throw new CaseShapeError(
      `${path} must be one of ${options.join(', ')}, got ${describe(value)}`,
    );
  }
  return value as T;
}

export function directionOf(c: JsonObject): Direction {
  return oneOf(c.direction, ['up', 'down'] as const, 'direction');
}

export function fiscalYearStartOf(c: JsonObject): number {
  if (c.fiscalYearStart === undefined) return DEFAULT_FISCAL_YEAR_START;
  const value = numberAt(c.fiscalYearStart, 'fiscalYearStart');
  if (!Number.isInteger(value) || value < 1 || value > 12) {
    throw new CaseShapeError(`fiscalYearStart must be a month 1–12, got ${value}`);
  }
  return value;
}

export function contributionAt(value: unknown, path: string): Contribution {
  const input = objectAt(value, path);
  const contribution: {
    value?: number | null;
    numerator?: number | null;
    denominator?: number | null;
  } = {};
  for (const key of ['value', 'numerator', 'denominator'] as const) {
    if (input[key] !== undefined)
      contribution[key] = nullableNumberAt(input[key], `${path}.${key}`);
  }
  return contribution;
}

export function seriesAt(value: unknown): SeriesPoint[] {
  return arrayAt(value, 'series').map((item, i) => {
    const point = objectAt(item, `series[${i}]`);
    return {
      period: stringAt(point.period, `series[${i}].period`),
      value: nullableNumberAt(point.value, `series[${i}].value`),
    };
  });
}
