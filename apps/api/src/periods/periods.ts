// Period labels at the API edge: parsing them for a measure, and labelling stored dates.
import { DomainError, type PeriodType, parsePeriod, periodContaining } from '@rba/domain';
import { issue, ValidationError } from '../errors.js';

export interface ResolvedPeriod {
  label: string;
  type: PeriodType;
  start: string;
  end: string;
}

/** Parses a label; with `expected`, the label must be of that period type. */
export function resolvePeriod(
  label: string,
  fiscalYearStart: number,
  expected?: PeriodType,
): ResolvedPeriod {
  let p: ReturnType<typeof parsePeriod>;
  try {
    p = parsePeriod(label, fiscalYearStart);
  } catch (err) {
    throw new ValidationError(
      `${label} is not a period label (${err instanceof DomainError ? err.message : 'unreadable'})`,
      issue('', 'invalid_format', { format: 'period', value: label }),
    );
  }
  if (expected && p.type !== expected) {
    throw new ValidationError(
      `${label} is a ${p.type.replace('_', ' ')} but this measure is reported by ${expected.replace('_', ' ')}`,
      issue('', 'wrong_period_type', { periodType: p.type, expected: [expected], value: label }),
    );
  }
  return { label: p.label, type: p.type, start: p.start, end: p.end };
}

/** The label of the period of a type that starts on a stored date. */
export function labelOf(start: string, type: PeriodType, fiscalYearStart: number): string {
  return periodContaining(start, type, fiscalYearStart);
}
