// A measure's history as a tiny line: gaps where a figure is missing or suppressed. Decorative
// (aria-hidden): the figures it draws are in the row's text and on the series page.

import './figures.css';

export interface SparkPoint {
  value: number | null;
  suppressed: boolean;
}

/** The polyline runs of a sparkline: consecutive drawable points, split at every gap. */
export function sparkRuns(
  points: readonly SparkPoint[],
  width: number,
  height: number,
  pad = 2,
): { x: number; y: number }[][] {
  const values = points.map((p) => (p.suppressed ? null : p.value));
  const shown = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (shown.length === 0) return [];
  const min = Math.min(...shown);
  const max = Math.max(...shown);
  const span = max - min;
  const step = points.length > 1 ? (width - 2 * pad) / (points.length - 1) : 0;
  const runs: { x: number; y: number }[][] = [];
  let run: { x: number; y: number }[] = [];
  values.forEach((value, index) => {
    if (value === null || !Number.isFinite(value)) {
      if (run.length > 0) runs.push(run);
      run = [];
      return;
    }
    const x = points.length > 1 ? pad + index * step : width / 2;
    // A flat history sits in the middle rather than on an edge.
    const y = span === 0 ? height / 2 : pad + (1 - (value - min) / span) * (height - 2 * pad);
    run.push({ x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 });
  });
  if (run.length > 0) runs.push(run);
  return runs;
}

export function Sparkline({
  points,
  width = 96,
  height = 24,
}: {
  points: readonly SparkPoint[];
  width?: number;
  height?: number;
}) {
  const runs = sparkRuns(points, width, height);
  const last = runs.at(-1)?.at(-1);
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      aria-hidden="true"
      focusable="false"
    >
      {runs.map((run) =>
        run.length === 1 ? (
          <circle
            key={`${run[0]?.x}`}
            cx={run[0]?.x}
            cy={run[0]?.y}
            r={1.5}
            className="sparkline-dot"
          />
        ) : (
          <polyline
            key={`${run[0]?.x}`}
            points={run.map((p) => `${p.x},${p.y}`).join(' ')}
            className="sparkline-line"
          />
        ),
      )}
      {last ? <circle cx={last.x} cy={last.y} r={2} className="sparkline-last" /> : null}
    </svg>
  );
}
