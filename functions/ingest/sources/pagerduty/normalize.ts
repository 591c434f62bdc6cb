import type { IncidentSignal } from '../../../contracts/signal.js';
import type { NormalizeContext } from '../types.js';
import { catalogService } from '../shared/catalog.js';
import { namedService } from '../shared/workload.js';
import { parsePayload, parseTolerant } from '../shared/parse.js';
import { finishSignal } from '../shared/signal.js';
import { toIsoTime } from '../shared/time.js';
import { PagerDutyIncident, PagerDutyIncidentNote, PagerDutyWebhook } from './schema.js';
import { PAGERDUTY_EVENTS, pagerDutySeverity } from './severity.js';

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

type PagerDutyEvent = PagerDutyWebhook['event'];

/** A note or status update on an incident: it updates the incident's investigation, found by the incident id. */
function noteSignal(event: PagerDutyEvent, ctx: NormalizeContext): IncidentSignal {
  const note = parsePayload(PagerDutyIncidentNote, event.data, 'event.data');
  return finishSignal(
    'pagerduty',
    {
      identity: note.incident.id,
      externalId: note.incident.id,
      externalUrl: note.incident.html_url,
      fingerprint: note.incident.id,
      status: 'firing',
      severity: 'info',
      titles: [note.incident.summary, `PagerDuty incident ${note.incident.id}`],
      links: { source: note.incident.html_url },
      labels: {},
      lifecycle: { event: 'note_added', at: toIsoTime(event.occurred_at), by: event.agent?.summary, detail: note.content ?? note.message },
    },
    ctx,
    'event.data',
  );
}

/** One signal for each incident lifecycle event (see PAGERDUTY_EVENTS); none for the others. */
export function normalizePagerDuty(body: unknown, ctx: NormalizeContext): IncidentSignal[] {
  const { event } = parsePayload(PagerDutyWebhook, body);
  const lifecycle = Object.hasOwn(PAGERDUTY_EVENTS, event.event_type) ? PAGERDUTY_EVENTS[event.event_type]! : undefined;
  if (!lifecycle) return [];
  if (lifecycle === 'note_added') return [noteSignal(event, ctx)];
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
        status: lifecycle === 'resolved' ? 'resolved' : 'firing',
        severity: pagerDutySeverity(incident),
        titles: [incident.title, incident.number == null ? undefined : `PagerDuty incident #${incident.number}`, `PagerDuty incident ${incident.id}`],
        service: named?.service,
        serviceInferredFrom: named?.rule,
        startedAt: toIsoTime(incident.created_at) ?? toIsoTime(event.occurred_at),
        links: { source: incident.html_url },
        labels: labelsOf(incident),
        lifecycle: {
          event: lifecycle,
          at: toIsoTime(event.occurred_at),
          by: event.agent?.summary,
          detail: lifecycle === 'priority_changed' ? incident.priority?.summary && `priority ${incident.priority.summary}` : undefined,
        },
        notes,
      },
      ctx,
      'event.data',
    ),
  ];
}
