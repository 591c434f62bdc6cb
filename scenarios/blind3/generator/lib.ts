/*
 * Building blocks of the blind3 generator: a seeded PRNG, time helpers, metric series with
 * diurnal load and effects, background and incident logs, traces along a call path. Nothing
 * here reads the clock or Math.random, so a rerun writes the same bytes.
 */

/** mulberry32: small, fast, and the same sequence for the same seed on every platform. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedOf(name: string): number {
  let h = 2166136261;
  for (const c of name) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

/** Seconds → an offset string from `at` ("-1h5m", "+30s"). */
export function off(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  let s = Math.abs(Math.round(seconds));
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const out = `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}`;
  return `${sign}${out || '0s'}`;
}

export const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** An effect on a service's series: a multiplier (latency, traffic) or an added ratio (errors) from `from` (minutes from `at`). */
export interface Effect {
  service: string;
  metric: 'latency' | 'errors' | 'traffic';
  from: number;
  /** Minutes from `at` when the effect is gone (a mitigation); default: still there. */
  until?: number;
  shape: 'step' | 'ramp';
  /** Minutes to reach full size for `ramp`. */
  rampMin?: number;
  value: number;
}

/** Value of an effect at time t (minutes from `at`): 0 before, ramping or stepped after. */
export function effectAt(e: Effect, tMin: number): number {
  if (tMin < e.from) return 0;
  if (e.until !== undefined && tMin >= e.until) return 0;
  if (e.shape === 'step') return e.value;
  return e.value * Math.min(1, (tMin - e.from) / (e.rampMin ?? 30));
}

/** Load by hour of day: low at 04:00 UTC, high at 16:00 UTC. */
export function diurnal(ms: number): number {
  const hour = new Date(ms).getUTCHours() + new Date(ms).getUTCMinutes() / 60;
  return 1 + 0.35 * Math.sin((2 * Math.PI * (hour - 10)) / 24);
}
