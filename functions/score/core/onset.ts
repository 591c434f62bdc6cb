import { robustBaseline } from '../../providers/shared/stats.js';
import { WEIGHTS, type Weights } from './weights.js';

/** Where and how a series broke away from its own baseline. */
export interface Onset {
  atMs: number;
  /** +1 when it rose, -1 when it fell. */
  direction: 1 | -1;
  /** Median robust z over the anomalous steps after onset, capped at 50. */
  z: number;
  baseline: number;
  /** The most extreme value after onset. */
  peak: number;
  /** 0.6..1: the share of steps from onset on that stay anomalous; intermittent spikes score lower than a clean shift. */
  sustained: number;
}

/** How far before the alert an onset may lie; earlier changes are history, not this incident. */
export const ONSET_LOOKBACK_MS = 30 * 60_000;

/** The look-back of a frame: the default, or as far back as the alert's own start calls for. */
export const lookbackOf = (frame: { lookbackMs?: number }) => Math.max(ONSET_LOOKBACK_MS, frame.lookbackMs ?? 0);

/**
 * Whether an episode is over: the last few points are all back within the baseline, or
 * have given back all but a small share of the episode's typical excursion (over a
 * baseline so quiet that any wobble is anomalous, a CPU back at 2% after a burst to 100%
 * is back). A spike that came and went before the alert (an earlier incident, a batch
 * job) is history; whatever the alert is about is still going on.
 */
const recovered = (flagged: readonly boolean[], points: number) => flagged.length > points && flagged.slice(-points).every((f) => !f);

/**
 * Finds the onset of a sustained shift that lasts until the end of the series: the
 * baseline is the median and MAD of the points before the lookback (or the first half
 * when there are too few), the direction is that of the largest deviation, and the
 * onset is the first anomalous step after which at least 60% of the steps stay
 * anomalous. Gaps (nulls) are skipped; one noisy spike is not an onset, and neither is
 * an episode whose last points are back within the baseline (`recovered`).
 */
export function detectOnset(values: readonly (number | null)[], startMs: number, stepMs: number, alertAtMs: number, lookbackMs = ONSET_LOOKBACK_MS, w: Weights = WEIGHTS): Onset | undefined {
  const { minZ, maxZ, minBaselinePoints, settled, recoveredPoints, returned } = w.onset;
  const recentFrom = alertAtMs - lookbackMs;
  const points: { at: number; v: number }[] = [];
  values.forEach((v, i) => v !== null && Number.isFinite(v) && points.push({ at: startMs + i * stepMs, v }));
  if (points.length < 4) return undefined;
  let split = points.findIndex((p) => p.at >= recentFrom);
  if (split < 0) return undefined;
  if (split < minBaselinePoints) split = Math.max(2, Math.floor(points.length / 2));
  const base = robustBaseline(points.slice(0, split).map((p) => p.v))!;
  const scale = Math.max(base.mad, Math.abs(base.median) * 0.05, 1e-9);
  const recent = points.slice(split);
  const z = recent.map((p) => (p.v - base.median) / scale);
  let extreme = 0;
  for (const x of z) if (Math.abs(x) > Math.abs(extreme)) extreme = x;
  if (Math.abs(extreme) < minZ) return undefined;
  const direction: 1 | -1 = extreme > 0 ? 1 : -1;
  const flagged = z.map((x) => x * direction >= minZ);
  let after = 0;
  let onset = -1;
  let cleanest = -1;
  let cleanestShare = 0;
  for (let i = recent.length - 1; i >= 0; i--) {
    if (flagged[i]) after++;
    const share = after / (recent.length - i);
    if (flagged[i] && share >= 0.6) onset = i;
    if (flagged[i] && after >= 2 && share >= cleanestShare) [cleanest, cleanestShare] = [i, share];
  }
  const episode = recent.filter((_, i) => flagged[i]).map((p) => direction * (p.v - base.median)).sort((a, b) => a - b);
  const typical = episode[Math.floor(episode.length / 2)] ?? 0;
  const stillOut = recent.map((p, i) => flagged[i]! && direction * (p.v - base.median) >= returned * typical);
  if (onset < 0 || recovered(stillOut, recoveredPoints)) return undefined;
  if (cleanest > onset && cleanestShare === 1 && flagged.slice(onset).filter(Boolean).length / (recent.length - onset) < settled) onset = cleanest;
  const run = z.slice(onset).filter((_, k) => flagged[onset + k]).map((x) => Math.min(maxZ, x * direction));
  if (run.length < 2 && recent.length - onset > 1) return undefined;
  run.sort((a, b) => a - b);
  const peak = recent.slice(onset).reduce((m, p) => (direction > 0 ? Math.max(m, p.v) : Math.min(m, p.v)), recent[onset]!.v);
  const sustained = flagged.slice(onset).filter(Boolean).length / (recent.length - onset);
  return { atMs: recent[onset]!.at, direction, z: run[Math.floor(run.length / 2)]!, baseline: base.median, peak, sustained };
}

/** Maps a robust z to 0..1: 4 is barely news, 30 and beyond is as loud as it gets. */
export const zStrength = (z: number) => Math.max(0, Math.min(1, Math.log(z / 2) / Math.log(15)));
