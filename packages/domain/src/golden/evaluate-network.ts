/** Golden kind "network": how partners work together (FORMAT.md). */
import { type NetworkRating, networkFigures } from '../network.js';
import {
  arrayAt,
  type JsonObject,
  nullableNumberAt,
  numberAt,
  objectAt,
  stringAt,
} from './shape.js';

function ratingAt(value: unknown, path: string): NetworkRating {
  const rating = objectAt(value, path);
  return {
    from: stringAt(rating.from, `${path}.from`),
    to: stringAt(rating.to, `${path}.to`),
    level: numberAt(rating.level, `${path}.level`),
    trust: nullableNumberAt(rating.trust, `${path}.trust`),
    value: nullableNumberAt(rating.value, `${path}.value`),
  };
}

/**
 * The case's organizations, ratings and optional `minLevel`; the engine itself refuses unknown
 * nodes, self-ratings, levels outside 0–5 and a pair rated twice.
 */
export function evaluateNetwork(c: JsonObject): JsonObject {
  const result = networkFigures({
    nodes: arrayAt(c.nodes, 'nodes').map((node, i) => stringAt(node, `nodes[${i}]`)),
    ratings: arrayAt(c.ratings, 'ratings').map((item, i) => ratingAt(item, `ratings[${i}]`)),
    ...(c.minLevel === undefined ? {} : { minLevel: numberAt(c.minLevel, 'minLevel') }),
  });
  return {
    density: result.density,
    reciprocity: result.reciprocity,
    degreeCentralization: result.degreeCentralization,
    meanTrust: result.meanTrust,
    meanValue: result.meanValue,
    isolates: result.isolates,
    nodes: Object.fromEntries(Object.entries(result.nodes).map(([id, node]) => [id, { ...node }])),
  };
}
