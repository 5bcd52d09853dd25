// What the network page says in words and colours: the trust bands of the colour scale, the
// organizations that bridge groups, the isolates, and the changes between two surveys.

import type { NetworkNode, SurveyNetwork } from '../../api/partnerships-api';

export type TrustBand = 'low' | 'mid' | 'good' | 'high';

/** The colour scale of trust received (1–4): orange for low, blue for high (colour-blind safe). */
export const trustColours: Record<TrustBand, string> = {
  low: '#a84300',
  mid: '#e8a66a',
  good: '#8bb4de',
  high: '#0b5cad',
};
export const trustBands: readonly TrustBand[] = ['low', 'mid', 'good', 'high'];
export const noRatingsColour = '#d5dbe3';

export function trustBand(trust: number): TrustBand {
  if (trust < 2) return 'low';
  if (trust < 2.5) return 'mid';
  if (trust < 3) return 'good';
  return 'high';
}

/** The ties' strokes by level (1–5): thicker and darker the closer the work. */
export function tieStyle(level: number): { stroke: string; strokeWidth: number } {
  const shades = ['#b8c0cc', '#98a2b0', '#6b7785', '#4f5763', '#1b1f24'];
  const index = Math.min(Math.max(Math.round(level), 1), 5) - 1;
  return { stroke: shades[index] ?? '#6b7785', strokeWidth: 1 + index * 1.1 };
}

/** The organizations that bridge otherwise separate groups: the highest betweenness, above 0. */
export function bridges(nodes: readonly NetworkNode[], count = 3): NetworkNode[] {
  const ranked = nodes
    .filter((n) => (n.betweenness ?? 0) > 0)
    .sort(
      (a, b) =>
        (b.betweenness ?? 0) - (a.betweenness ?? 0) ||
        a.organization.name.localeCompare(b.organization.name),
    );
  const top = ranked[0]?.betweenness ?? 0;
  // Those close to the highest: a small share of the paths does not make a bridge.
  return ranked.filter((n) => (n.betweenness ?? 0) >= top / 2).slice(0, count);
}

export function isolates(nodes: readonly NetworkNode[]): NetworkNode[] {
  return nodes
    .filter((n) => n.degree === 0)
    .sort((a, b) => a.organization.name.localeCompare(b.organization.name));
}

export function mostTies(nodes: readonly NetworkNode[]): NetworkNode[] {
  const top = Math.max(0, ...nodes.map((n) => n.degree));
  if (top === 0) return [];
  return nodes
    .filter((n) => n.degree === top)
    .sort((a, b) => a.organization.name.localeCompare(b.organization.name));
}

export type FigureKey =
  | 'responseRate'
  | 'density'
  | 'reciprocity'
  | 'meanTrust'
  | 'meanValue'
  | 'isolates';

export const figureKeys: readonly FigureKey[] = [
  'responseRate',
  'density',
  'reciprocity',
  'meanTrust',
  'meanValue',
  'isolates',
];

/** How a figure reads: a share (0–1, shown as a percentage), a 1–4 mean, or a count. */
export function figureKind(key: FigureKey): 'share' | 'mean' | 'count' {
  if (key === 'meanTrust' || key === 'meanValue') return 'mean';
  if (key === 'isolates') return 'count';
  return 'share';
}

export function figureOf(network: SurveyNetwork, key: FigureKey): number | null {
  const value = network[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
