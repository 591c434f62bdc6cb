import type { Rng } from './prng.js';
import type { Sec } from './time.js';
import type { Attributes, LogLevel, LogPattern } from './types.js';

/** A log pattern in one line: `message` gets a generator and the line's index. */
export function pat(
  service: string,
  level: LogLevel,
  from: Sec,
  perMin: number,
  message: (r: Rng, i: number) => string,
  more: Partial<Omit<LogPattern, 'service' | 'level' | 'from' | 'perMin' | 'message'>> = {},
): LogPattern {
  return { service, level, from, perMin, message, ...more };
}

/** The lines a rolling restart leaves: each replica starting the new build. */
export function rollout(service: string, from: Sec, replicas: number, message: (r: Rng, i: number) => string, everySec = 25): LogPattern {
  return { service, level: 'info', from, to: from + replicas * everySec, perMin: 60 / everySec, max: replicas, message };
}

export const attrs =
  (a: Attributes) =>
  (): Attributes =>
    a;
