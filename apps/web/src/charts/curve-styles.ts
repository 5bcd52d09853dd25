// The curve chart's line styles: each element is told apart by its dash pattern and marks, not
// its colour, so the chart survives a black-and-white printer.

export const curveStyles = {
  actual: { stroke: '#0b5cad', strokeWidth: 2.5 },
  target: { stroke: '#1b1f24', strokeWidth: 2, strokeDasharray: '2 4' },
  forecast: { stroke: '#5c6470', strokeWidth: 2, strokeDasharray: '8 5' },
  baseline: { stroke: '#1b1f24', strokeWidth: 1.5 },
  suppressed: { stroke: '#5c6470', strokeWidth: 1, strokeDasharray: '1 3' },
  band: { fill: '#0b5cad', fillOpacity: 0.14 },
  text: '#1b1f24',
  muted: '#4f5763',
  grid: '#d5dbe3',
} as const;
