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
 * | resource_exhaustion | restart       | only when the service shows a leak, OOM kill or crash;    |
 * |                     | none          | otherwise (a restart would not free a saturated database) |
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

const LEAK_WORDS = /out of memory|\boom|heap space|leak/i;

/** Evidence that a restart would actually free what is exhausted: an OOM kill, a crash loop, a memory leak. */
function leakEvidence(service: string, signals: readonly Signal[]): Signal[] {
  return signals.filter((s) => s.service === service && (s.family === 'runtime_leak' || s.family === 'runtime_crash' || (s.hint === 'resource_exhaustion' && LEAK_WORDS.test(s.text))));
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
    const leak = leakEvidence(top.service, signals);
    if (leak.length === 0) return { kind: 'none', service: top.service, reason: `${top.service} is saturated but shows no leak, OOM kill or crash, so a restart would not help`, evidenceIds: top.evidenceIds.slice(0, 5) };
    return { kind, service: top.service, reason: `${top.service} ${leak[0]!.text}; a restart frees what it holds`, evidenceIds: [...new Set([...leak.map((s) => s.evidenceId), ...top.evidenceIds])].slice(0, 5) };
  }
  const words: Partial<Record<ActionKind, string>> = {
    rollback: `roll ${top.service} back to its previous version`,
    revert_config: `revert the configuration change on ${top.service}`,
    disable_flag: `turn the feature flag on ${top.service} back off`,
    scale_out: `add capacity to ${top.service} for the extra demand`,
  };
  return { kind, service: top.service, reason: words[kind]!, evidenceIds: top.evidenceIds.slice(0, 5) };
}
