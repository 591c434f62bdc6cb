/** Seconds relative to a scenario's `at`; negative is before the alert. */
export type Sec = number;

/** A time in a spec: seconds relative to `at`, or an absolute ISO-8601 string kept as written. */
export type When = Sec | string;

export const min = (n: number): Sec => n * 60;
export const hours = (n: number): Sec => n * 3600;

/** Formats seconds as a scenario offset: -3725 → "-1h2m5s", 0 → "+0s". */
export function offset(seconds: Sec): string {
  const total = Math.round(seconds);
  let rest = Math.abs(total);
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const s = rest - m * 60;
  let body = '';
  if (h) body += `${h}h`;
  if (m) body += `${m}m`;
  if (s || !body) body += `${s}s`;
  return (total < 0 ? '-' : '+') + body;
}

export function when(value: When): string {
  return typeof value === 'string' ? value : offset(value);
}

/** The absolute ISO time (second precision) of an offset from `at`. */
export function isoAt(at: string, seconds: Sec, millis = false): string {
  const iso = new Date(Date.parse(at) + Math.round(seconds * 1000)).toISOString();
  return millis ? iso : iso.replace(/\.\d{3}Z$/, 'Z');
}

export function epochMs(at: string, seconds: Sec): number {
  return Date.parse(at) + Math.round(seconds * 1000);
}
