// The load run's result: its figures as JSON, the verdict (what failed), and the markdown.

import type { Summary } from './hardening-load-probes.js';
import {
  BASELINE_SECONDS,
  CONNECTIONS,
  HEAP,
  LIVE_HEAP_BOUND,
  RSS_BOUND,
  RSS_SECOND_HALF_BOUND,
  SECONDS,
  SETTLE_MS,
  WARMUP_SECONDS,
} from './hardening-load-settings.js';
import { machine } from './harness.js';

/** What the run measured, for the result, the verdict and the report. */
export interface Readings {
  built: { mode: string };
  mixed: Summary;
  baseline: Summary;
  saves: number;
  heapBefore: number | null;
  heapAfter: number | null;
  rssBefore: number;
  rssAfter: number;
  rssMax: number;
  rssMid: number;
  connBefore: number;
  connAfter: number;
  connMax: number;
  heldInTransaction: number;
}

export function resultOf(readings: Readings) {
  const {
    built,
    mixed,
    baseline,
    saves,
    heapBefore,
    heapAfter,
    rssBefore,
    rssAfter,
    rssMax,
    rssMid,
    connBefore,
    connAfter,
    connMax,
    heldInTransaction,
  } = readings;
  return {
    at: new Date().toISOString(),
    machine: machine(),
    api: built.mode,
    connections: CONNECTIONS,
    seconds: SECONDS,
    warmupSeconds: WARMUP_SECONDS,
    settleMs: SETTLE_MS,
    mix: [
      'GET /tables/:id/scorecard',
      'GET /organizations/:id/scorecard',
      'PUT /measures/:id/observations/:period (own cell, with version)',
      'GET /measures/:id/series',
      'GET /organizations/:id/entry-sheet',
      'GET /exports/observations.csv?organizationId=',
    ],
    mixed,
    baseline: { route: 'GET /healthz', ...baseline },
    ratios: {
      throughputMixedToBaseline: Number((mixed.throughput / baseline.throughput).toFixed(3)),
      p99MixedToBaseline: Number(
        (mixed.latencyMs.p99 / Math.max(1, baseline.latencyMs.p99)).toFixed(2),
      ),
    },
    savesAudited: saves,
    liveHeapMb:
      heapBefore !== null && heapAfter !== null
        ? {
            before: Number(heapBefore.toFixed(1)),
            after: Number(heapAfter.toFixed(1)),
            ratio: Number((heapAfter / heapBefore).toFixed(3)),
          }
        : null,
    rssMb: {
      before: Number(rssBefore.toFixed(1)),
      after: Number(rssAfter.toFixed(1)),
      maxDuring: Number(rssMax.toFixed(1)),
      midRun: Number(rssMid.toFixed(1)),
      secondHalfRatio: Number((rssAfter / rssMid).toFixed(3)),
      secondHalfBound: RSS_SECOND_HALF_BOUND,
      ratio: Number((rssAfter / rssBefore).toFixed(3)),
      bound: RSS_BOUND,
    },
    dbConnections: {
      before: connBefore,
      after: connAfter,
      maxDuring: connMax,
      idleInTransactionAfter: heldInTransaction,
      poolCaps: 'API pool DATABASE_POOL_SIZE (10) + COPY export pool (5)',
    },
    gcForced: false,
  };
}

export type Result = ReturnType<typeof resultOf>;

