/**
 * Latency per endpoint between two runs: p50 and p95 (nearest rank) of every observed exchange. A regression is
 * flagged when the p95 rises by more than `p95Pct` percent AND more than `p95Ms` milliseconds, with at least
 * `minSamples` exchanges in each run: both limits, so a 2 ms → 4 ms blip or a 1 % drift on a slow call is noise.
 */
import type { Observation } from '../observations';

export interface LatencyThresholds {
  p95Pct: number;
  p95Ms: number;
  minSamples: number;
}

export const DEFAULT_LATENCY_THRESHOLDS: LatencyThresholds = { p95Pct: 50, p95Ms: 20, minSamples: 5 };

export interface LatencyStats {
  count: number;
  p50: number;
  p95: number;
}

export interface LatencyRow {
  surface: string;
  endpoint: string;
  baseline?: LatencyStats;
  current?: LatencyStats;
  p95DeltaMs?: number;
  p95DeltaPct?: number;
  regression: boolean;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function latencyStats(
  observations: readonly Observation[],
): Map<string, LatencyStats & { surface: string; endpoint: string }> {
  const samples = new Map<string, { surface: string; endpoint: string; values: number[] }>();
  for (const o of observations) {
    const key = `${o.surface} ${o.endpoint}`;
    let entry = samples.get(key);
    if (!entry) samples.set(key, (entry = { surface: o.surface, endpoint: o.endpoint, values: [] }));
    entry.values.push(o.latencyMs);
  }
  const stats = new Map<string, LatencyStats & { surface: string; endpoint: string }>();
  for (const [key, { surface, endpoint, values }] of samples) {
    values.sort((a, b) => a - b);
    stats.set(key, {
      surface,
      endpoint,
      count: values.length,
      p50: percentile(values, 50),
      p95: percentile(values, 95),
    });
  }
  return stats;
}

export function compareLatency(
  baseline: readonly Observation[],
  current: readonly Observation[],
  thresholds: LatencyThresholds = DEFAULT_LATENCY_THRESHOLDS,
): LatencyRow[] {
  const base = latencyStats(baseline);
  const cur = latencyStats(current);
  const keys = [...new Set([...base.keys(), ...cur.keys()])].sort();
  return keys.map((key) => {
    const b = base.get(key);
    const c = cur.get(key);
    const { surface, endpoint } = (b ?? c)!;
    const row: LatencyRow = { surface, endpoint, regression: false };
    if (b) row.baseline = { count: b.count, p50: b.p50, p95: b.p95 };
    if (c) row.current = { count: c.count, p50: c.p50, p95: c.p95 };
    if (b && c) {
      row.p95DeltaMs = round(c.p95 - b.p95);
      row.p95DeltaPct = b.p95 > 0 ? round(((c.p95 - b.p95) / b.p95) * 100) : undefined;
      row.regression =
        b.count >= thresholds.minSamples &&
        c.count >= thresholds.minSamples &&
        c.p95 - b.p95 > thresholds.p95Ms &&
        c.p95 > b.p95 * (1 + thresholds.p95Pct / 100);
    }
    return row;
  });
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
