import type { ServiceProfile } from './propagation.js';
import { CLEAR_STRENGTH, FAILURE_WORDS, type Signal, type SignalFamily } from './types.js';

/*
 * A store that refuses a write for what it holds is working: its constraints did their
 * job. The SQL standard files such refusals apart from the store failing (SQLSTATE class
 * 23, integrity constraint violations; class 22, data exceptions), and every database's
 * client says them in the same few ways.
 */

/**
 * Words of a write refused for its content: a duplicate key or entry, a unique, foreign
 * key, not-null or check constraint violated, a value out of range for its column or
 * type, a sequence at its maximum value, a value too long for its column, an input of the
 * wrong syntax for its type; and the exception types that carry them
 * (`SQLIntegrityConstraintViolationException`, `UniqueViolation`,
 * `DataIntegrityViolationException`, `DuplicateKeyException`).
 */
const CONTENT_REFUSED = /\bduplicate (?:key|entry)\b|\bunique constraint\b|\bviolates (?:\w+ )?(?:key )?constraint\b|\bintegrity constraint\b|\bforeign key constraint\b|\bnot-null constraint\b|\bcheck constraint\b|\bout of range for (?:type|(?:\w+ )?column)\b|\bnumeric value out of range\b|\breached maximum value of sequence\b|\bvalue too long for\b|\bdata too long for column\b|\binvalid input syntax for\b|IntegrityConstraintViolation|UniqueViolation|DataIntegrityViolation|DuplicateKey/i;

/** Whether a service's own error line or exception says a store refused its write for what the write held (`CONTENT_REFUSED`). */
export const refusedForContent = (s: Signal) => FAILURE_WORDS.includes(s.family) && s.local && CONTENT_REFUSED.test(s.raw ?? s.text);

/** What a store shows when all that went wrong in it is the writes it refused: failing spans, its own and its callers' error lines and counts. */
const REFUSALS_ONLY: readonly SignalFamily[] = ['error_origin', 'dependency_mention', 'log_error', 'exception', 'errors', 'pattern_break'];

/**
 * Whether a store's own evidence shows it working: every clear signal of it is a refusal
 * (failing spans, error lines and counts, none of them in the words of the platform or of
 * a resource running short), with no runtime event, no resource, latency or demand of its
 * own moving. A store that lost its host and promoted a lagging replica refuses duplicate
 * keys too, and then its own trouble says why.
 */
export function onlyRefused(q: ServiceProfile): boolean {
  return q.signals.filter((s) => s.strength >= CLEAR_STRENGTH).every((s) => REFUSALS_ONLY.includes(s.family) && (s.hint === undefined || s.hint === 'code_defect'));
}

/**
 * Writers whose writes a callee refused for what they held, paired with that callee: the
 * writer's own error lines say so (`refusedForContent`), and the callee failed in nothing
 * but those refusals (`onlyRefused`). Spans show the failures starting in the store, but a
 * store enforcing its constraints is working: a key that overflowed its column, or a batch
 * written twice, is the writer's defect, so the store's failures are the writer's.
 */
export function refusedWrites(profiles: ReadonlyMap<string, ServiceProfile>, graph: ReadonlyMap<string, ReadonlySet<string>>): [string, string][] {
  const out: [string, string][] = [];
  for (const p of profiles.values()) {
    if (!p.signals.some((s) => s.strength >= CLEAR_STRENGTH && refusedForContent(s))) continue;
    for (const callee of graph.get(p.service) ?? []) {
      const q = profiles.get(callee);
      if (q && q.signals.some((s) => s.strength >= CLEAR_STRENGTH && REFUSALS_ONLY.includes(s.family)) && onlyRefused(q)) out.push([p.service, callee]);
    }
  }
  return out;
}
