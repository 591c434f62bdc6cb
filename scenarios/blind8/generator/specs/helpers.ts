import type { Random } from '../random.js';
import { ramp } from '../build.js';

export { ramp };

/** A value around `base` with relative noise `spread`. */
export const around = (base: number, spread = 0.05) => (_t: number, rng: Random) => base * (1 + spread * rng.gauss());

/** A value that climbs linearly from `from` at `perMin` a minute, capped at `cap`. */
export const climb = (base: number, from: number, perMin: number, cap = Infinity, spread = 0.02) => (t: number, rng: Random) =>
  Math.min(cap, base + Math.max(0, t - from) * perMin) * (1 + spread * rng.gauss());

/** Healthy `base` that steps to `to` from minute `from` (over `over` minutes), until `until`. */
export const step = (base: number, to: number, from: number, over = 0, until = Infinity, spread = 0.05) => (t: number, rng: Random) =>
  (base + (to - base) * ramp(t, from, over, until)) * (1 + spread * rng.gauss());
