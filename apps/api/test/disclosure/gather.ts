// The hostile reader: everything a restricted caller (a funder of the table and its agencies,
// and whoever holds the table's public link) can read through the API, as sightings of cells.
// A sighting is a (measure, period, breakdown) cell seen in one place, either with its figures
// or marked suppressed. Nothing here knows how the server decides what to hide.
// The JSON answers are read in gather-json.ts, the CSV exports in gather-csv.ts, and what they
// must not carry is checked in gather-hygiene.ts.
import supertest from 'supertest';
import type { TestApp } from '../helpers/app.js';
import { csvReaders, unquote } from './gather-csv.js';
import { checkCsvText, checkJson } from './gather-hygiene.js';
import { jsonReaders } from './gather-json.js';

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

export { keyOf } from './gather-json.js';

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
    if (json !== null) checkJson(k, json, url);
    else checkCsvText(k, res.text, url);
    return { text: res.text, json };
  }

  const { see, derivedFromLatest, summary, tableCard, orgCard } = jsonReaders(k, {
    orgCodes,
    orgIds,
    seenIds,
    contributionsOf,
  });

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
  const { longCsv, wideCsv, scorecardCsv } = csvReaders(k, { see, derivedFromLatest }, place);
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

  for (const id of seenIds) {
    if (!k.measures.has(id)) k.unplaced.push(`measure ${id} seen but not described`);
  }
  if (Number.isNaN(k.threshold)) k.threshold = 5;
  return k;
}
