import type { IncidentSignal } from '../../../contracts/signal.js';
import type { NormalizeContext } from '../types.js';
import { catalogService } from '../shared/catalog.js';
import { namedService } from '../shared/workload.js';
import { parsePayload, parseTolerant } from '../shared/parse.js';
import { finishSignal } from '../shared/signal.js';
import { toIsoTime } from '../shared/time.js';
import { PagerDutyIncident, PagerDutyWebhook } from './schema.js';
import { INCIDENT_STATUS, pagerDutySeverity } from './severity.js';

function labelsOf(incident: PagerDutyIncident): Record<string, string> {
  const entries: Array<[string, string | undefined]> = [
    ['pagerduty_service', incident.service?.summary],
    ['pagerduty_service_id', incident.service?.id],
    ['priority', incident.priority?.summary],
    ['urgency', incident.urgency],
    ['escalation_policy', incident.escalation_policy?.summary],
    ['teams', (incident.teams ?? []).map((team) => team.summary).filter(Boolean).join(',') || undefined],
    ['incident_number', incident.number == null ? undefined : String(incident.number)],
  ];
  return Object.fromEntries(entries.filter((entry): entry is [string, string] => Boolean(entry[1])));
}

/** One signal for an incident state change; none for events that change no incident state. */
export function normalizePagerDuty(body: unknown, ctx: NormalizeContext): IncidentSignal[] {
  const { event } = parsePayload(PagerDutyWebhook, body);
  const status = Object.hasOwn(INCIDENT_STATUS, event.event_type) ? INCIDENT_STATUS[event.event_type] : undefined;
  if (!status) return [];
  const { data: incident, notes } = parseTolerant(
    PagerDutyIncident,
    event.data,
    ['title', 'urgency', 'priority', 'teams', 'escalation_policy', 'number', 'html_url', 'created_at'],
    'event.data',
  );
  const byServiceId = catalogService(ctx.catalog, { pagerdutyServiceId: incident.service?.id });
  const named = byServiceId ? { service: byServiceId, rule: 'catalog' } : incident.service?.summary ? namedService(ctx.catalog, incident.service.summary, 'sender-service') : undefined;
  return [
    finishSignal(
      'pagerduty',
      {
        identity: incident.id,
        externalId: incident.id,
        externalUrl: incident.html_url,
        fingerprint: incident.incident_key ?? incident.id,
        status,
        severity: pagerDutySeverity(incident),
        titles: [incident.title, incident.number == null ? undefined : `PagerDuty incident #${incident.number}`, `PagerDuty incident ${incident.id}`],
        service: named?.service,
        serviceRule: named?.rule,
        startedAt: toIsoTime(incident.created_at) ?? toIsoTime(event.occurred_at),
        links: { source: incident.html_url },
        labels: labelsOf(incident),
        notes,
      },
      ctx,
      'event.data',
    ),
  ];
}
