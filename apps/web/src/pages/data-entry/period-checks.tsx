// A period's checks written for people: the measures still without a figure, and the figures that
// look far from the same cell's earlier quarters. Shown before submitting, and to the reviewer.
// They inform; nothing here stops a quarter being submitted.

import './period-checks.css';
import { useId } from 'react';
import type { EntryMeasure, EntrySheet, PeriodChecks } from '../../api/entry-api';
import { type Translate, useI18n } from '../../i18n/i18n-provider';
import { useFigureFormat } from './use-figure-format';

/** Whether the checks found anything to look at. */
export function hasFindings(checks: PeriodChecks): boolean {
  return checks.missing.length > 0 || checks.flagged.length > 0;
}

/** "2 figures are still empty; 1 figure looks wrong", or null when there is nothing. */
export function findingsSummary(t: Translate, checks: PeriodChecks): string | null {
  const parts = [missingTitle(t, checks.missing.length), flaggedTitle(t, checks.flagged.length)];
  const [missing, flagged] = parts;
  if (missing && flagged) return t('dataEntry.checks.both', { missing, flagged });
  return missing ?? flagged ?? null;
}

function missingTitle(t: Translate, count: number): string | null {
  if (count === 0) return null;
  return count === 1
    ? t('dataEntry.checks.missingOne')
    : t('dataEntry.checks.missingMany', { count });
}

function flaggedTitle(t: Translate, count: number): string | null {
  if (count === 0) return null;
  return count === 1
    ? t('dataEntry.checks.flaggedOne')
    : t('dataEntry.checks.flaggedMany', { count });
}

function measuresOf(sheet: EntrySheet): Map<string, EntryMeasure> {
  return new Map(sheet.programs.flatMap((p) => p.measures.map((m) => [m.id, m] as const)));
}

/** The breakdown cell's labels ("Girls"), from the measure's dimensions; codes when unknown. */
function breakdownLabels(measure: EntryMeasure | undefined, breakdown: Record<string, string>) {
  return Object.entries(breakdown).map(([dimension, value]) => {
    const d = measure?.dimensions.find((x) => x.code === dimension);
    return d?.values.find((v) => v.code === value)?.label ?? value;
  });
}

/** The lists of what the checks found, each under a heading (inside a section titled h2). */
export function CheckLists({ sheet, checks }: { sheet: EntrySheet; checks: PeriodChecks }) {
  const { t, formatNumber } = useI18n();
  const format = useFigureFormat();
  const idBase = useId();
  const measures = measuresOf(sheet);
  const missing = missingTitle(t, checks.missing.length);
  const flagged = flaggedTitle(t, checks.flagged.length);
  return (
    <>
      {missing ? (
        <div className="checks-group checks-missing">
          <h3 id={`${idBase}-missing`} className="checks-title">
            <span aria-hidden="true" className="checks-glyph">
              ○{' '}
            </span>
            {missing}
          </h3>
          <ul className="checks-list" aria-labelledby={`${idBase}-missing`}>
            {checks.missing.map((m) => (
              <li key={m.measureId}>{measures.get(m.measureId)?.name ?? m.code}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {flagged ? (
        <div className="checks-group checks-flagged">
          <h3 id={`${idBase}-flagged`} className="checks-title">
            <span aria-hidden="true" className="checks-glyph">
              ⚠{' '}
            </span>
            {flagged}
          </h3>
          <ul className="checks-list" aria-labelledby={`${idBase}-flagged`}>
            {checks.flagged.map((f) => {
              const measure = measures.get(f.measureId);
              const labels = breakdownLabels(measure, f.breakdown);
              const name = measure?.name ?? f.code;
              return (
                <li key={`${f.measureId}|${JSON.stringify(f.breakdown)}`}>
                  {t('dataEntry.checks.flaggedItem', {
                    name: labels.length > 0 ? `${name} (${labels.join(', ')})` : name,
                    value: measure ? format.value(measure, f.value) : formatNumber(f.value),
                  })}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </>
  );
}
