// Where each organization sits in the drawing: a force layout (d3-force) run to rest once, before
// drawing, never animated. d3 places nodes on a phyllotaxis spiral before the first tick, so the
// same network always lands the same way. The result is fitted into the drawing's box.

import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';
import type { NetworkNode, NetworkTie } from '../../api/partnerships-api';

export interface PlacedNode {
  id: string;
  x: number;
  y: number;
  r: number;
  node: NetworkNode;
}

export interface PlacedTie {
  tie: NetworkTie;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Layout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  ties: PlacedTie[];
}

interface SimNode extends SimulationNodeDatum {
  id: string;
  r: number;
}

/** A circle's radius, by its number of ties: the area grows with the ties. */
export function nodeRadius(degree: number): number {
  return 7 + 4 * Math.sqrt(degree);
}

const ticks = 300;

export function layoutNetwork(
  nodes: readonly NetworkNode[],
  ties: readonly NetworkTie[],
  size: { width: number; height: number; margin: number } = {
    width: 640,
    height: 420,
    margin: 56,
  },
): Layout {
  const simNodes: SimNode[] = nodes.map((n) => ({
    id: n.organization.id,
    r: nodeRadius(n.degree),
  }));
  const known = new Set(simNodes.map((n) => n.id));
  const links: SimulationLinkDatum<SimNode>[] = ties
    .filter((tie) => known.has(tie.a) && known.has(tie.b))
    .map((tie) => ({ source: tie.a, target: tie.b }));

  const simulation = forceSimulation(simNodes)
    .force(
      'link',
      forceLink<SimNode, SimulationLinkDatum<SimNode>>(links)
        .id((n) => n.id)
        .distance(90),
    )
    .force('charge', forceManyBody().strength(-260))
    .force(
      'collide',
      forceCollide<SimNode>((n) => n.r + 14),
    )
    // Gentle pulls to the middle keep the isolates and separate groups in the box.
    .force('x', forceX(0).strength(0.06))
    .force('y', forceY(0).strength(0.09))
    .stop();
  simulation.tick(ticks);

  const { width, height, margin } = size;
  const xs = simNodes.map((n) => n.x ?? 0);
  const ys = simNodes.map((n) => n.y ?? 0);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  const spanX = maxX - minX || 1;
  const spanY = maxY - minY || 1;
  const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY, 1.6);
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  const at = new Map(
    simNodes.map((n) => [
      n.id,
      {
        x: simNodes.length === 1 ? width / 2 : offsetX + ((n.x ?? 0) - minX) * scale,
        y: simNodes.length === 1 ? height / 2 : offsetY + ((n.y ?? 0) - minY) * scale,
      },
    ]),
  );

  const placed: PlacedNode[] = nodes.map((node, index) => {
    const point = at.get(node.organization.id) ?? { x: width / 2, y: height / 2 };
    return { id: node.organization.id, ...point, r: simNodes[index]?.r ?? 7, node };
  });
  const placedTies: PlacedTie[] = ties.flatMap((tie) => {
    const a = at.get(tie.a);
    const b = at.get(tie.b);
    return a && b ? [{ tie, x1: a.x, y1: a.y, x2: b.x, y2: b.y }] : [];
  });
  return { width, height, nodes: placed, ties: placedTies };
}
