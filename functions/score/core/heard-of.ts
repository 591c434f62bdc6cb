import type { ServiceProfile } from './propagation.js';

/**
 * Whether all a service shows is what its callers said of it: every signal of its is a
 * caller's error line naming it, none its own telemetry. A change on such a service is not
 * tied to trouble of its own (it has none we can see) but to the trouble of the callers
 * that named it, and is weighed as the cause of theirs: a security-group rule removed from
 * a database a minute before its only client began failing to connect to it.
 */
export function onlyHeardOf(p: ServiceProfile): boolean {
  return p.signals.length > 0 && p.signals.every((s) => s.family === 'dependency_mention');
}
