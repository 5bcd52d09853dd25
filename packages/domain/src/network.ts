/**
 * How partners work together: figures of a partnership survey in which each organization rates
 * the others it works with (level of collaboration, trust, value), as FORMAT.md "network"
 * defines them. A rating at or above `minLevel` is a directed tie; two organizations are tied when
 * either rated the other so, which makes an undirected graph (graphology) whose betweenness comes
 * from graphology-metrics.
 *
 * Imported as `@rba/domain/network`, not from the package's index: the web client bundles the
 * index, and has no use for a graph library.
 */
import { UndirectedGraph } from 'graphology';
import { centrality } from 'graphology-metrics';
import { InvalidInputError } from './errors.js';

/** One organization's view (`from`) of another (`to`). */
export interface NetworkRating {
  readonly from: string;
  readonly to: string;
  /** Level of collaboration, 0–5 (PARTNER-style surveys ask 0–4; 0 is "none"). */
  readonly level: number;
  /** How far `from` trusts `to`; null or absent when not answered. */
  readonly trust?: number | null;
  /** How much `from` values `to`; null or absent when not answered. */
  readonly value?: number | null;
}

export interface NetworkInput {
  /** The organizations, each once; every one counts, rated or not. */
  readonly nodes: readonly string[];
  /** At most one rating per ordered pair (from, to); nobody rates itself. */
  readonly ratings: readonly NetworkRating[];
  /** The lowest level that makes a tie, 0–5; default 1. */
  readonly minLevel?: number;
}

export interface NetworkNodeFigures {
  /** How many organizations it is tied to (either direction). */
  readonly degree: number;
  /**
   * Share of the shortest paths between other pairs passing through it (split evenly between
   * equal paths), normalised by (n − 1)(n − 2) / 2; null when n ≤ 2.
   */
  readonly betweenness: number | null;
  /** Mean trust of the ties it received, answered ones only; null when there are none. */
  readonly trust: number | null;
  /** Mean value of the ties it received, answered ones only; null when there are none. */
  readonly value: number | null;
}

export interface NetworkFigures {
  /** ties / (n(n − 1) / 2); null when n < 2. */
  readonly density: number | null;
  /** Share of directed ties whose reverse is also a tie; null when there is no directed tie. */
  readonly reciprocity: number | null;
  /** Freeman: Σ (max degree − degree) / ((n − 1)(n − 2)); null when n < 3. */
  readonly degreeCentralization: number | null;
  /** Mean trust over the directed ties, answered ones only; null when there are none. */
  readonly meanTrust: number | null;
  /** Mean value over the directed ties, answered ones only; null when there are none. */
  readonly meanValue: number | null;
  /** How many organizations have no tie. */
  readonly isolates: number;
  /** The organizations with no tie, in the order of `nodes`. */
  readonly isolateIds: readonly string[];
  /** Figures of each organization, keyed by its id. */
  readonly nodes: Readonly<Record<string, NetworkNodeFigures>>;
}

export const DEFAULT_MIN_LEVEL = 1;
/** The scale of `level` (and of `minLevel`). */
export const MAX_LEVEL = 5;

function checkLevel(level: unknown, what: string): number {
  if (typeof level !== 'number' || !Number.isFinite(level) || level < 0 || level > MAX_LEVEL) {
    throw new InvalidInputError(`${what} must be a number 0–${MAX_LEVEL}, got ${String(level)}`);
  }
  return level;
}

function checkAnswer(answer: unknown, what: string): number | null {
  if (answer === undefined || answer === null) return null;
  if (typeof answer !== 'number' || !Number.isFinite(answer)) {
    throw new InvalidInputError(`${what} must be a finite number or null, got ${String(answer)}`);
  }
  return answer;
}

