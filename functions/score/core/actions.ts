import type { RecommendedAction, RootCauseKind, Suspect } from '../../contracts/index.js';
import type { ActionKind } from '../../contracts/index.js';
import { CLEAR_STRENGTH, type Signal, type SignalFamily } from './types.js';

/**
 * The action table. Each kind maps to the one bounded, reversible action that undoes
 * it, or to none when no action of ours can help:
 *
 * | kind                | action        | when                                                      |
 * |---------------------|---------------|-----------------------------------------------------------|
 * | deployment          | rollback      | always: the previous version is known good               |
 * | config_change       | revert_config | always                                                   |
 * | feature_flag        | disable_flag  | always                                                   |
 * | traffic_surge       | scale_out     | always: demand beyond capacity                           |
 * | resource_exhaustion | restart       | only when the service's own evidence shows what a restart |
 * |                     |               | frees: an OOM kill, its heap exhausted, its descriptors   |
 * |                     |               | used up, a leak                                           |
 * |                     | none          | otherwise (a restart frees nothing a full store keeps, nor |
 * |                     |               | capacity a saturated database lacks)                      |
 * | dependency_failure  | none          | not ours to fix                                          |
 * | infrastructure      | scale_out     | only when the piece itself ran short under more demand    |
 * |                     |               | (a resolver throttled at the peak): capacity is its fix   |
 * |                     | none          | otherwise: the platform, not the service                  |
 * | code_defect         | none          | needs a fix, not an action                               |
 */
const TABLE: Record<RootCauseKind, ActionKind> = {
  deployment: 'rollback',
  config_change: 'revert_config',
  feature_flag: 'disable_flag',
  traffic_surge: 'scale_out',
  resource_exhaustion: 'restart',
  dependency_failure: 'none',
  infrastructure: 'none',
  code_defect: 'none',
};

/**
 * What a restart gives back, in a process's own words: the memory it holds (a heap run
 * out, a garbage collector that can no longer free any, a leak) and the descriptors it
 * holds open (files, sockets and connections never closed).
 */
const HELD_BY_THE_PROCESS = /out of memory|outofmemory|heap space|gc overhead|\bleak|too many open files|\bemfile\b|\benfile\b|file descriptors?/i;

/** A service's own reports of how its process fares: its error lines, exceptions and runtime events, not what its callers saw. */
const OWN_REPORTS: readonly SignalFamily[] = ['log_error', 'exception', 'runtime_crash', 'runtime_other'];

/**
 * Evidence that a restart would free what is exhausted: the runtime killed the process
 * for outgrowing its memory, or the process itself says its heap or its descriptors ran
 * out. A caller told "out of memory" by a store at its configured cap is no such
 * evidence: the store is alive and full of data it keeps, which a restart would either
 * reload or lose. Nor is a restart or crash on its own: one that already happened while
 * the failure went on shows a restart does not undo it.
 */
function heldByTheProcess(service: string, signals: readonly Signal[]): Signal[] {
  return signals.filter((s) => s.service === service && (s.family === 'runtime_leak' || (OWN_REPORTS.includes(s.family) && s.strength >= CLEAR_STRENGTH && HELD_BY_THE_PROCESS.test(`${s.text} ${s.raw ?? ''}`))));
}

/** Families that say a piece ran short of what it runs on: CPU, memory, a pool, throttling. */
const SHORT: readonly SignalFamily[] = ['cpu', 'memory', 'saturation', 'runtime_throttle'];

/**
 * Whether a platform piece of ours failed because more demand than its capacity reached
 * it: its own requests rose and it ran short itself (a cluster resolver CPU-throttled at
 * the morning peak). Nothing in it is broken, so capacity undoes it; a lost node, a
 * network dropping packets or a zone out has no such evidence and needs a person.
 */
function overwhelmed(service: string, signals: readonly Signal[]): Signal[] {
  const own = signals.filter((s) => s.service === service && s.strength >= CLEAR_STRENGTH);
  const demand = own.filter((s) => s.family === 'traffic_up');
  const short = own.filter((s) => SHORT.includes(s.family));
  return demand.length > 0 && short.length > 0 ? [...demand, ...short] : [];
}

export function recommendAction(top: Suspect | undefined, signals: readonly Signal[]): RecommendedAction {
  if (!top) return { kind: 'none', reason: 'no suspect stands out, so no action is recommended', evidenceIds: [] };
  const kind = TABLE[top.kind];
  if (top.kind === 'infrastructure') {
    const under = overwhelmed(top.service, signals);
    if (under.length > 0) return { kind: 'scale_out', service: top.service, reason: `${top.service} ran short under more demand than it was sized for (${under[0]!.text}); add capacity to it`, evidenceIds: [...new Set([...under.map((s) => s.evidenceId), ...top.evidenceIds])].slice(0, 5) };
  }
  if (kind === 'none') return { kind, service: top.service, reason: `a ${top.kind.replace('_', ' ')} is not undone by a rollback, restart or scale-out; it needs a person`, evidenceIds: top.evidenceIds.slice(0, 5) };
  if (kind === 'restart') {
    const held = heldByTheProcess(top.service, signals);
    if (held.length === 0) return { kind: 'none', service: top.service, reason: `${top.service} ran short, but nothing of its own shows what a restart would free (no OOM kill, no out-of-memory or too-many-open-files errors from its own process), so a restart is not recommended`, evidenceIds: top.evidenceIds.slice(0, 5) };
    return { kind, service: top.service, reason: `restart ${top.service}: its own process ran out of what it holds (${held[0]!.text}), and a restart frees it`, evidenceIds: [...new Set([...held.map((s) => s.evidenceId), ...top.evidenceIds])].slice(0, 5) };
  }
  const words: Partial<Record<ActionKind, string>> = {
    rollback: `roll ${top.service} back to its previous version`,
    revert_config: `revert the configuration change on ${top.service}`,
    disable_flag: `turn the feature flag on ${top.service} back off`,
    scale_out: `add capacity to ${top.service} for the extra demand`,
  };
  return { kind, service: top.service, reason: words[kind]!, evidenceIds: top.evidenceIds.slice(0, 5) };
}
