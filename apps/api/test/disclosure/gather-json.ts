// Reading the JSON answers (scorecards and series) as sightings: each point, latest and
// breakdown point, and what a latest reveals besides itself through its target and baseline.
import type { Knowledge, Sighting } from './gather.js';

// biome-ignore lint/suspicious/noExplicitAny: responses are read loosely, as an attacker would
type Json = any;

/** The canonical breakdown key of a breakdown object. */
export function keyOf(b: Record<string, string> | null | undefined): string {
  if (!b) return '';
  return Object.keys(b)
    .sort()
    .map((k) => `${k}=${b[k]}`)
    .join(';');
}

export const EXACT = (v: number) => 1e-9 * Math.max(1, Math.abs(v));

/** What the scorecards show of the agencies and measures, for the requests that follow. */
export interface Seen {
  orgCodes: Map<string, string>;
  orgIds: Set<string>;
  seenIds: Set<string>;
  contributionsOf: Map<string, Set<string>>;
}

/** The readers of JSON answers, adding to `k` and `seen`. */
export function jsonReaders(k: Knowledge, seen: Seen) {
  const { orgCodes, orgIds, seenIds, contributionsOf } = seen;

  const see = (s: Omit<Sighting, 'tolerance'> & { tolerance?: number }) => {
    k.sightings.push({
      ...s,
      tolerance: s.tolerance ?? (typeof s.shown === 'number' ? EXACT(s.shown) : 0),
    });
  };

  /** A point, `latest`, or a breakdown point: { period, value, numerator, denominator, suppressed }. */
  function point(measureId: string, key: string, p: Json, source: string) {
    if (!p || typeof p.period !== 'string') return;
    if (p.suppressed === true) {
      see({ measureId, period: p.period, key, field: 'cell', shown: 'suppressed', source });
      return;
    }
    for (const field of ['value', 'numerator', 'denominator'] as const) {
      const v = p[field];
      if (typeof v === 'number') see({ measureId, period: p.period, key, field, shown: v, source });
    }
  }

  /**
   * What `latest` reveals besides itself: its target variance and percent of target (with the
   * target), and its change from the baseline (with the baseline's value): in points of a
   * percent or a rate, relative otherwise, as `changeUnit` says. `rounded` is the half-width of
   * the rounding of the computed figures read (the scorecard CSV's decimals + 2; 0 in JSON).
   */
  function derivedFromLatest(measureId: string, latest: LatestLike, source: string, rounded = 0) {
    if (!latest.period) return;
    const out: { v: number; how: string; slack: number }[] = [];
    const T = latest.target;
    if (T !== null && T !== 0) {
      if (latest.variance !== null)
        out.push({
          v: T + latest.variance * Math.abs(T),
          how: 'target variance',
          slack: rounded * Math.abs(T),
        });
      if (latest.percentOfTarget !== null)
        out.push({
          v: (latest.percentOfTarget * T) / 100,
          how: 'percent of target',
          slack: (rounded * Math.abs(T)) / 100,
        });
    }
    const B = latest.baselineValue;
    const c = latest.baselineChange;
    if (B !== null && c !== null && latest.changeUnit === 'points') {
      out.push({ v: B + c, how: 'baseline change in points', slack: 2 * rounded });
    } else if (B !== null && B !== 0 && c !== null) {
      out.push({
        v: B + c * Math.abs(B),
        how: 'baseline change',
        slack: rounded * (1 + Math.abs(c) + Math.abs(B)),
      });
    }
    for (const { v, how, slack } of out) {
      see({
        measureId,
        period: latest.period,
        key: '',
        field: 'value',
        shown: v,
        tolerance: slack + 1e-6 * Math.max(1, Math.abs(v)),
        source: `${source} (${how})`,
      });
    }
  }

  function summary(s: Json, source: string, organization?: Json) {
    if (!s || typeof s.measureId !== 'string') return;
    const id: string = s.measureId;
    seenIds.add(id);
    if (organization?.id) {
      orgIds.add(organization.id);
      orgCodes.set(organization.id, organization.code);
    }
    const where = `${source} ${s.code ?? id}`;
    for (const p of s.points ?? []) point(id, '', p, `${where} points`);
    if (s.latest) point(id, '', s.latest, `${where} latest`);
    if (s.latest?.suppressed === true) {
      // CONTRACT.md "Reading": a suppressed latest has no target status, variance or change.
      const t = s.target ?? {};
      if (t.status !== undefined && t.status !== 'none')
        k.hygiene.push(`${where}: latest suppressed but target status "${t.status}"`);
      for (const [f, v] of [
        ['target.variance', t.variance],
        ['target.percentOfTarget', t.percentOfTarget],
        ['baseline.change', s.baseline?.change],
      ]) {
        if (v !== null && v !== undefined)
          k.hygiene.push(`${where}: latest suppressed but ${f} = ${v}`);
      }
    }
    if (s.latest) {
      derivedFromLatest(
        id,
        {
          period: s.latest.period,
          target: s.target?.value ?? null,
          variance: s.target?.variance ?? null,
          percentOfTarget: s.target?.percentOfTarget ?? null,
          baselineValue: s.baseline?.value ?? null,
          baselineChange: s.baseline?.change ?? null,
          changeUnit: s.baseline?.changeUnit ?? null,
        },
        where,
      );
    }
    for (const line of s.breakdowns ?? []) {
      const key = keyOf(line.breakdown);
      if (typeof line.key === 'string' && line.key !== key) {
        k.hygiene.push(`${where}: breakdown key "${line.key}" is not the canonical "${key}"`);
      }
      for (const p of line.points ?? []) point(id, key, p, `${where} breakdown ${key}`);
    }
  }

  function tableCard(card: Json, source: string) {
    if (typeof card.suppressionThreshold === 'number') {
      if (Number.isNaN(k.threshold) || card.suppressionThreshold > k.threshold)
        k.threshold = card.suppressionThreshold;
    }
    for (const r of card.results ?? []) {
      for (const s of r.indicators ?? []) summary(s, `${source} indicator`);
      for (const p of r.programs ?? []) {
        for (const s of p.measures ?? []) summary(s, `${source} program measure`, p.organization);
      }
    }
    for (const s of card.sharedMeasures ?? []) {
      summary(s, `${source} shared`);
      const set = contributionsOf.get(s.measureId) ?? new Set<string>();
      for (const c of s.contributions ?? []) {
        summary(c, `${source} contribution`, c.organization);
        set.add(c.measureId);
      }
      contributionsOf.set(s.measureId, set);
    }
  }

  function orgCard(card: Json, source: string) {
    if (card.organization?.id) orgCodes.set(card.organization.id, card.organization.code);
    for (const p of card.programs ?? []) {
      for (const s of p.measures ?? []) summary(s, `${source} program measure`, card.organization);
    }
  }

  return { see, derivedFromLatest, summary, tableCard, orgCard };
}

export interface LatestLike {
  period: string;
  target: number | null;
  variance: number | null;
  percentOfTarget: number | null;
  baselineValue: number | null;
  baselineChange: number | null;
  /** How the change reads: `points` (actual − baseline) or `relative`. */
  changeUnit: string | null;
}