/** Throws unless nodes are distinct ids and every rating is between two of them, once. */
function check(input: NetworkInput): void {
  if (!Array.isArray(input.nodes)) throw new InvalidInputError('Nodes must be an array');
  if (!Array.isArray(input.ratings)) throw new InvalidInputError('Ratings must be an array');
  const nodes = new Set<string>();
  for (const node of input.nodes) {
    if (typeof node !== 'string' || node === '') {
      throw new InvalidInputError(`A node must be a non-empty string, got ${String(node)}`);
    }
    if (nodes.has(node)) throw new InvalidInputError(`Node "${node}" is listed twice`);
    nodes.add(node);
  }
  const rated = new Map<string, Set<string>>();
  input.ratings.forEach((rating, i) => {
    if (typeof rating !== 'object' || rating === null) {
      throw new InvalidInputError(`Rating ${i} must be an object`);
    }
    const { from, to } = rating;
    for (const end of [from, to]) {
      if (typeof end !== 'string' || !nodes.has(end)) {
        throw new InvalidInputError(`Rating ${i} names an unknown node ${JSON.stringify(end)}`);
      }
    }
    if (from === to) throw new InvalidInputError(`Rating ${i}: "${from}" rates itself`);
    checkLevel(rating.level, `Rating ${i} level`);
    checkAnswer(rating.trust, `Rating ${i} trust`);
    checkAnswer(rating.value, `Rating ${i} value`);
    const targets = rated.get(from) ?? new Set<string>();
    if (targets.has(to)) {
      throw new InvalidInputError(`"${from}" rates "${to}" more than once (rating ${i})`);
    }
    targets.add(to);
    rated.set(from, targets);
  });
}

/** Mean of the answered (non-null) values; null when none is. */
function meanOfAnswered(values: readonly (number | null | undefined)[]): number | null {
  let sum = 0;
  let count = 0;
  for (const x of values) {
    if (x === null || x === undefined) continue;
    sum += x;
    count++;
  }
  return count === 0 ? null : sum / count;
}

/**
 * Every figure of FORMAT.md "network" for one survey. Ratings below `minLevel` count for nothing,
 * their trust and value included. Throws {@link InvalidInputError} on duplicate or empty node
 * ids, a rating naming an unknown node, a self-rating, a level or `minLevel` outside 0–5, a
 * trust or value that is not a finite number or null, or two ratings of the same (from, to).
 */
export function networkFigures(input: NetworkInput): NetworkFigures {
  check(input);
  const minLevel = checkLevel(input.minLevel ?? DEFAULT_MIN_LEVEL, 'minLevel');
  const { nodes } = input;
  const n = nodes.length;
  const ties = input.ratings.filter((rating) => rating.level >= minLevel);

  const graph = new UndirectedGraph();
  for (const node of nodes) graph.addNode(node);
  const tieTargets = new Map<string, Set<string>>();
  for (const { from, to } of ties) {
    graph.mergeEdge(from, to);
    const targets = tieTargets.get(from) ?? new Set<string>();
    targets.add(to);
    tieTargets.set(from, targets);
  }
  const reciprocated = ties.filter(({ from, to }) => tieTargets.get(to)?.has(from) === true);

  // graphology-metrics counts each undirected pair from both ends and, normalised, divides by
  // (n − 1)(n − 2): the same as FORMAT's pair count over (n − 1)(n − 2) / 2. It gives no scale
  // at n ≤ 2, where FORMAT says null.
  const betweenness =
    n < 3 ? null : centrality.betweenness(graph, { normalized: true, getEdgeWeight: null });

  const degrees = nodes.map((node) => graph.degree(node));
  const maxDegree = Math.max(0, ...degrees);
  const spread = degrees.reduce((sum, degree) => sum + (maxDegree - degree), 0);

  const received = new Map<string, NetworkRating[]>();
  for (const tie of ties) {
    const incoming = received.get(tie.to) ?? [];
    incoming.push(tie);
    received.set(tie.to, incoming);
  }

  const isolateIds = nodes.filter((_, i) => degrees[i] === 0);
  const figures = nodes.map((node, i): [string, NetworkNodeFigures] => {
    const incoming = received.get(node) ?? [];
    return [
      node,
      {
        degree: degrees[i] as number,
        betweenness: betweenness === null ? null : (betweenness[node] ?? 0),
        trust: meanOfAnswered(incoming.map((tie) => tie.trust)),
        value: meanOfAnswered(incoming.map((tie) => tie.value)),
      },
    ];
  });

  return {
    density: n < 2 ? null : graph.size / ((n * (n - 1)) / 2),
    reciprocity: ties.length === 0 ? null : reciprocated.length / ties.length,
    degreeCentralization: n < 3 ? null : spread / ((n - 1) * (n - 2)),
    meanTrust: meanOfAnswered(ties.map((tie) => tie.trust)),
    meanValue: meanOfAnswered(ties.map((tie) => tie.value)),
    isolates: isolateIds.length,
    isolateIds,
    nodes: Object.fromEntries(figures),
  };
}
