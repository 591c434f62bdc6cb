import type { Severity } from '../../../contracts/signal.js';
import type { PagerDutyIncident } from './schema.js';

/**
 * | PagerDuty                        | severity |
 * |----------------------------------|----------|
 * | priority P1 (SEV-1…)             | critical |
 * | priority P2                      | high     |
 * | priority P3                      | warning  |
 * | priority P4, P5                  | info     |
 * | no priority, urgency high        | high     |
 * | no priority, urgency low         | warning  |
 *
 * Priority is the account's own ranking, so it wins; urgency only says whether to page now.
 */
export function pagerDutySeverity(incident: PagerDutyIncident): Severity {
  const digit = /([0-5])/.exec(incident.priority?.summary ?? '')?.[1];
  if (digit === '0' || digit === '1') return 'critical';
  if (digit === '2') return 'high';
  if (digit === '3') return 'warning';
  if (digit === '4' || digit === '5') return 'info';
  return incident.urgency === 'low' ? 'warning' : 'high';
}

/**
 * Event types that say an incident is open or closed. Everything else (notes, responders,
 * status updates, services, pings) yields no signal: emitting "firing" for a note on a resolved
 * incident would reopen it.
 */
export const INCIDENT_STATUS: Record<string, 'firing' | 'resolved'> = {
  'incident.triggered': 'firing',
  'incident.acknowledged': 'firing',
  'incident.unacknowledged': 'firing',
  'incident.escalated': 'firing',
  'incident.delegated': 'firing',
  'incident.reassigned': 'firing',
  'incident.priority_updated': 'firing',
  'incident.reopened': 'firing',
  'incident.resolved': 'resolved',
};
