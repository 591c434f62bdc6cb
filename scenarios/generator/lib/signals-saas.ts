import { Rng } from './prng.js';
import { epochMs, isoAt, type Sec } from './time.js';
import type { Signal } from './types.js';

const pdId = (r: Rng): string => `P${r.suffix(6).toUpperCase()}`;

export interface PagerDutyIncident {
  title: string;
  serviceName: string;
  urgency: 'high' | 'low';
  priority: string;
  number: number;
  escalationPolicy: string;
  team: string;
  assignee: string;
  createdAt?: Sec;
}

/** A PagerDuty v3 webhook: one `incident.triggered` event. */
export function pagerduty(at: string, i: PagerDutyIncident): Signal {
  const r = new Rng(epochMs(at, 0) ^ i.number);
  const api = 'https://api.pagerduty.com';
  const web = 'https://acme-ops.pagerduty.com';
  const ref = (type: string, id: string, summary: string, path: string, webPath = path) => ({
    html_url: `${web}/${webPath}/${id}`,
    id,
    self: `${api}/${path}/${id}`,
    summary,
    type: `${type}_reference`,
  });
  const incidentId = `Q${r.suffix(13).toUpperCase()}`;
  const service = ref('service', pdId(r), i.serviceName, 'services', 'service-directory');
  const created = isoAt(at, i.createdAt ?? -20);
  return {
    source: 'pagerduty',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'PagerDuty-Webhook/V3.0',
      'x-pagerduty-signature': `v1=${r.hex(64)}`,
      'x-webhook-id': r.uuid(),
      'x-webhook-subscription': pdId(r),
    },
    body: {
      event: {
        id: `01${r.suffix(24).toUpperCase()}`,
        event_type: 'incident.triggered',
        resource_type: 'incident',
        occurred_at: isoAt(at, (i.createdAt ?? -20) + 0.8, true),
        agent: service,
        client: null,
        data: {
          id: incidentId,
          type: 'incident',
          self: `${api}/incidents/${incidentId}`,
          html_url: `${web}/incidents/${incidentId}`,
          number: i.number,
          status: 'triggered',
          incident_key: r.hex(32),
          created_at: created,
          title: i.title,
          service,
          assignees: [ref('user', pdId(r), i.assignee, 'users')],
          escalation_policy: ref('escalation_policy', pdId(r), i.escalationPolicy, 'escalation_policies'),
          teams: [ref('team', pdId(r), i.team, 'teams')],
          priority: { ...ref('priority', pdId(r), i.priority, 'priorities'), html_url: null },
          urgency: i.urgency,
          conference_bridge: null,
          resolve_reason: null,
          incident_type: { name: 'incident_default' },
        },
      },
    },
  };
}

export interface DatadogMonitor {
  monitorId: number;
  title: string;
  message: string;
  metric: string;
  query: string;
  scope: string;
  threshold: number;
  tags: string[];
  priority: string;
  hostname?: string;
}

/** A Datadog webhook with the usual custom payload built from Datadog's $-variables. */
export function datadog(at: string, m: DatadogMonitor): Signal {
  const r = new Rng(epochMs(at, 0) ^ m.monitorId);
  const ms = epochMs(at, 0);
  return {
    source: 'datadog',
    headers: { 'content-type': 'application/json' },
    body: {
      id: String(r.int(1e15, 9e15)),
      event_type: 'query_alert_monitor',
      title: `[Triggered] ${m.title}`,
      body: `%%%\n${m.message}\n\n@webhook-causeway\n%%%`,
      date: ms,
      last_updated: ms,
      alert_id: String(m.monitorId),
      alert_title: m.title,
      alert_transition: 'Triggered',
      alert_type: 'error',
      alert_status: `${m.metric} over ${m.scope} was > ${m.threshold} during the last 5m.`,
      alert_metric: m.metric,
      alert_query: m.query,
      alert_scope: m.scope,
      alert_priority: m.priority,
      alert_cycle_key: r.hex(16),
      aggreg_key: r.hex(32),
      hostname: m.hostname ?? '',
      link: `https://app.datadoghq.com/event/event?id=${r.int(1e15, 9e15)}`,
      monitor_url: `https://app.datadoghq.com/monitors/${m.monitorId}`,
      org: { id: '412877', name: 'Acme Ops' },
      tags: m.tags.join(','),
    },
  };
}

export interface OpsgenieAlert {
  message: string;
  description: string;
  entity: string;
  tags: string[];
  details: Record<string, string>;
  priority: string;
  source: string;
  integrationName: string;
  tinyId: number;
  createdAt?: Sec;
}

/** An Opsgenie outgoing-webhook "Create" action. */
export function opsgenie(at: string, a: OpsgenieAlert): Signal {
  const r = new Rng(epochMs(at, 0) ^ a.tinyId);
  const created = epochMs(at, a.createdAt ?? -15);
  return {
    source: 'opsgenie',
    headers: { 'content-type': 'application/json' },
    body: {
      source: { name: a.source, type: 'API' },
      alert: {
        updatedAt: created * 1_000_000 + r.int(0, 999_999),
        tags: a.tags,
        teams: [r.uuid()],
        recipients: [r.uuid()],
        message: a.message,
        username: 'System',
        alertId: r.uuid(),
        source: a.source,
        alias: r.hex(40),
        tinyId: String(a.tinyId),
        createdAt: created,
        userId: '',
        entity: a.entity,
        description: a.description,
        details: a.details,
        priority: a.priority,
      },
      action: 'Create',
      integrationId: r.uuid(),
      integrationName: a.integrationName,
    },
  };
}

export interface GenericAlert {
  title: string;
  severity: string;
  service: string;
  labels: Record<string, string>;
  startedAt?: Sec;
}

/** The generic webhook: `{ title, status, severity, service, startedAt, labels }`. */
export function generic(at: string, a: GenericAlert): Signal {
  return {
    source: 'generic',
    headers: { 'content-type': 'application/json', 'user-agent': 'alert-relay/2.3' },
    body: {
      title: a.title,
      status: 'firing',
      severity: a.severity,
      service: a.service,
      startedAt: isoAt(at, a.startedAt ?? -45),
      labels: a.labels,
    },
  };
}
