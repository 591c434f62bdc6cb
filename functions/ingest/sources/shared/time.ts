/*
 * Senders stamp times every which way: RFC 3339 with `Z`, offsets without a colon (CloudWatch's
 * `+0000`), Go's zero time for "not set", epoch seconds, milliseconds or nanoseconds (Opsgenie).
 */

const MIN_MS = Date.UTC(1970, 0, 2);
const MAX_MS = Date.UTC(9999, 11, 31);

function fromEpoch(n: number): number {
  const abs = Math.abs(n);
  if (abs < 1e11) return n * 1000;
  if (abs < 1e14) return n;
  if (abs < 1e17) return n / 1000;
  return n / 1e6;
}

/**
 * An ISO-8601 UTC string for any time a sender gives, or undefined when there is none or it is
 * nonsense (Go's zero time, out of range), so the caller can fall back to when it was received.
 */
export function toIsoTime(value: unknown): string | undefined {
  let ms: number;
  if (typeof value === 'number') ms = fromEpoch(value);
  else if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim())) ms = fromEpoch(Number(value.trim()));
  else if (typeof value === 'string') ms = Date.parse(value.trim());
  else return undefined;
  if (!Number.isFinite(ms) || ms < MIN_MS || ms > MAX_MS) return undefined;
  return new Date(ms).toISOString();
}
