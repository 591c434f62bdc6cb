import type { IncidentSignal, LifecycleEventKind } from '../../../contracts/signal.js';
import type { NormalizeContext } from '../types.js';
import { correlationFrom, ENVIRONMENT_KEYS, findValue, NAMESPACE_KEYS, tagsToMap } from '../shared/labels.js';
import { parseTolerant } from '../shared/parse.js';
import { finishSignal } from '../shared/signal.js';
import { toIsoTime } from '../shared/time.js';
import { inferService } from '../shared/workload.js';
import { OpsgenieWebhook } from './schema.js';
import { OPSGENIE_ACTIONS, opsgenieSeverity } from './severity.js';

/** The action's own words for the record: the note, the new owner or priority, the escalation. */
function lifecycleDetail(event: LifecycleEventKind, alert: { note?: string; owner?: string; priority?: string; escalationName?: string }): string | undefined {
  if (event === 'note_added') return alert.note;
  if (event === 'reassigned') return alert.owner && `owner ${alert.owner}`;
  if (event === 'priority_changed') return alert.priority && `priority ${alert.priority}`;
  if (event === 'escalated') return alert.escalationName && `escalation ${alert.escalationName}`;
  return undefined;
}

/**
 * One signal per lifecycle action (see OPSGENIE_ACTIONS); none otherwise. Identity is Opsgenie's
 * `alertId`, which the Create and the Close of one alert share. The service is read from
 * details, then tags (shared/workload.ts), then the alert's entity.
 */
export function normalizeOpsgenie(body: unknown, ctx: NormalizeContext): IncidentSignal[] {
  const {
    data: { action, alert, escalationName, escalationNotify },
    notes,
  } = parseTolerant(OpsgenieWebhook, body, [
    'alert.priority',
    'alert.message',
    'alert.description',
    'alert.tinyId',
    'alert.teams',
    'alert.source',
    'alert.createdAt',
    'alert.updatedAt',
    'alert.username',
    'alert.note',
    'alert.owner',
    'escalationName',
    'escalationNotify',
  ]);
  const lifecycle = Object.hasOwn(OPSGENIE_ACTIONS, action) ? OPSGENIE_ACTIONS[action]! : undefined;
  if (!lifecycle) return [];
  const details = alert.details ?? {};
  const tags = tagsToMap(alert.tags ?? []);
  const maps = [details, tags];
  const namespace = findValue(maps, NAMESPACE_KEYS);
  const inferred = inferService(ctx.catalog, maps, { name: alert.entity, rule: 'entity' });
  const labels: Record<string, string> = { ...tags, ...details };
  if (alert.entity) labels['entity'] = alert.entity;
  if (alert.source) labels['opsgenie_source'] = alert.source;
  if (alert.priority) labels['priority'] = alert.priority;
  if (alert.teams?.length) labels['teams'] = alert.teams.join(',');
  return [
    finishSignal(
      'opsgenie',
      {
        identity: alert.alertId,
        externalId: alert.alertId,
        fingerprint: alert.alias ?? alert.alertId,
        status: lifecycle === 'resolved' || lifecycle === 'deleted' ? 'resolved' : 'firing',
        severity: opsgenieSeverity(alert.priority),
        titles: [alert.message, alert.alias, alert.tinyId && `Opsgenie alert #${alert.tinyId}`, `Opsgenie alert ${alert.alertId}`],
        description: alert.description,
        service: inferred?.service,
        serviceInferredFrom: inferred?.rule,
        environment: findValue(maps, ENVIRONMENT_KEYS),
        namespace,
        startedAt: toIsoTime(alert.createdAt),
        labels,
        correlation: correlationFrom(maps),
        lifecycle: {
          event: lifecycle,
          at: alert.updatedAt ? toIsoTime(Math.floor(alert.updatedAt / 1e6)) : undefined,
          by: lifecycle === 'escalated' ? escalationNotify?.name : alert.username,
          detail: lifecycleDetail(lifecycle, { note: alert.note, owner: alert.owner, priority: alert.priority, escalationName }),
        },
        notes,
      },
      ctx,
      'alert',
    ),
  ];
}
