import type { Suspect, TimelineEntry } from '../../contracts/index.js';
import type { Attribution } from './changes.js';
import type { ServiceProfile } from './propagation.js';
import { CLEAR_STRENGTH, type Signal } from './types.js';

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
  const list = (p?.signals ?? []).filter((s) => !exclude.has(s.evidenceId) && s.strength >= CLEAR_STRENGTH);
  return list.sort((a, b) => Number(b.local) - Number(a.local) || b.strength - a.strength || a.onsetMs - b.onsetMs || a.evidenceId.localeCompare(b.evidenceId))[0];
}

/** Onsets this close count as the same moment: grid steps and detection jitter. */
const SAME_MOMENT_MS = 2 * 60_000;

/**
 * How trouble reached a service on the way up to the alert: its first clear signal from
 * the previous step on (propagation runs forward in time) and by the time of the alert.
 * A service that only showed trouble after the alert fired did not carry it there.
 */
function reached(p: ServiceProfile | undefined, exclude: ReadonlySet<string>, afterMs: number | undefined, alertAtMs: number): Signal | undefined {
  const inTime = (p?.signals ?? []).filter(
    (s) => !exclude.has(s.evidenceId) && s.strength >= CLEAR_STRENGTH && s.onsetMs <= alertAtMs && (afterMs === undefined || s.onsetMs >= afterMs - SAME_MOMENT_MS),
  );
  return inTime.sort((a, b) => a.onsetMs - b.onsetMs || Number(b.local) - Number(a.local) || b.strength - a.strength || a.evidenceId.localeCompare(b.evidenceId))[0];
}

/**
 * The few statements on the path from the root cause to the alert, in causal order:
 * the change that caused it (when one did), the root service's clearest evidence, then,
 * per service from the neighbour the change broke (or the root) up the calls to the
 * alerting service, the first sign that the trouble reached it, so the chain reads
 * forward in time. Anomalies off that path stay in the timeline.
 */
export function causalPath(
  top: Suspect | undefined,
  alerted: string | undefined,
  profiles: Map<string, ServiceProfile>,
  graph: Map<string, Set<string>>,
  attributions: readonly Attribution[],
  alertAtMs: number,
): TimelineEntry[] {
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
  const hops = callPath(graph, alerted, start).reverse().slice(start === top.service ? 1 : 0);
  for (const service of hops) {
    const last = out.at(-1);
    const s = reached(profiles.get(service), used, last ? Date.parse(last.at) : undefined, alertAtMs);
    if (s) push(entry(s));
  }
  return out;
}
