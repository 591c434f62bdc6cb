import type { Attribution } from './changes.js';
import { originScore, type ServiceProfile } from './propagation.js';
import { decay } from './victims.js';
import type { Weights } from './weights.js';

/**
 * The dependents a change on its own service broke: the services whose trouble
 * propagation puts on the changed service (`explainedBy`), that began at or after the
 * change and no earlier than the changed service's own (within the step that timed
 * either). A change that fits its own service's trouble reaches them too (a node-pool
 * upgrade draining nodes under four services; a rebalance on a store whose readers then
 * saw empty folders).
 */
export function dependentsOf(a: Attribution, profiles: ReadonlyMap<string, ServiceProfile>): ServiceProfile[] {
  if (a.redHerring || a.score < 0.1 || a.explains || a.fit <= 0) return [];
  const at = Date.parse(a.change.at);
  const changed = profiles.get(a.change.service);
  if (!changed) return [];
  return [...profiles.values()].filter((q) => q.explainedBy === a.change.service && q.onsetMs >= at && q.onsetMs + Math.max(q.onsetStepMs, changed.onsetStepMs) >= changed.onsetMs);
}

/**
 * What a change that fits its own service's trouble earns from the trouble of the
 * dependents it broke (`dependentsOf`): the trouble an SRE sees is often a neighbour's (a
 * store that logged one warning while every reader of it failed), and the change that
 * explains the store explains what its readers suffered as a change that broke a
 * neighbour directly does, in proportion to how well it fits (`Attribution.score`) and
 * how clearly the worst-hit dependent stands out (its origin score). A dependent that
 * broke well after the changed service's own trouble began (a pool that ran dry 40
 * minutes after a replica restarted under it) is weighed down as a neighbour that broke
 * long after a change is (`victimGraceMs`, then halved each `victimHalfLifeMs`): it is
 * another trouble, not what the change did. Without this a change is weighed by its own
 * service's trouble alone and loses to the very symptom it caused. Only a change that
 * fits its own service's trouble (`fit` above `fitPivot`, where it already outranks the
 * service's other explanations) earns it: the dependents suffered the service's trouble,
 * whatever caused it, so they cannot tell a deploy half an hour before it from the
 * service's own defect, and must not lift the one over the other.
 */
export function dependentsTrouble(a: Attribution, profiles: ReadonlyMap<string, ServiceProfile>, w: Weights): number {
  const changed = profiles.get(a.change.service);
  if (!changed || a.fit <= w.changes.fitPivot) return 0;
  const worst = Math.max(0, ...dependentsOf(a, profiles).map((q) => originScore(q, w) * decay(q.onsetMs - changed.onsetMs - w.changes.victimGraceMs, w.changes.victimHalfLifeMs)));
  return w.changes.dependentShare * a.score * worst;
}
