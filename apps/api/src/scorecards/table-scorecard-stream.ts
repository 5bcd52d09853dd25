// The collective scorecard written as it is built (issue #22): the same answer as
// tableScorecard (scorecards.service.ts), field for field and in the caller's language as the
// language plugin would give it, with `periods` last, sent a piece at
// a time while the database still reads the figures of the measures further down.
//
// Its largest part, the total figures of every measure, comes measure by measure in the order
// the answer needs them (streamTotals); each row's summary is built, serialized and passed on
// as soon as its figures are in, on this process's thread, while PostgreSQL reads the next on
// its own. A whole answer is never held as one string: written in pieces of about 64 KB, each
// encoded on its own, so a character beyond Latin-1 (an en dash in a table's population) costs
// its piece the slower encoding, not the whole answer.
import { Readable } from 'node:stream';
import type { Locale } from '@rba/schema';
import type { Actor } from '../access/actor.js';
import { statusesFor } from '../access/scopes.js';
import type { Db } from '../db/schema.js';
import { localize } from '../i18n/localize.js';
import type { MeasureRow } from '../measures/measures.repository.js';
import { streamTotals, type TotalTuple } from './scorecards.repository.js';
import {
  decide,
  periodsOf,
  programHead,
  type ReadOptions,
  resultHead,
  sharedRow,
  summaryOf,
  type TableParts,
  type Totals,
  tableParts,
  targetsAndPlans,
} from './scorecards.service.js';

/** Bytes gathered before a piece is passed on. */
const PIECE = 64 * 1024;

/** The measures' figures as they come: `need(id)` waits for one (undefined when it is in). */
function arrivals() {
  const arrived = new Set<string>();
  let ended = false;
  let failure: { error: unknown } | undefined;
  let waiter: { id: string; resolve: () => void; reject: (e: unknown) => void } | undefined;
  const wake = () => {
    const w = waiter;
    waiter = undefined;
    if (w && failure) w.reject(failure.error);
    else w?.resolve();
  };
  return {
    arrive(id: string) {
      arrived.add(id);
      if (waiter?.id === id) wake();
    },
    end(error?: unknown) {
      ended = true;
      if (error !== undefined) failure = { error };
      wake();
    },
    need(id: string): Promise<void> | undefined {
      if (failure) return Promise.reject(failure.error);
      if (arrived.has(id) || ended) return undefined;
      return new Promise((resolve, reject) => {
        waiter = { id, resolve, reject };
      });
    },
  };
}

/** Every measure once, in the order the answer uses them; the others after. */
function answerOrder(s: TableParts): string[] {
  const order = new Set<string>();
  for (const r of s.results) {
    for (const m of s.indicatorsOf.get(r.id) ?? []) order.add(m.id);
    for (const p of s.programsOf.get(r.id) ?? []) {
      for (const m of s.measuresOf.get(p.id) ?? []) order.add(m.id);
    }
  }
  for (const shared of s.shared) {
    for (const c of s.contributorsOf.get(shared.id) ?? []) order.add(c.id);
  }
  for (const m of s.measures) order.add(m.id);
  return [...order];
}

/** `{"a":1}` as the start of an object that goes on: `{"a":1,`. */
const open = (head: object, lang: Locale) => `${json(head, lang).slice(0, -1)},`;

/** A part of the answer as JSON, its names in the caller's language (i18n/localize.ts). */
const json = (part: unknown, lang: Locale) => JSON.stringify(localize(part, lang));

/**
 * The table's scorecard as a stream of UTF-8 pieces. Resolves once the answer's first figures
 * have come, so that a table the caller may not see, or a database that fails at once, still
 * answers with an error rather than a broken 200.
 */
export async function tableScorecardStream(
  db: Db,
  actor: Actor,
  tableId: string,
  q: ReadOptions,
  lang: Locale,
): Promise<Readable> {
  const s = await tableParts(db, actor, tableId, q);
  const { f } = s;
  const order = answerOrder(s);
  const totals = new Map<string, TotalTuple[]>();
  const gate = arrivals();
  void streamTotals(db, order, { statuses: statusesFor(f.view), until: f.until }, (id, cells) => {
    if (cells.length > 0) totals.set(id, cells);
    gate.arrive(id);
  }).then(
    () => gate.end(),
    (err) => gate.end(err ?? new Error('the figures could not be read')),
  );
  const [targets] = await Promise.all([
    targetsAndPlans(db, f, order),
    decide(db, f, s.measures),
    order[0] === undefined ? undefined : gate.need(order[0]),
  ]);
  const t: Totals = { totals, targets };

  async function* pieces(): AsyncGenerator<Buffer> {
    let out = `${open(s.head, lang)}"results":[`;
    /** Adds `json`; hands back a piece once enough has gathered. */
    const add = (json: string): Buffer | undefined => {
      out += json;
      if (out.length < PIECE) return undefined;
      const piece = Buffer.from(out);
      out = '';
      return piece;
    };
    const ready = async (id: string) => {
      const wait = gate.need(id);
      if (wait) await wait;
    };
    /** The summaries of these measures, each once its figures are in. */
    async function* summaries(measures: MeasureRow[]): AsyncGenerator<Buffer> {
      for (const [k, m] of measures.entries()) {
        await ready(m.id);
        const piece = add(`${k > 0 ? ',' : ''}${json(summaryOf(m, t, f), lang)}`);
        if (piece) yield piece;
      }
    }
    for (const [i, r] of s.results.entries()) {
      out += `${i > 0 ? ',' : ''}${open(resultHead(r), lang)}"indicators":[`;
      yield* summaries(s.indicatorsOf.get(r.id) ?? []);
      out += '],"programs":[';
      for (const [j, p] of (s.programsOf.get(r.id) ?? []).entries()) {
        out += `${j > 0 ? ',' : ''}${open(programHead(p), lang)}"measures":[`;
        yield* summaries(s.measuresOf.get(p.id) ?? []);
        out += ']}';
      }
      out += ']}';
    }
    out += '],"sharedMeasures":[';
    for (const [i, shared] of s.shared.entries()) {
      for (const c of s.contributorsOf.get(shared.id) ?? []) await ready(c.id);
      const piece = add(`${i > 0 ? ',' : ''}${json(sharedRow(s, shared, t), lang)}`);
      if (piece) yield piece;
    }
    out += `],"periods":${JSON.stringify(periodsOf(f))}}`;
    yield Buffer.from(out);
  }
  return Readable.from(pieces());
}