/** What makes the run fail: errors, leaked connections, memory that keeps growing. */
export function failures(readings: Readings): string[] {
  const {
    mixed,
    baseline,
    heapBefore,
    heapAfter,
    rssBefore,
    rssAfter,
    rssMid,
    connBefore,
    connAfter,
    heldInTransaction,
  } = readings;
  return [
    ...(mixed.errors > 0 ? [`${mixed.errors} errors`] : []),
    ...(mixed.timeouts > 0 ? [`${mixed.timeouts} timeouts`] : []),
    ...(mixed.non2xx > 0 ? [`${mixed.non2xx} non-2xx answers`] : []),
    ...(baseline.errors + baseline.non2xx > 0 ? ['baseline errors'] : []),
    ...(connAfter > connBefore ? [`DB connections leaked: ${connBefore} → ${connAfter}`] : []),
    ...(heldInTransaction > 0 ? [`${heldInTransaction} connections left idle in transaction`] : []),
    ...(heapBefore !== null && heapAfter !== null && heapAfter / heapBefore >= LIVE_HEAP_BOUND
      ? [`live heap grew ${heapBefore.toFixed(1)} → ${heapAfter.toFixed(1)} MB`]
      : []),
    ...(!HEAP && rssAfter / rssBefore >= RSS_BOUND
      ? [`RSS grew ${rssBefore.toFixed(0)} → ${rssAfter.toFixed(0)} MB`]
      : []),
    ...(!HEAP && rssAfter / rssMid >= RSS_SECOND_HALF_BOUND
      ? [`RSS still growing in the second half: ${rssMid.toFixed(0)} → ${rssAfter.toFixed(0)} MB`]
      : []),
  ];
}

export function markdown(result: Result, failed: string[], readings: Readings): string {
  const { built, mixed, baseline, saves, connBefore, connAfter, connMax, heldInTransaction } =
    readings;
  return [
    `# Load under ${CONNECTIONS} connections (${result.at.slice(0, 10)})`,
    '',
    `${SECONDS} s of mixed reads and writes on PostgreSQL (${result.machine.postgres}), ${result.machine.cpus} cores, ${built.mode}.`,
    '',
    '| | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | errors | timeouts |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| mixed | ${mixed.requests} | ${mixed.throughput} | ${mixed.latencyMs.p50} | ${mixed.latencyMs.p90} | ${mixed.latencyMs.p99} | ${mixed.latencyMs.max} | ${mixed.non2xx} | ${mixed.errors} | ${mixed.timeouts} |`,
    `| baseline GET /healthz (${BASELINE_SECONDS} s) | ${baseline.requests} | ${baseline.throughput} | ${baseline.latencyMs.p50} | ${baseline.latencyMs.p90} | ${baseline.latencyMs.p99} | ${baseline.latencyMs.max} | ${baseline.non2xx} | ${baseline.errors} | ${baseline.timeouts} |`,
    '',
    `Mixed/baseline: throughput ×${result.ratios.throughputMixedToBaseline}, p99 ×${result.ratios.p99MixedToBaseline}. Saves audited: ${saves}.`,
    '',
    `Resident memory: ${result.rssMb.before} MB after warm-up, ${result.rssMb.after} MB ${SETTLE_MS / 1000} s after the run (×${result.rssMb.ratio}; bound ×${RSS_BOUND}), at most ${result.rssMb.maxDuring} MB during; ${result.rssMb.midRun} MB half-way (second half ×${result.rssMb.secondHalfRatio}; bound ×${RSS_SECOND_HALF_BOUND}). No forced GC.`,
    result.liveHeapMb
      ? `Live heap (heap snapshots, each after a full collection): ${result.liveHeapMb.before} MB after warm-up, ${result.liveHeapMb.after} MB after the run (×${result.liveHeapMb.ratio}). Taking a snapshot grows the resident size for good, so with LOAD_HEAP the resident bounds are not checked.`
      : 'Live heap not measured (LOAD_HEAP=true takes heap snapshots).',
    `Database connections: ${connBefore} before, ${connAfter} after the settle (the pools close idle ones after 10 s; a leaked one would stay), at most ${connMax} during (caps: 10 + 5); ${heldInTransaction} idle in a transaction.`,
    '',
    failed.length
      ? `FAILED: ${failed.join('; ')}`
      : 'Passed: no errors, no leaked connections, memory flat.',
    '',
  ].join('\n');
}
