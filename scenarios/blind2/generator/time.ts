/**
 * Scenario times. Inside the generator every time is a number of seconds relative to the
 * scenario's `at` (negative before it); files carry them as the format's offsets ("-1h30m")
 * or, for alert bodies, as the absolute times each sender writes.
 */

const UNIT: Record<string, number> = { h: 3600, m: 60, s: 1 };

/** "-1h30m" → -5400; "+30s" → 30; a number is returned as it is. */
export function sec(value: string | number): number {
  if (typeof value === 'number') return value;
  const match = /^([+-]?)((?:\d+h)?(?:\d+m)?(?:\d+s)?)$/.exec(value.trim());
  if (!match || !match[2]) throw new Error(`not an offset: ${value}`);
  let total = 0;
  for (const [, n, unit] of match[2].matchAll(/(\d+)([hms])/g)) total += Number(n) * UNIT[unit!]!;
  return match[1] === '-' ? -total : total;
}

/** -5400 → "-1h30m"; 0 → "+0s". Whole seconds only. */
export function offset(seconds: number): string {
  const rounded = Math.round(seconds);
  const sign = rounded < 0 ? '-' : '+';
  let rest = Math.abs(rounded);
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const s = rest - m * 60;
  const body = `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}`;
  return `${sign}${body || '0s'}`;
}

/** Absolute ISO time of an offset from `atMs`, with milliseconds when `ms` is set. */
export function iso(atMs: number, seconds: number, ms = false): string {
  const text = new Date(atMs + Math.round(seconds * 1000)).toISOString();
  return ms ? text : text.replace(/\.\d{3}Z$/, 'Z');
}

/** CloudWatch's own stamp: `2026-03-02T09:14:05.310+0000`. */
export function cloudwatchStamp(atMs: number, seconds: number): string {
  return new Date(atMs + Math.round(seconds * 1000)).toISOString().replace('Z', '+0000');
}

/** CloudWatch's datapoint stamp inside a state reason: `(02/03/26 09:10:00)`. */
export function cloudwatchReasonStamp(atMs: number, seconds: number): string {
  const d = new Date(atMs + Math.round(seconds * 1000));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCFullYear() % 100)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:00`;
}
