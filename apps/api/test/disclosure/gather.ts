// The hostile reader: everything a restricted caller (a funder of the table and its agencies,
// and whoever holds the table's public link) can read through the API, as sightings of cells.
// A sighting is a (measure, period, breakdown) cell seen in one place, either with its figures
// or marked suppressed. Nothing here knows how the server decides what to hide.
import { parse } from 'csv-parse/sync';
import supertest from 'supertest';
import type { TestApp } from '../helpers/app.js';

export type Field = 'value' | 'numerator' | 'denominator';

export interface MeasureInfo {
  id: string;
  code: string;
  kind: string;
  unit: string;
  aggregation: string;
  ratePer: number | null;
  decimals: number;
  /** The organization's code, '' for the table's own measures (indicators, shared). */
  organizationCode: string;
  dimensions: { code: string; values: string[] }[];
  /** For a program measure: the shared measure it reports. */
  sharedMeasureId: string | null;
  /** For a shared measure: the measures whose figures make its collective figures. */
  contributions: string[];
}

export interface Sighting {
  measureId: string;
  period: string;
  /** '' for the total, else `dim=value` pairs sorted by dimension code, joined by ';'. */
  key: string;
  /** A shown figure, or 'suppressed' for a cell shown as hidden (all its fields). */
  field: Field | 'cell';
  shown: number | 'suppressed';
  /** Half-width of the band the shown figure lies in (rounding, derivation). */
  tolerance: number;
  source: string;
}

export interface Knowledge {
  threshold: number;
  measures: Map<string, MeasureInfo>;
  sightings: Sighting[];
  /** Things a restricted response must not carry: reasons, wording, values of hidden cells. */
  hygiene: string[];
  /** Rows or series about measures the attacker could not place (reported, not fatal). */
  unplaced: string[];
  requests: number;
}

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

const REASON_KEY = /reason|why|cause|explan|masked|hidden|small/i;
const REASON_TEXT =
  /<\s*\d|≤\s*\d|fewer than|less than|too small|small cell|below the threshold|suppressed because|confidential/i;
const EXACT = (v: number) => 1e-9 * Math.max(1, Math.abs(v));

