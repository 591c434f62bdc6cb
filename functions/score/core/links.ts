import { shiftStrength } from './traces.js';
import type { Signal } from './types.js';
import { WEIGHTS, type Weights } from './weights.js';

/**
 * How far `caller`'s calls into the wait's service rose: measured per edge when the
 * traces split the wait by caller (an edge missing from that split did not shift: 1),
 * unknown otherwise.
 */
const edgeRise = (wait: Signal, caller: string) => (wait.waitsByCaller ? (wait.waitsByCaller[caller] ?? 1) : undefined);

/**
 * Splits a common caller's waits on a log scale that does not saturate: the rise its
 * edges share (the runner-up's, as a caller slowed on its own side slows all its calls
 * alike) is the caller's, and what the steepest edge rose beyond that (a 500× rise next
 * to a 30× one) is that link's own. Undefined when any edge's rise is unknown.
 */
function splitRises(caller: string, waits: readonly Signal[]): { lead: Signal; leadRise: number; own: number; shared: number } | undefined {
  const rises = waits.map((wait) => ({ wait, rise: edgeRise(wait, caller) }));
  if (rises.some((r) => r.rise === undefined)) return undefined;
  const [first, second] = (rises as { wait: Signal; rise: number }[]).sort((a, b) => b.rise - a.rise);
  if (!first || !second) return undefined;
  return { lead: first.wait, leadRise: first.rise / second.rise, own: shiftStrength(first.rise / second.rise), shared: shiftStrength(second.rise) };
}

/**
 * Slower links point at the side they share. When calls into one service wait longer
 * beyond its own spans, the link or that service is slow; when calls into two or more
 * services from one caller all started waiting at once, the common factor is the
 * caller (its network, its client, its node), not each callee. Such a caller gets an
 * `outbound_latency` signal and its callees' inbound waits keep only a residue, except
 * that, when the traces measured each edge, the edge that rose far beyond the caller's
 * other edges keeps the part of its rise they do not share (`splitRises`).
 * Linear in signals times callees per caller.
 */
export function attributeLinks(signals: readonly Signal[], graph: Map<string, Set<string>>, toleranceMs: number, w: Weights = WEIGHTS): Signal[] {
  const { minStrength, minCallees, residual } = w.links;
  const inbound = new Map<string, Signal>();
  for (const s of signals) {
    if (s.family !== 'inbound_latency' || s.strength < minStrength) continue;
    const prev = inbound.get(s.service);
    if (!prev || s.strength > prev.strength) inbound.set(s.service, s);
  }
  if (inbound.size < minCallees) return [...signals];
  let best: { caller: string; waits: Signal[] } | undefined;
  for (const [caller, callees] of [...graph.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const waits = [...callees].map((c) => inbound.get(c)).filter((s): s is Signal => s !== undefined);
    if (waits.length < minCallees) continue;
    const first = Math.min(...waits.map((s) => s.onsetMs));
    const together = waits.filter((s) => s.onsetMs <= first + toleranceMs);
    if (together.length >= minCallees && (!best || together.length > best.waits.length)) best = { caller, waits: together };
  }
  if (!best) return [...signals];
  const caller = best.caller;
  const split = splitRises(caller, best.waits);
  const blamed = new Set(best.waits);
  const share = (s: Signal): Signal =>
    split && s === split.lead && split.own > s.strength * residual
      ? { ...s, strength: Math.min(s.strength, split.own), text: `${s.text} (${split.leadRise.toFixed(0)}× more than ${caller}'s other calls)` }
      : { ...s, strength: s.strength * residual, text: `${s.text} (shared with the other services ${caller} calls)` };
  const out = signals.map((s) => (blamed.has(s) ? share(s) : s));
  const strongest = [...best.waits].sort((a, b) => b.strength - a.strength || a.evidenceId.localeCompare(b.evidenceId))[0]!;
  const names = best.waits.map((s) => s.service).sort();
  out.push({
    service: best.caller,
    family: 'outbound_latency',
    strength: Math.min(1, (split?.shared ?? strongest.strength) * (0.6 + 0.2 * best.waits.length)),
    onsetMs: Math.min(...best.waits.map((s) => s.onsetMs)),
    evidenceId: strongest.evidenceId,
    local: true,
    text: `calls from ${best.caller} into ${names.length} services (${names.slice(0, 4).join(', ')}${names.length > 4 ? '…' : ''}) all started waiting longer beyond the callees' own spans: the trouble is on ${best.caller}'s side of those links`.slice(0, 300),
  });
  return out;
}
