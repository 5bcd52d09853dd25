// A survey's ratings as the domain's network input, and the network as each caller may see it.
// Every figure comes from @rba/domain; this module only chooses what is shown.
import { aggregate } from '@rba/domain';
import { DEFAULT_MIN_LEVEL, type NetworkFigures, networkFigures } from '@rba/domain/network';
import type { PartnershipNetwork, SurveyOrganization } from '@rba/schema';
import type { RatingRow } from './partnerships.repository.js';

/** The minimum level that makes a tie, for every survey (CONTRACT.md: minLevel 1). */
export const MIN_LEVEL = DEFAULT_MIN_LEVEL;

export const trustItems = (r: RatingRow) =>
  r.level === 0 || r.trust_1 === null ? null : [r.trust_1, r.trust_2, r.trust_3].map(Number);
export const valueItems = (r: RatingRow) =>
  r.level === 0 || r.value_1 === null ? null : [r.value_1, r.value_2, r.value_3].map(Number);

/** A rating's trust or value: the mean of its three items (null when not given). */
function itemMean(items: number[] | null): number | null {
  if (items === null) return null;
  return aggregate(
    items.map((value) => ({ value })),
    { unit: 'number', rule: 'mean' },
  ).value;
}

/** FORMAT.md "network" of the survey's agencies and ratings. */
export function surveyFigures(nodes: readonly string[], ratings: readonly RatingRow[]) {
  return networkFigures({
    nodes,
    minLevel: MIN_LEVEL,
    ratings: ratings.map((r) => ({
      from: r.from_organization_id,
      to: r.to_organization_id,
      level: r.level,
      trust: itemMean(trustItems(r)),
      value: itemMean(valueItems(r)),
    })),
  });
}

/**
 * The network as a caller sees it. An agency's trust and value are shown only when at least
 * `minRespondents` agencies rated it at a tie's level (`suppressed` otherwise); restricted
 * callers get the network-level figures only. Ties carry who works with whom and how closely
 * (the higher level of the two directions), never a rating's trust or value.
 */
export function presentNetwork(
  partners: readonly SurveyOrganization[],
  ratings: readonly RatingRow[],
  figures: NetworkFigures,
  o: { responses: number; minRespondents: number; restricted: boolean },
): PartnershipNetwork {
  const raters = new Map<string, Set<string>>();
  const tieLevels = new Map<string, { a: string; b: string; level: number }>();
  for (const r of ratings) {
    if (r.level < MIN_LEVEL) continue;
    const set = raters.get(r.to_organization_id) ?? new Set<string>();
    set.add(r.from_organization_id);
    raters.set(r.to_organization_id, set);
    const [a, b] = [r.from_organization_id, r.to_organization_id].sort() as [string, string];
    const key = `${a}|${b}`;
    const tie = tieLevels.get(key);
    if (!tie || tie.level < r.level) tieLevels.set(key, { a, b, level: r.level });
  }
  const network = {
    responseRate: partners.length === 0 ? null : o.responses / partners.length,
    density: figures.density,
    reciprocity: figures.reciprocity,
    degreeCentralization: figures.degreeCentralization,
    meanTrust: figures.meanTrust,
    meanValue: figures.meanValue,
    isolates: figures.isolates,
  };
  if (o.restricted) return { ...network, nodes: [], ties: [] };
  const nodes = partners.map((organization) => {
    const f = figures.nodes[organization.id];
    const suppressed = (raters.get(organization.id)?.size ?? 0) < o.minRespondents;
    return {
      organization,
      degree: f?.degree ?? 0,
      betweenness: f?.betweenness ?? null,
      trust: suppressed ? null : (f?.trust ?? null),
      value: suppressed ? null : (f?.value ?? null),
      suppressed,
    };
  });
  const order = new Map(partners.map((p, i) => [p.id, i]));
  const ties = [...tieLevels.values()].sort(
    (x, y) =>
      (order.get(x.a) ?? 0) - (order.get(y.a) ?? 0) ||
      (order.get(x.b) ?? 0) - (order.get(y.b) ?? 0),
  );
  return { ...network, nodes, ties };
}
