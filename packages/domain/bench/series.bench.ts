/**
 * Benchmark (not a test): trend, target status, baseline change and a 4-period forecast for
 * 10,000 deterministic series of 40 quarters. Run with `pnpm bench:domain` from the repo root.
 */
import { performance } from 'node:perf_hooks';
import {
  type Direction,
  periodFromIndex,
  type SeriesPoint,
  summarizeSeries,
} from '../src/index.js';

const SERIES = 10_000;
const QUARTERS = 40;
const HORIZON = 4;
const WARM_UP_RUNS = 3;
const TIMED_RUNS = 9;

interface BenchSeries {
  readonly points: SeriesPoint[];
  readonly direction: Direction;
  readonly target: number;
  readonly baseline: number;
}

/** mulberry32: a small seeded generator, so every run measures the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function generate(): BenchSeries[] {
  const next = random(20_250_401);
  const first = 2015 * 4; // 2015-Q1
  const all: BenchSeries[] = [];
  for (let s = 0; s < SERIES; s++) {
    const level = 50 + next() * 500;
    const slope = (next() - 0.5) * 10;
    // About one series in fifty skips a quarter (a gap), one in twenty arrives newest first.
    const gapAt = next() < 0.02 ? 5 + Math.floor(next() * 30) : -1;
    const points: SeriesPoint[] = [];
    for (let q = 0; q < QUARTERS; q++) {
      const index = first + q + (gapAt >= 0 && q >= gapAt ? 1 : 0);
      const value = next() < 0.03 ? null : Math.round(level + slope * q + (next() - 0.5) * 20);
      points.push({ period: periodFromIndex('quarter', index), value });
    }
    if (next() < 0.05) points.reverse();
    all.push({
      points,
      direction: next() < 0.5 ? 'up' : 'down',
      target: Math.round((level + slope * QUARTERS) * (0.85 + next() * 0.3)),
      baseline: Math.round(level),
    });
  }
  return all;
}

/** One full pass; the checksum keeps the work observable so none of it can be optimised away. */
function run(data: readonly BenchSeries[]): number {
  let checksum = 0;
  for (const series of data) {
    const summary = summarizeSeries(series.points, {
      direction: series.direction,
      target: series.target,
      baseline: series.baseline,
      horizon: HORIZON,
    });
    checksum += summary.trend.periods;
    checksum += summary.target.status === 'met' ? 1 : 0;
    checksum += summary.baseline.change ?? 0;
    for (const point of summary.forecast) checksum += point.value;
  }
  return checksum;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const data = generate();
const points = data.reduce((count, series) => count + series.points.length, 0);
let checksum = 0;
for (let i = 0; i < WARM_UP_RUNS; i++) checksum = run(data);
const times: number[] = [];
for (let i = 0; i < TIMED_RUNS; i++) {
  const started = performance.now();
  const result = run(data);
  times.push(performance.now() - started);
  if (result !== checksum)
    throw new Error('Benchmark runs disagree: the engine is not deterministic');
}
const ms = median(times);
console.log(
  `${SERIES} series × ${QUARTERS} quarters (${points} points), trend + target + baseline + ${HORIZON}-period forecast`,
);
console.log(
  `median ${ms.toFixed(1)} ms over ${TIMED_RUNS} runs after ${WARM_UP_RUNS} warm-up (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}), ${((ms * 1e6) / points).toFixed(0)} ns/point`,
);
console.log(`checksum ${checksum.toFixed(3)}`);
