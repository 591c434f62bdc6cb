import type { ServiceProfile } from './propagation.js';
import { namesWhatFailed } from './victims.js';

/**
 * Whether a change's summary names what its own service's new failures are about: the
 * service's own error lines or exceptions (not what its callers said of it) share
 * distinctive words with the change (`namesWhatFailed`: a release that brought "a new
 * AckTracker with late-ack reconciliation" and a TypeError thrown "at AckTracker.onLateAck"
 * half an hour later). A code defect needs no trigger of its own when the change that put
 * the failing code there is in view: the failures are that change's, by what it touched
 * rather than by the minutes between them, so its fit fades over hours, not minutes.
 */
export function failsWhereItChanged(summary: string, p: ServiceProfile): boolean {
  return namesWhatFailed(summary, { ...p, signals: p.signals.filter((s) => s.local && s.service === p.service) });
}
