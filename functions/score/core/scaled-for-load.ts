import type { ChangeEvent, Suspect } from '../../contracts/index.js';
import { scalerAddedCapacity } from './changes.js';
import type { Evidence } from './types.js';

/** A surge cites at most this many of its autoscaler's steps: the latest say how far it got. */
const MAX_STEPS = 2;

/**
 * A traffic-surge suspect citing its autoscaler's response: capacity an autoscaler added to
 * the service (`scalerAddedCapacity`) in the window is its own record that demand rose,
 * and the latest steps say how far it scaled (to its ceiling, when more demand came than it
 * could meet), which is what an on-call engineer checks first for a surge. No other kind
 * cites them: capacity added in response to load speaks for demand, not for a defect or a
 * shortage of another making.
 */
export function withScalerResponse<S extends Pick<Suspect, 'service' | 'kind' | 'evidenceIds'>>(suspect: S, items: readonly Evidence[]): S {
  if (suspect.kind !== 'traffic_surge') return suspect;
  const steps = items
    .filter((i): i is ChangeEvent & { id: string } => i.class === 'changes' && i.service === suspect.service && scalerAddedCapacity(i))
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    .slice(0, MAX_STEPS)
    .map((c) => c.id)
    .filter((id) => !suspect.evidenceIds.includes(id));
  return steps.length > 0 ? { ...suspect, evidenceIds: [...suspect.evidenceIds, ...steps] } : suspect;
}
