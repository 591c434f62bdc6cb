import type { LifecycleEventKind, Severity } from '../../../contracts/signal.js';
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
 * Webhooks v3 event types and what each is in the alert's lifecycle. `incident.triggered` and
 * `incident.reopened` open an investigation; `incident.resolved` closes it; the others update
 * it. Everything else (responders, custom fields, conference bridges, services, pings) yields
 * no signal.
 */
export const PAGERDUTY_EVENTS: Record<string, LifecycleEventKind> = {
  'incident.triggered': 'opened',
  'incident.reopened': 'reopened',
  'incident.acknowledged': 'acknowledged',
  'incident.unacknowledged': 'unacknowledged',
  'incident.escalated': 'escalated',
  'incident.delegated': 'reassigned',
  'incident.reassigned': 'reassigned',
  'incident.priority_updated': 'priority_changed',
  'incident.annotated': 'note_added',
  'incident.status_update_published': 'note_added',
  'incident.resolved': 'resolved',
};
