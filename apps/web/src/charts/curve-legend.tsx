// The curve chart's legend: only what the chart draws, each with its line or mark, the two
// projected lines and their 80% bands named in words a table member reads without help.

import { useI18n } from '../i18n/i18n-provider';
import { curveStyles as styles } from './curve-styles';

type SwatchKind = 'actual' | 'target' | 'baseline' | 'curve' | 'curveBand' | 'forecast' | 'band';

function Swatch({ kind }: { kind: SwatchKind }) {
  return (
    <svg
      className="curve-legend-swatch"
      width="30"
      height="14"
      viewBox="0 0 30 14"
      aria-hidden="true"
      focusable="false"
    >
      {kind === 'band' ? (
        <rect x="1" y="2" width="28" height="10" {...styles.band} />
      ) : kind === 'curveBand' ? (
        <>
          <rect x="1" y="2" width="28" height="10" fill="none" {...styles.curveHatch} />
          {[3, 9, 15, 21, 27].map((x) => (
            <line key={x} x1={x - 3} y1="12" x2={x + 3} y2="2" {...styles.curveHatch} />
          ))}
        </>
      ) : kind === 'baseline' ? (
        <line x1="15" y1="0" x2="15" y2="14" {...styles.baseline} />
      ) : kind === 'target' ? (
        <>
          <line x1="1" y1="7" x2="29" y2="7" {...styles.target} />
          <path d="M15 3L19 7L15 11L11 7Z" fill="#ffffff" stroke={styles.target.stroke} />
        </>
      ) : kind === 'forecast' || kind === 'curve' ? (
        <line x1="1" y1="7" x2="29" y2="7" {...styles[kind]} />
      ) : (
        <>
          <line x1="1" y1="7" x2="29" y2="7" {...styles.actual} />
          <circle cx="15" cy="7" r="3.5" fill={styles.actual.stroke} />
        </>
      )}
    </svg>
  );
}

export interface CurveLegendProps {
  target: boolean;
  /** The baseline period, when the chart marks one. */
  baseline: string | null;
  /** The curve we were on, and whether it has a band. */
  curve: boolean;
  curveBand: boolean;
  /** Where we are headed, and whether it has a band. */
  forecast: boolean;
  band: boolean;
  suppressed: boolean;
  underRevision: boolean;
}

export function CurveLegend(shown: CurveLegendProps) {
  const { t, periodName } = useI18n();
  const baseline = shown.baseline === null ? '' : periodName(shown.baseline);
  const swatches: [SwatchKind, boolean, string][] = [
    ['actual', true, t('chart.legend.actual')],
    ['target', shown.target, t('chart.legend.target')],
    ['baseline', shown.baseline !== null, t('chart.legend.baseline')],
    ['curve', shown.curve, t('chart.legend.baselineCurve', { period: baseline })],
    ['curveBand', shown.curveBand, t('chart.legend.curveBand')],
    ['forecast', shown.forecast, t('chart.legend.forecast')],
    ['band', shown.band, t('chart.legend.band')],
  ];
  // Marks drawn as text: the same glyph as beside every such figure, and what it means.
  const marks: [string, boolean, string, string][] = [
    ['suppressed', shown.suppressed, t('figures.value.suppressed'), t('chart.legend.suppressed')],
    ['revision', shown.underRevision, t('figures.revision.mark'), t('chart.legend.revision')],
  ];
  return (
    <ul className="curve-legend" aria-label={t('chart.legend.label')}>
      {swatches.map(([kind, on, label]) =>
        on ? (
          <li key={kind} className="curve-legend-item">
            <Swatch kind={kind} />
            {label}
          </li>
        ) : null,
      )}
      {marks.map(([key, on, mark, label]) =>
        on ? (
          <li key={key} className="curve-legend-item">
            <span className="curve-legend-mark" aria-hidden="true">
              {mark}
            </span>
            {label}
          </li>
        ) : null,
      )}
    </ul>
  );
}
