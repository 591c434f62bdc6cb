import type { IdentifiedEvidence } from '../../contracts/index.js';

/**
 * The reasoning step reads at most this many tokens of evidence: about 6k tokens at
 * ~4 characters per token (≈24 KB of JSON). That leaves a model with an 8k-token context
 * room for the prompt and the answer, and keeps the state well under 256 KiB.
 */
export const DIGEST_TOKEN_BUDGET = 6000;
const CHARS_PER_TOKEN = 4;
/** Exemplar traces are cut to their most telling spans in the digest. */
const DIGEST_SPANS = 12;

const tokens = (item: IdentifiedEvidence) => Math.ceil(JSON.stringify(item).length / CHARS_PER_TOKEN);

function compact(item: IdentifiedEvidence): IdentifiedEvidence {
  if (item.class !== 'traces' || item.kind !== 'exemplar' || item.spans.length <= DIGEST_SPANS) return item;
  const keep = [...item.spans].sort((a, b) => Number(b.status === 'error') - Number(a.status === 'error') || b.durationMs - a.durationMs).slice(0, DIGEST_SPANS);
  const ids = new Set(keep.map((s) => s.spanId));
  return { ...item, spans: item.spans.filter((s) => ids.has(s.spanId)), spansOmitted: item.spansOmitted + item.spans.length - DIGEST_SPANS };
}

/**
 * Picks the evidence handed on: the `must` ids first (the evidence behind the top
 * suspects, always kept even past the budget), then the `wanted` ids in order, then
 * nothing else; the rest is counted as omitted.
 */
export function buildDigest(all: readonly IdentifiedEvidence[], must: readonly string[], wanted: readonly string[]): { evidence: IdentifiedEvidence[]; estimatedTokens: number; itemsOmitted: number } {
  const byId = new Map(all.map((e) => [e.id, e]));
  const chosen = new Map<string, IdentifiedEvidence>();
  let used = 0;
  for (const id of must) {
    const item = byId.get(id);
    if (!item || chosen.has(id)) continue;
    const c = compact(item);
    chosen.set(id, c);
    used += tokens(c);
  }
  for (const id of wanted) {
    const item = byId.get(id);
    if (!item || chosen.has(id)) continue;
    const c = compact(item);
    const t = tokens(c);
    if (used + t > DIGEST_TOKEN_BUDGET) continue;
    chosen.set(id, c);
    used += t;
  }
  const evidence = all.filter((e) => chosen.has(e.id)).map((e) => chosen.get(e.id)!);
  return { evidence, estimatedTokens: used, itemsOmitted: all.length - evidence.length };
}
