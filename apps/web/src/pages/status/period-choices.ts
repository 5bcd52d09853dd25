// The periods the status board offers: the current fiscal quarter (its default) and the seven
// before it, with every period a reporting calendar is defined for, newest first.

import { DEFAULT_FISCAL_YEAR_START, parsePeriod, periodContaining, shiftPeriod } from '@rba/domain';
import { utcDay } from '../home/due-days';

export interface PeriodChoice {
  label: string;
  start: string;
}

/** The fiscal quarter that holds `now` (its UTC day), as the server counts fiscal years. */
export function currentFiscalQuarter(now: Date, fiscalYearStart = DEFAULT_FISCAL_YEAR_START) {
  return periodContaining(utcDay(now), 'fiscal_quarter', fiscalYearStart);
}

function startOf(label: string, fiscalYearStart: number): string | null {
  try {
    return parsePeriod(label, fiscalYearStart).start;
  } catch {
    return null;
  }
}

export function periodChoices(
  current: string,
  defined: readonly { period: string; periodStart: string }[],
  fiscalYearStart = DEFAULT_FISCAL_YEAR_START,
): PeriodChoice[] {
  const choices = new Map<string, string>();
  for (let step = 0; step > -8; step--) {
    const label = shiftPeriod(current, step, fiscalYearStart);
    const start = startOf(label, fiscalYearStart);
    if (start) choices.set(label, start);
  }
  for (const p of defined) choices.set(p.period, p.periodStart);
  return [...choices]
    .map(([label, start]) => ({ label, start }))
    .sort((a, b) => b.start.localeCompare(a.start) || a.label.localeCompare(b.label));
}
