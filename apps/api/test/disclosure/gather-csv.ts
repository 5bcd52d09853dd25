// Reading the CSV exports (long and wide observations, scorecards) as sightings, with the
// rounding each computed figure is written with.
import { parse } from 'csv-parse/sync';
import type { Knowledge, MeasureInfo } from './gather.js';
import { EXACT, type jsonReaders } from './gather-json.js';

type Readers = ReturnType<typeof jsonReaders>;

/** The readers of CSV answers; `place` finds the measure a row names (organization, code). */
export function csvReaders(
  k: Knowledge,
  { see, derivedFromLatest }: Pick<Readers, 'see' | 'derivedFromLatest'>,
  place: (org: string, code: string, where: string) => MeasureInfo | undefined,
) {
  function rowsOf(text: string): Record<string, string>[] {
    return parse(text, { columns: true, bom: true, skip_empty_lines: true, relax_quotes: false });
  }

  function numberOf(cell: string | undefined): number | null {
    if (cell === undefined || cell.trim() === '') return null;
    const n = Number(cell);
    return Number.isFinite(n) ? n : null;
  }

  function longCsv(text: string, source: string) {
    rowsOf(text).forEach((r, i) => {
      const m = place(r.organization_code ?? '', r.measure_code ?? '', source);
      if (!m) return;
      const where = `${source} line ${i + 2}`;
      const key = unquote(r.breakdown ?? '');
      const period = r.period ?? '';
      if (r.suppressed === 'true') {
        for (const f of ['value', 'numerator', 'denominator'] as const) {
          if ((r[f] ?? '') !== '') k.hygiene.push(`${where}: marked suppressed but ${f} = ${r[f]}`);
        }
        see({ measureId: m.id, period, key, field: 'cell', shown: 'suppressed', source: where });
        return;
      }
      if (r.suppressed !== 'false') k.hygiene.push(`${where}: suppressed is "${r.suppressed}"`);
      for (const f of ['value', 'numerator', 'denominator'] as const) {
        const v = numberOf(r[f]);
        if (v === null) continue;
        // A percentage computed from its parts is written rounded to decimals + 2.
        const tolerance =
          f === 'value' && m.aggregation === 'ratio'
            ? 0.5 * 10 ** -(m.decimals + 2) + EXACT(v)
            : EXACT(v);
        see({ measureId: m.id, period, key, field: f, shown: v, tolerance, source: where });
      }
    });
  }

  function wideCsv(text: string, source: string) {
    const rows = rowsOf(text);
    const header = parse(text, { bom: true, to_line: 1 })[0] as string[] | undefined;
    if (!header) return;
    const from = header.indexOf('breakdown') + 1;
    const to = header.indexOf('suppressed');
    const periods = header.slice(from, to);
    rows.forEach((r, i) => {
      const m = place(r.organization_code ?? '', r.measure_code ?? '', source);
      if (!m) return;
      const where = `${source} line ${i + 2}`;
      const key = unquote(r.breakdown ?? '');
      const hidden = new Set((r.suppressed ?? '').split(';').filter(Boolean));
      for (const h of hidden) {
        if (!periods.includes(h)) k.hygiene.push(`${where}: suppressed period ${h} has no column`);
      }
      for (const period of periods) {
        const cell = r[period] ?? '';
        if (hidden.has(period)) {
          if (cell !== '')
            k.hygiene.push(`${where}: ${period} marked suppressed but shows ${cell}`);
          see({ measureId: m.id, period, key, field: 'cell', shown: 'suppressed', source: where });
          continue;
        }
        const v = numberOf(cell);
        if (v === null) continue;
        const tolerance =
          m.aggregation === 'ratio' ? 0.5 * 10 ** -(m.decimals + 2) + EXACT(v) : EXACT(v);
        see({ measureId: m.id, period, key, field: 'value', shown: v, tolerance, source: where });
      }
    });
  }

  function scorecardCsv(text: string, source: string) {
    rowsOf(text).forEach((r, i) => {
      const tableLevel = r.section === 'indicator' || r.section === 'shared_measure';
      const m = place(tableLevel ? '' : (r.organization_code ?? ''), r.measure_code ?? '', source);
      if (!m || !r.period) return;
      const rounded = 0.5 * 10 ** -(m.decimals + 2);
      const where = `${source} line ${i + 2}`;
      if (r.suppressed === 'true') {
        for (const f of [
          'value',
          'numerator',
          'denominator',
          'variance',
          'percent_of_target',
          'baseline_change',
        ]) {
          if ((r[f] ?? '') !== '') k.hygiene.push(`${where}: marked suppressed but ${f} = ${r[f]}`);
        }
        see({
          measureId: m.id,
          period: r.period,
          key: '',
          field: 'cell',
          shown: 'suppressed',
          source: where,
        });
      } else {
        // Computed figures (a ratio's value, a collective figure and its parts) are written
        // rounded to decimals + 2; stored ones exactly.
        const computed = m.kind === 'shared' || m.aggregation === 'ratio';
        for (const f of ['value', 'numerator', 'denominator'] as const) {
          const v = numberOf(r[f]);
          if (v !== null) {
            const rounding = computed && (f === 'value' || m.kind === 'shared') ? rounded : 0;
            const tolerance = rounding + EXACT(v);
            see({
              measureId: m.id,
              period: r.period,
              key: '',
              field: f,
              shown: v,
              tolerance,
              source: where,
            });
          }
        }
      }
      derivedFromLatest(
        m.id,
        {
          period: r.period,
          target: numberOf(r.target),
          variance: numberOf(r.variance),
          percentOfTarget: numberOf(r.percent_of_target),
          baselineValue: numberOf(r.baseline_value),
          baselineChange: numberOf(r.baseline_change),
          changeUnit: r.baseline_change_unit ?? null,
        },
        where,
        rounded,
      );
    });
  }
  return { longCsv, wideCsv, scorecardCsv };
}

/** Undoes the CSV's formula neutralising of text cells. */
export function unquote(text: string): string {
  return text.length > 1 && text[0] === "'" && /^[=+\-@\t\r]/.test(text.slice(1))
    ? text.slice(1)
    : text;
}
