/*
 * Small robust statistics shared by the summarizers and the scorer. Everything here is
 * pure and allocation-light, because it runs over every series and pattern of an
 * investigation.
 */

/** The q-quantile (0..1) of finite numbers by linear interpolation; undefined for none. Sorts a copy. */
export function quantile(values: readonly number[], q: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = Float64Array.from(values).sort();
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function median(values: readonly number[]): number | undefined {
  return quantile(values, 0.5);
}

/**
 * The middle value, the lower of the two middle ones when the count is even: the level a
 * run of sampled steps surely reached (of two steps after a shift, a 181 ms one and a 5 ms
 * one, the smaller says how far it went), and a baseline no single high step can lift.
 */
export function lowerMedian(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** Median and scaled MAD (≈ σ for normal data): a baseline that a few outliers or an earlier incident cannot drag. */
export function robustBaseline(values: readonly number[]): { median: number; mad: number } | undefined {
  const med = median(values);
  if (med === undefined) return undefined;
  const mad = median(values.map((v) => Math.abs(v - med)))! * 1.4826;
  return { median: med, mad };
}

/** Rounds to a few significant digits: enough for a human or a model, and half the bytes. */
export function roundSig(value: number, digits = 4): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  return Number(value.toPrecision(digits));
}

/** Where an event rate changed most, by a Poisson likelihood ratio over one split point. */
export interface RateChange {
  /** First index of the "after" segment. */
  index: number;
  beforeRate: number;
  afterRate: number;
  /** Log-likelihood ratio of "two rates" over "one rate": 0 for no change, ~10 is strong. */
  llr: number;
}

const xlogy = (x: number, y: number): number => (x === 0 ? 0 : x * Math.log(y));

/**
 * The most likely single change point of a count series between `from` and `to`
 * (inclusive), in one pass with running sums. A change must leave at least one step on
 * each side, and `minIndex` keeps it from landing too early (e.g. before the incident region).
 */
export function rateChange(counts: readonly number[], from: number, to: number, minIndex = from + 1): RateChange | undefined {
  const n = to - from + 1;
  if (n < 2) return undefined;
  let total = 0;
  for (let i = from; i <= to; i++) total += counts[i] ?? 0;
  if (total === 0) return undefined;
  const rate = total / n;
  const base = xlogy(total, rate);
  let best: RateChange | undefined;
  let before = 0;
  for (let k = from + 1; k <= to; k++) {
    before += counts[k - 1] ?? 0;
    if (k < minIndex) continue;
    const n1 = k - from;
    const n2 = to - k + 1;
    const after = total - before;
    const llr = xlogy(before, before / n1) + xlogy(after, after / n2) - base;
    if (!best || llr > best.llr) best = { index: k, beforeRate: before / n1, afterRate: after / n2, llr };
  }
  return best;
}