export async function gather(
  t: TestApp,
  who: { auth: string; tableId: string; token: string },
): Promise<Knowledge> {
  const k: Knowledge = {
    threshold: Number.NaN,
    measures: new Map(),
    sightings: [],
    hygiene: [],
    unplaced: [],
    requests: 0,
  };
  const orgCodes = new Map<string, string>();
  const orgIds = new Set<string>();
  const seenIds = new Set<string>();
  const contributionsOf = new Map<string, Set<string>>();

  async function fetch(url: string, auth: boolean): Promise<{ text: string; json: Json }> {
    k.requests++;
    let req = supertest(t.app.server).get(`/api/v1${url}`);
    if (auth) req = req.set('authorization', who.auth);
    const res = await req;
    if (res.status !== 200) throw new Error(`GET ${url} → ${res.status} ${res.text}`);
    const json = String(res.headers['content-type'] ?? '').includes('json')
      ? JSON.parse(res.text)
      : null;
    if (json !== null) checkJson(json, url);
    else checkCsvText(res.text, url);
    return { text: res.text, json };
  }

  function checkJson(body: Json, url: string) {
    const walk = (v: Json, path: string) => {
      if (typeof v === 'string') {
        if (REASON_TEXT.test(v)) k.hygiene.push(`${url} ${path}: text "${v}"`);
      } else if (Array.isArray(v)) {
        for (const [i, x] of v.entries()) walk(x, `${path}[${i}]`);
      } else if (v && typeof v === 'object') {
        for (const [key, x] of Object.entries(v)) {
          if (REASON_KEY.test(key)) k.hygiene.push(`${url} ${path}.${key}: a field "${key}"`);
          walk(x, `${path}.${key}`);
        }
        if (v.suppressed === true) {
          for (const f of ['value', 'numerator', 'denominator']) {
            if (v[f] !== null && v[f] !== undefined) {
              k.hygiene.push(`${url} ${path}: marked suppressed but ${f} = ${v[f]}`);
            }
          }
        }
        if ('suppressed' in v && typeof v.suppressed !== 'boolean') {
          k.hygiene.push(`${url} ${path}: suppressed is ${JSON.stringify(v.suppressed)}`);
        }
      }
    };
    walk(body, '');
  }

  function checkCsvText(text: string, url: string) {
    for (const line of text.split(/\r?\n/)) {
      if (REASON_TEXT.test(line)) k.hygiene.push(`${url}: text "${line}"`);
    }
    const header = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
    for (const col of header.split(',')) {
      if (REASON_KEY.test(col)) k.hygiene.push(`${url}: a column "${col}"`);
    }
  }

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

  const periodsSeen = () => [...new Set(k.sightings.map((s) => s.period))].sort();
  const q = (p?: string) => (p ? `?period=${encodeURIComponent(p)}` : '');

  // 1. Scorecards: the table's, the public one, each agency's.
  tableCard((await fetch(`/tables/${who.tableId}/scorecard`, true)).json, 'table scorecard');
  tableCard((await fetch(`/public/scorecards/${who.token}`, false)).json, 'public scorecard');
  for (const o of [...orgIds]) {
    orgCard((await fetch(`/organizations/${o}/scorecard`, true)).json, 'organization scorecard');
  }

  // 2. What the measures are: unit, aggregation, dimensions and their values.
  const dimensionValues = new Map<string, string[]>();
  for (const id of [...seenIds]) {
    const m = (await fetch(`/measures/${id}`, true)).json;
    const dims: { code: string; values: string[] }[] = [];
    for (const code of (m.dimensions ?? []) as string[]) {
      let values = dimensionValues.get(code);
      if (!values) {
        const d = (await fetch(`/dimensions/${encodeURIComponent(code)}`, true)).json;
        values = (d.values ?? []).map((v: Json) => v.code as string);
        dimensionValues.set(code, values as string[]);
      }
      dims.push({ code, values: values as string[] });
    }
    k.measures.set(id, {
      id,
      code: m.code,
      kind: m.kind,
      unit: m.unit,
      aggregation: m.aggregation,
      ratePer: m.ratePer ?? null,
      decimals: m.decimals ?? 0,
      organizationCode: m.organizationId ? (orgCodes.get(m.organizationId) ?? '?') : '',
      dimensions: dims,
      sharedMeasureId: m.sharedMeasureId ?? null,
      contributions: [],
    });
  }
  // Who contributes to what: the scorecards' contributions, and each measure's own word.
  for (const [shared, set] of contributionsOf) {
    const m = k.measures.get(shared);
    if (m) m.contributions = [...set];
  }
  for (const m of k.measures.values()) {
    const shared = m.sharedMeasureId ? k.measures.get(m.sharedMeasureId) : undefined;
    if (shared && !shared.contributions.includes(m.id)) shared.contributions.push(m.id);
  }

  // 3. Series of every measure, with breakdowns.
  for (const id of k.measures.keys()) {
    summary((await fetch(`/measures/${id}/series`, true)).json, 'series');
  }

  // 4. The same, stopped at each period seen.
  for (const p of periodsSeen()) {
    tableCard(
      (await fetch(`/tables/${who.tableId}/scorecard${q(p)}`, true)).json,
      `table scorecard@${p}`,
    );
    tableCard(
      (await fetch(`/public/scorecards/${who.token}${q(p)}`, false)).json,
      `public scorecard@${p}`,
    );
    for (const o of orgIds) {
      orgCard((await fetch(`/organizations/${o}/scorecard${q(p)}`, true)).json, `org@${p}`);
    }
    for (const id of k.measures.keys()) {
      summary((await fetch(`/measures/${id}/series${q(p)}`, true)).json, `series@${p}`);
    }
  }

  // 5. CSV: long and wide exports of the table and of each agency, scorecard exports.
  const byCode = new Map<string, MeasureInfo>();
  for (const m of k.measures.values()) byCode.set(`${m.organizationCode}|${m.code}`, m);
  const place = (org: string, code: string, where: string) => {
    const m = byCode.get(`${unquote(org)}|${unquote(code)}`);
    if (!m) k.unplaced.push(`${where}: ${org}/${code}`);
    return m;
  };
  const exports: [string, string][] = [[`tableId=${who.tableId}`, 'table']];
  for (const o of orgIds) exports.push([`organizationId=${o}`, `organization ${orgCodes.get(o)}`]);
  for (const [filter, what] of exports) {
    const long = await fetch(`/exports/observations.csv?${filter}&layout=long`, true);
    longCsv(long.text, `long CSV of the ${what}`);
    const wide = await fetch(`/exports/observations.csv?${filter}&layout=wide`, true);
    wideCsv(wide.text, `wide CSV of the ${what}`);
  }
  for (const p of ['', ...periodsSeen()]) {
    const suffix = p ? `&period=${encodeURIComponent(p)}` : '';
    const card = await fetch(`/exports/scorecard.csv?tableId=${who.tableId}${suffix}`, true);
    scorecardCsv(card.text, `scorecard CSV${p ? `@${p}` : ''}`);
    for (const o of orgIds) {
      const oc = await fetch(`/exports/scorecard.csv?organizationId=${o}${suffix}`, true);
      scorecardCsv(oc.text, `organization scorecard CSV${p ? `@${p}` : ''}`);
    }
  }

  function rowsOf(text: string): Record<string, string>[] {
    return parse(text, { columns: true, bom: true, skip_empty_lines: true, relax_quotes: false });
  }

  function numberOf(cell: string | undefined): number | null {
    if (cell === undefined || cell.trim() === '') return null;
    const n = Number(cell);
    return Number.isFinite(n) ? n : null;
  }

  function longCsv(text: string, source: string) {
    rowsOf(text).forEach((r, i) => {
      const m = place(r.organization_code ?? '', r.measure_code ?? '', source);
      if (!m) return;
      const where = `${source} line ${i + 2}`;
      const key = unquote(r.breakdown ?? '');
      const period = r.period ?? '';
      if (r.suppressed === 'true') {
        for (const f of ['value', 'numerator', 'denominator'] as const) {
          if ((r[f] ?? '') !== '') k.hygiene.push(`${where}: marked suppressed but ${f} = ${r[f]}`);
        }
        see({ measureId: m.id, period, key, field: 'cell', shown: 'suppressed', source: where });
        return;
      }
      if (r.suppressed !== 'false') k.hygiene.push(`${where}: suppressed is "${r.suppressed}"`);
      for (const f of ['value', 'numerator', 'denominator'] as const) {
        const v = numberOf(r[f]);
        if (v === null) continue;
        // A percentage computed from its parts is written rounded to decimals + 2.
        const tolerance =
          f === 'value' && m.aggregation === 'ratio'
            ? 0.5 * 10 ** -(m.decimals + 2) + EXACT(v)
            : EXACT(v);
        see({ measureId: m.id, period, key, field: f, shown: v, tolerance, source: where });
      }
    });
  }

  function wideCsv(text: string, source: string) {
    const rows = rowsOf(text);
    const header = parse(text, { bom: true, to_line: 1 })[0] as string[] | undefined;
    if (!header) return;
    const from = header.indexOf('breakdown') + 1;
    const to = header.indexOf('suppressed');
    const periods = header.slice(from, to);
    rows.forEach((r, i) => {
      const m = place(r.organization_code ?? '', r.measure_code ?? '', source);
      if (!m) return;
      const where = `${source} line ${i + 2}`;
      const key = unquote(r.breakdown ?? '');
      const hidden = new Set((r.suppressed ?? '').split(';').filter(Boolean));
      for (const h of hidden) {
        if (!periods.includes(h)) k.hygiene.push(`${where}: suppressed period ${h} has no column`);
      }
      for (const period of periods) {
        const cell = r[period] ?? '';
        if (hidden.has(period)) {
          if (cell !== '')
            k.hygiene.push(`${where}: ${period} marked suppressed but shows ${cell}`);
          see({ measureId: m.id, period, key, field: 'cell', shown: 'suppressed', source: where });
          continue;
        }
        const v = numberOf(cell);
        if (v === null) continue;
        const tolerance =
          m.aggregation === 'ratio' ? 0.5 * 10 ** -(m.decimals + 2) + EXACT(v) : EXACT(v);
        see({ measureId: m.id, period, key, field: 'value', shown: v, tolerance, source: where });
      }
    });
  }

  function scorecardCsv(text: string, source: string) {
    rowsOf(text).forEach((r, i) => {
      const tableLevel = r.section === 'indicator' || r.section === 'shared_measure';
      const m = place(tableLevel ? '' : (r.organization_code ?? ''), r.measure_code ?? '', source);
      if (!m || !r.period) return;
      const rounded = 0.5 * 10 ** -(m.decimals + 2);
      const where = `${source} line ${i + 2}`;
      if (r.suppressed === 'true') {
        for (const f of [
          'value',
          'numerator',
          'denominator',
          'variance',
          'percent_of_target',
          'baseline_change',
        ]) {
          if ((r[f] ?? '') !== '') k.hygiene.push(`${where}: marked suppressed but ${f} = ${r[f]}`);
        }
        see({
          measureId: m.id,
          period: r.period,
          key: '',
          field: 'cell',
          shown: 'suppressed',
          source: where,
        });
      } else {
        // Computed figures (a ratio's value, a collective figure and its parts) are written
        // rounded to decimals + 2; stored ones exactly.
        const computed = m.kind === 'shared' || m.aggregation === 'ratio';
        for (const f of ['value', 'numerator', 'denominator'] as const) {
          const v = numberOf(r[f]);
          if (v !== null) {
            const rounding = computed && (f === 'value' || m.kind === 'shared') ? rounded : 0;
            const tolerance = rounding + EXACT(v);
            see({
              measureId: m.id,
              period: r.period,
              key: '',
              field: f,
              shown: v,
              tolerance,
              source: where,
            });
          }
        }
      }
      derivedFromLatest(
        m.id,
        {
          period: r.period,
          target: numberOf(r.target),
          variance: numberOf(r.variance),
          percentOfTarget: numberOf(r.percent_of_target),
          baselineValue: numberOf(r.baseline_value),
          baselineChange: numberOf(r.baseline_change),
          changeUnit: r.baseline_change_unit ?? null,
        },
        where,
        rounded,
      );
    });
  }

  for (const id of seenIds) {
    if (!k.measures.has(id)) k.unplaced.push(`measure ${id} seen but not described`);
  }
  if (Number.isNaN(k.threshold)) k.threshold = 5;
  return k;
}

interface LatestLike {
  period: string;
  target: number | null;
  variance: number | null;
  percentOfTarget: number | null;
  baselineValue: number | null;
  baselineChange: number | null;
  /** How the change reads: `points` (actual − baseline) or `relative`. */
  changeUnit: string | null;
}

/** Undoes the CSV's formula neutralising of text cells. */
function unquote(text: string): string {
  return text.length > 1 && text[0] === "'" && /^[=+\-@\t\r]/.test(text.slice(1))
    ? text.slice(1)
    : text;
}
