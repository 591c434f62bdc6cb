import type { Suspect, TimelineEntry } from '../../contracts/index.js';
import type { Attribution } from './changes.js';
import type { ServiceProfile } from './propagation.js';
import type { Signal } from './types.js';

/** A causal chain longer than this stops being read at 3 a.m. */
export const MAX_PATH_STEPS = 6;

/** The calls from `from` down to `to`, both included, by breadth-first search; just `[to]` when no path joins them. */
function callPath(graph: Map<string, Set<string>>, from: string | undefined, to: string): string[] {
  if (from === undefined || from === to) return [to];
  const parent = new Map<string, string>([[from, from]]);
  const queue = [from];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const next of [...(graph.get(current) ?? [])].sort()) {
      if (parent.has(next)) continue;
      parent.set(next, current);
      if (next === to) {
        const path = [to];
        for (let s = current; s !== from; s = parent.get(s)!) path.push(s);
        return [...path, from].reverse();
      }
      queue.push(next);
    }
  }
  return [to];
}

const entry = (s: Signal): TimelineEntry => ({ at: new Date(s.onsetMs).toISOString(), service: s.service, evidenceId: s.evidenceId, text: s.text.slice(0, 500) });

/** A service's most telling signal: local evidence first, then the strongest, then the earliest. */
function telling(p: ServiceProfile | undefined, exclude: ReadonlySet<string>): Signal | undefined {
  const list = (p?.signals ?? []).filter((s) => !exclude.has(s.evidenceId) && s.strength >= 0.3);
  return list.sort((a, b) => Number(b.local) - Number(a.local) || b.strength - a.strength || a.onsetMs - b.onsetMs || a.evidenceId.localeCompare(b.evidenceId))[0];
}

/**
 * The few statements on the path from the root cause to the alert, in causal order:
 * the change that caused it (when one did), the root service's clearest evidence, the
 * neighbour the change broke, then one statement per service on the calls from the
 * root up to the alerting service. Anomalies off that path stay in the timeline.
 */
export function causalPath(top: Suspect | undefined, alerted: string | undefined, profiles: Map<string, ServiceProfile>, graph: Map<string, Set<string>>, attributions: readonly Attribution[]): TimelineEntry[] {
  if (!top) return [];
  const out: TimelineEntry[] = [];
  const used = new Set<string>();
  const push = (e: TimelineEntry | undefined) => {
    if (!e || used.has(e.evidenceId) || out.length >= MAX_PATH_STEPS) return;
    used.add(e.evidenceId);
    out.push(e);
  };
  const cause = attributions.find((a) => !a.redHerring && a.change.service === top.service && a.kind === top.kind && top.evidenceIds.includes(a.change.id));
  if (cause) push({ at: cause.change.at, service: cause.change.service, evidenceId: cause.change.id, text: `${cause.change.kind} ${cause.change.summary}`.slice(0, 500) });
  const own = telling(profiles.get(top.service), used);
  if (own) push(entry(own));
  const start = cause?.explains ?? top.service;
  if (start !== top.service) {
    const victim = telling(profiles.get(start), used);
    if (victim) push(entry(victim));
  }
  const path = callPath(graph, alerted, start).reverse().slice(1);
  for (const service of path) {
    const s = telling(profiles.get(service), used);
    if (s) push(entry(s));
  }
  return out;
}
