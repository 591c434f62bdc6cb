import type { EvidencePlan } from '../../contracts/index.js';

/*
 * Keeps a provider's output under its byte budget whatever it read: items are ranked by
 * how much they matter, serialized once, and the least useful are dropped, with a note
 * saying what was left out so a reader knows the picture is partial.
 */

export interface Ranked<T> {
  item: T;
  /** Higher is kept first. Ties keep input order. */
  priority: number;
  /** Higher tiers are kept before lower ones whatever their priority; 0 when absent. */
  tier?: number;
}

/**
 * A plan that asks for `unlisted` services wants them only in the budget its own leave:
 * items of a service the plan does not list drop a tier, so they never crowd out the
 * topology's evidence. Items that name no service keep their place.
 */
export function listedFirst<T extends object>(ranked: readonly Ranked<T>[], plan: Pick<EvidencePlan, 'services' | 'focusService' | 'unlisted'>): Ranked<T>[] {
  if (!plan.unlisted) return [...ranked];
  const listed = new Set([...plan.services, ...(plan.focusService ? [plan.focusService] : [])]);
  const own = (item: T) => {
    const service = (item as { service?: unknown }).service;
    return typeof service !== 'string' || listed.has(service);
  };
  return ranked.map((r) => (own(r.item) ? { ...r, tier: 1 } : r));
}

export interface Fitted<T> {
  items: T[];
  /** Empty when nothing was dropped. */
  notes: string[];
}

/** Room left for the envelope (query text, notes, status) around the items. */
export const ENVELOPE_RESERVE_BYTES = 2048;

/**
 * Drops the lowest-priority items until the serialized array fits `maxBytes`. Each item
 * is serialized once, so the cost is linear in the output plus one sort.
 * At most `maxItems` are kept. `noun` names the items in the note ("series", "log patterns"); `keptBecause` says
 * which were kept ("the most anomalous").
 */
export function fitToBudget<T>(ranked: readonly Ranked<T>[], maxBytes: number, noun: string, keptBecause: string, maxItems = Infinity): Fitted<T> {
  const order = ranked.map((r, i) => ({ ...r, i })).sort((a, b) => (b.tier ?? 0) - (a.tier ?? 0) || b.priority - a.priority || a.i - b.i);
  const budget = Math.max(0, maxBytes - ENVELOPE_RESERVE_BYTES);
  const kept: { item: T; i: number }[] = [];
  let used = 2;
  for (const r of order) {
    const size = Buffer.byteLength(JSON.stringify(r.item)) + 1;
    if (used + size > budget || kept.length >= maxItems) continue;
    used += size;
    kept.push(r);
  }
  kept.sort((a, b) => a.i - b.i);
  const dropped = ranked.length - kept.length;
  const notes = dropped > 0 ? [`kept ${kept.length} of ${ranked.length} ${noun}, ${keptBecause}; ${dropped} dropped to stay under ${Math.round(maxBytes / 1024)} KiB${Number.isFinite(maxItems) ? ` and ${maxItems} items` : ''}`] : [];
  return { items: kept.map((k) => k.item), notes };
}
