// The breakdown lines of a measure (by age group, gender, region…): a legend of checkboxes turns
// each line on and off; every figure is also in the table beneath. Lines differ by dash and
// mark as well as colour, so they survive a black-and-white printer.

import type { Unit } from '@rba/schema';
import { useId, useMemo, useState } from 'react';
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import { FigureValue } from '../../components/figures/figure-value';
import { fallbackLang, NameText } from '../../components/name-text';
import { useI18n } from '../../i18n/i18n-provider';
import { formatMeasureValue } from '../../i18n/measure-value';
import { langText, useRichMessage } from '../../i18n/rich-message';
import { type BreakdownLine, type BreakdownRow, chartDatum, totalKey } from './breakdown-rows';

/** Okabe–Ito colours (colour-blind safe), darkened where needed for contrast on white. */
const palette = ['#0b5cad', '#a84300', '#00734f', '#8a3b73', '#1b1f24', '#7a5c00', '#3d6fa3'];
const dashes = ['', '6 3', '2 3', '8 3 2 3', '12 4', '4 4', '1 2'];

export function lineStyle(index: number) {
  return {
    stroke: palette[index % palette.length] ?? '#1b1f24',
    strokeDasharray: dashes[Math.floor(index / palette.length) % dashes.length] ?? '',
  };
}

function Swatch({ index }: { index: number }) {
  const style = lineStyle(index);
  return (
    <svg width="28" height="12" viewBox="0 0 28 12" aria-hidden="true" focusable="false">
      <line x1="1" y1="6" x2="27" y2="6" strokeWidth="2.5" {...style} />
      <circle cx="14" cy="6" r="3" fill={style.stroke} />
    </svg>
  );
}

export function BreakdownChart({
  name,
  nameFr,
  lines,
  rows,
  unit,
  decimals,
  width = 720,
  height = 260,
}: {
  name: string;
  /** The measure's stored French name (see NameText). */
  nameFr?: string | null | undefined;
  lines: readonly BreakdownLine[];
  rows: readonly BreakdownRow[];
  unit: Unit;
  decimals: number;
  width?: number;
  height?: number;
}) {
  const { t, locale, periodName } = useI18n();
  const rich = useRichMessage();
  const legendId = useId();
  const all = useMemo(
    () => [{ key: totalKey, label: t('series.breakdown.total'), labelFr: null }, ...lines],
    [lines, t],
  );
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const shown = all.filter((line) => !hidden.has(line.key));
  const data = useMemo(
    () =>
      rows.map((row) =>
        chartDatum(
          row,
          all.map((l) => l.key),
        ),
      ),
    [rows, all],
  );
  const formatTick = (value: number) => formatMeasureValue(locale, value, unit, decimals, 0);
  // The total is the page's own word; a breakdown's label may be the English fallback.
  const lineLang = (line: BreakdownLine) =>
    line.key === totalKey ? undefined : fallbackLang(locale, line.labelFr);

  const toggle = (key: string, on: boolean) =>
    setHidden((current) => {
      const next = new Set(current);
      if (on) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <figure className="breakdown-chart">
      <figcaption className="curve-chart-caption">
        {rich('series.breakdown.caption', { name: <NameText text={name} french={nameFr} /> })}
      </figcaption>
      <fieldset className="breakdown-legend" aria-describedby={legendId}>
        <legend>{t('series.breakdown.legend')}</legend>
        <p id={legendId} className="visually-hidden">
          {t('series.breakdown.legendHelp')}
        </p>
        {all.map((line, index) => (
          <label key={line.key} className="breakdown-toggle">
            <input
              type="checkbox"
              checked={!hidden.has(line.key)}
              onChange={(e) => toggle(line.key, e.target.checked)}
            />
            <Swatch index={index} />
            {langText(line.label, lineLang(line))}
          </label>
        ))}
      </fieldset>
      <div
        className="curve-chart-plot"
        role="img"
        aria-label={t('series.breakdown.summary', { name, count: shown.length })}
      >
        <LineChart
          width={width}
          height={height}
          data={data}
          margin={{ top: 16, right: 24, bottom: 8, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid vertical={false} stroke="#d5dbe3" />
          <XAxis
            dataKey="period"
            tickFormatter={periodName}
            tick={{ fill: '#1b1f24', fontSize: 12 }}
            tickLine={false}
          />
          <YAxis
            tickFormatter={formatTick}
            tick={{ fill: '#1b1f24', fontSize: 12 }}
            width={64}
            domain={[(min: number) => Math.min(0, min), 'auto']}
          />
          {all.map((line, index) =>
            hidden.has(line.key) ? null : (
              <Line
                key={line.key}
                dataKey={(d: Record<string, unknown>) => d[line.key] as number | null}
                name={line.label}
                type="linear"
                strokeWidth={line.key === totalKey ? 2.5 : 2}
                {...lineStyle(index)}
                dot={{ r: 3, fill: lineStyle(index).stroke, strokeWidth: 0 }}
                activeDot={false}
                connectNulls={false}
                isAnimationActive={false}
              />
            ),
          )}
        </LineChart>
      </div>
      <table className="data-table breakdown-table">
        <caption>{t('series.breakdown.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('series.table.period')}</th>
            {all.map((line) => (
              <th key={line.key} scope="col" className="number" lang={lineLang(line)}>
                {line.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.period}>
              <th scope="row">{periodName(row.period)}</th>
              {all.map((line) => {
                const cell = row.cells[line.key];
                return (
                  <td key={line.key} className="number">
                    <FigureValue figure={cell ?? null} unit={unit} decimals={decimals} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
