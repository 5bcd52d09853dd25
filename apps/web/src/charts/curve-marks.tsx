// The marks drawn at each point of the curve: a hollow diamond for a target, a dot for an actual,
// and for an actual under revision a hollow ring with "†" above it (shape and glyph, not colour).

import type { CurveRow } from './curve-rows';
import { curveStyles as styles } from './curve-styles';

interface DotProps {
  cx?: number | null;
  cy?: number | null;
  index?: number;
  payload?: Partial<CurveRow>;
}

/** Targets get a hollow diamond, so a lone target still shows and is not mistaken for an actual. */
export function TargetMark({ cx, cy }: DotProps) {
  if (cx == null || cy == null) return null;
  const r = 4.5;
  return (
    <path
      d={`M${cx} ${cy - r}L${cx + r} ${cy}L${cx} ${cy + r}L${cx - r} ${cy}Z`}
      fill="#ffffff"
      stroke={styles.target.stroke}
      strokeWidth={1.5}
    />
  );
}

/** An actual: a filled dot, or, under revision, a hollow ring marked with the page's "†". */
export function ActualMark({ cx, cy, payload, revisionMark }: DotProps & { revisionMark: string }) {
  if (cx == null || cy == null) return null;
  if (!payload?.underRevision) {
    // Recharts' own class for a line's dot: what the e2e tests count.
    return (
      <circle className="recharts-line-dot" cx={cx} cy={cy} r={4} fill={styles.actual.stroke} />
    );
  }
  return (
    <g className="curve-revision">
      <circle
        className="recharts-line-dot"
        cx={cx}
        cy={cy}
        r={5}
        fill="#ffffff"
        stroke={styles.actual.stroke}
        strokeWidth={2}
      />
      <text x={cx} y={cy - 9} textAnchor="middle" fill={styles.text} fontSize={14} fontWeight={700}>
        {revisionMark}
      </text>
    </g>
  );
}
