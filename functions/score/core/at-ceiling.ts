import type { ChangeEvent } from '../../contracts/index.js';

/** Who scales on their own: autoscalers, by the name they act under or the feed that reports them. */
export const SCALER = /autoscal|\bhpa\b|horizontalpodautoscaler|target.?tracking|scaling.?policy|\bkeda\b|karpenter/i;

/**
 * Words that say a group stands at its ceiling: at, reached or hit its maximum (`at max
 * replicas (200)`, `reached its maximum size of 40`, `fleet at max size 40/40`), equals it
 * (`desired count 60 = maximum`), its scaling capped, or could place no more (`unable to
 * place more tasks`).
 */
const AT_CEILING = /\b(?:at|reached|reaches|hit|hits|hitting)\s+(?:its\s+|the\s+|their\s+)?(?:max(?:imum)?|ceiling|upper limit)\b|\bmax(?:imum)?\b[^,;.]{0,30}\breached\b|\bunable to (?:place|launch|add|scale)\b|=\s*(?:its\s+|the\s+)?max(?:imum)?\b|\b(?:scaling|scaler|policy|replicas|count)\s+capped\b/i;

/**
 * Whether a scaling event reports an autoscaler standing at its group's ceiling: an event
 * of kind `scaling`, or one an autoscaler reported, that says the group is at or reached
 * its maximum size. Nobody changed anything: demand asked for more instances than the
 * group may have, so the event is demand's mark (a surge met the ceiling), never a
 * configuration change that caused the trouble.
 */
export function scalerAtCeiling(change: Pick<ChangeEvent, 'kind' | 'summary' | 'author' | 'source'>): boolean {
  const scaler = change.kind === 'scaling' || SCALER.test(`${change.author ?? ''} ${change.source ?? ''}`);
  return scaler && AT_CEILING.test(change.summary);
}
