import type { RootCauseKind, Suspect } from '../../contracts/index.js';
import type { Attribution } from './changes.js';
import { downstream, type ServiceProfile } from './propagation.js';
import type { SignalFamily } from './types.js';

/** Kinds that blame a change. */
const CHANGE_KINDS: readonly RootCauseKind[] = ['deployment', 'config_change', 'feature_flag'];

/** What says a service failed or was paged for: its failing requests, units it lost, an alert on it. */
const FAILED: readonly SignalFamily[] = ['errors', 'error_origin', 'log_error', 'exception', 'units_lost', 'related_alert'];

/** Trouble this close to the changed service's own is the same trouble. */
const SAME_TROUBLE_MS = 10 * 60_000;

/**
 * Whether the trouble that the top suspect, a change, is blamed for also shows where the
 * change cannot have reached: another service, neither a caller nor a callee of the
 * changed one (directly or through others) and with no change of its own, failed or was
 * paged within minutes of it. A change explains the trouble of its own service and of
 * those it talks to; the same trouble in a bystander says something they share failed (a
 * managed runtime, a network, a zone), and the change may only have happened to come
 * first, so the confidence in it must not be high (`ConfidenceFeatures.rivalExplains`).
 * Measured: a variant that also counted a dependency explaining part of the changed
 * service's trouble fired on right answers as often (a flag that overloads a callee) and
 * was fitted a positive weight, so it was dropped.
 */
export function rivalExplains(top: Pick<Suspect, 'service' | 'kind'> | undefined, profiles: ReadonlyMap<string, ServiceProfile>, graph: Map<string, Set<string>>, attributions: readonly Attribution[]): boolean {
  if (!top || !CHANGE_KINDS.includes(top.kind)) return false;
  const p = profiles.get(top.service);
  if (!p) return false;
  const changed = new Set(attributions.filter((a) => !a.redHerring).map((a) => a.change.service));
  const reached = downstream(graph, top.service);
  return [...profiles.values()].some((q) => {
    if (q.service === top.service || changed.has(q.service) || reached.has(q.service) || downstream(graph, q.service).has(top.service)) return false;
    return q.signals.some((s) => FAILED.includes(s.family) && s.strength >= 0.2 && Math.abs(s.onsetMs - p.onsetMs) <= SAME_TROUBLE_MS);
  });
}
