/** Trims and cuts a sender's string to a contract limit; empty becomes undefined so optional fields stay absent. */
export function clip(value: string | undefined | null, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  return trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed;
}

/** The first non-empty string among candidates, in order of preference. */
export function firstOf(...values: Array<string | undefined | null>): string | undefined {
  for (const value of values) if (typeof value === 'string' && value.trim()) return value.trim();
  return undefined;
}

/** Looks up the first of several keys in a string map (label and tag names vary by team and exporter). */
export function pick(map: Record<string, string>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = Object.hasOwn(map, key) ? map[key] : undefined;
    if (value !== undefined && value.trim()) return value.trim();
  }
  return undefined;
}

/** A URL worth linking to: absolute http(s) only, so a `javascript:` link never reaches a UI. */
export function httpUrl(value: string | undefined | null): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}
