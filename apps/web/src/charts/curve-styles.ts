// The curve chart's line styles: each element is told apart by its dash pattern and marks, not
// its colour, so the chart survives a black-and-white printer. The two 80% bands differ the same
// way: the band of where we are headed is a flat tint, the curve we were on's is hatched.

export const curveStyles = {
  actual: { stroke: '#0b5cad', strokeWidth: 2.5 },
  target: { stroke: '#1b1f24', strokeWidth: 2, strokeDasharray: '2 4' },
  forecast: { stroke: '#5c6470', strokeWidth: 2, strokeDasharray: '8 5' },
  curve: { stroke: '#8a3b73', strokeWidth: 2, strokeDasharray: '12 4 2 4' },
  baseline: { stroke: '#1b1f24', strokeWidth: 1.5 },
  suppressed: { stroke: '#5c6470', strokeWidth: 1, strokeDasharray: '1 3' },
  band: { fill: '#5c6470', fillOpacity: 0.16 },
  /** The hatching of the curve we were on's band: its stroke, drawn in a pattern. */
  curveHatch: { stroke: '#8a3b73', strokeWidth: 1.2, strokeOpacity: 0.55 },
  text: '#1b1f24',
  muted: '#4f5763',
  grid: '#d5dbe3',
} as const;
