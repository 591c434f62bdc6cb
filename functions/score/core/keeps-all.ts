import type { MetricSeries } from '../../contracts/index.js';
import { wordsOf } from './metric-words.js';
import { CLEAR_STRENGTH, type Evidence, type Signal } from './types.js';

/** A memory series at or this close to its limit is at it. */
const AT_LIMIT = 0.95;

/** Words that name memory (a cache's `maxmemory`, `used memory`). */
const MEMORY = /memory|\bmem\b/i;

/** Words that say a write was turned away rather than room made for it. */
const REFUSED = /\bnot allowed\b|\brefus\w*|\breject\w*/i;

/** A series that counts what a store evicted to make room (`Evictions`, `redis_evicted_keys`). */
const EVICTIONS = / evict(?:ions?|ed)? /;

/**
 * Whether a store evicted nothing while its memory was full: a series of its own that
 * counts evictions stayed at zero through the window.
 */
function evictedNothing(service: string, evidence: readonly Evidence[]): Evidence | undefined {
  return evidence.find((e) => {
    if (e.class !== 'metrics' || e.service !== service || !EVICTIONS.test(wordsOf(e.name))) return false;
    const xs = (e as MetricSeries).values.filter((v): v is number => v !== null);
    return xs.length > 0 && xs.every((v) => v === 0);
  });
}

/**
 * A store full of what it keeps: its memory reached its limit (a use series at it, or
 * words that a write was refused because memory was full, "OOM command not allowed when
 * used memory > 'maxmemory'") and it made no room by evicting (its evictions stayed at
 * zero, or it refused the write instead). Everything it holds is live data nobody
 * expired (sessions, tokens), so a restart would lose it or reload it full again, while
 * more memory (a larger node, more shards) takes writes again at once: capacity is the
 * bounded action. A cache that evicts to make room keeps working, short of nothing it
 * must keep, and is not this. The evidence that says so, or `undefined`.
 */
export function fullOfWhatItKeeps(service: string, signals: readonly Signal[], evidence: readonly Evidence[]): string | undefined {
  const own = signals.filter((s) => s.service === service && s.strength >= CLEAR_STRENGTH);
  const refused = own.find((s) => s.hint === 'resource_exhaustion' && MEMORY.test(s.raw ?? s.text) && REFUSED.test(s.raw ?? s.text));
  if (refused) return refused.evidenceId;
  const full = own.find((s) => s.family === 'memory' && (s.peakShare ?? 0) >= AT_LIMIT);
  return full && evictedNothing(service, evidence) ? full.evidenceId : undefined;
}
