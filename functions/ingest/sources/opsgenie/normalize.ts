import type { IncidentSignal } from '../../../contracts/signal.js';
import type { NormalizeContext } from '../types.js';
import { correlationFrom, ENVIRONMENT_KEYS, findValue, NAMESPACE_KEYS, tagsToMap } from '../shared/labels.js';
import { parseTolerant } from '../shared/parse.js';
import { finishSignal } from '../shared/signal.js';
import { toIsoTime } from '../shared/time.js';
import { inferService } from '../shared/workload.js';
import { OpsgenieWebhook } from './schema.js';
import { ACTION_STATUS, opsgenieSeverity } from './severity.js';

/**
 * One signal for an action that opens or closes an alert; none otherwise. Identity is Opsgenie's
 * `alertId`, which the Create and the Close of one alert share. The service is read from
 * details, then tags (shared/workload.ts), then the alert's entity.
 */
export function normalizeOpsgenie(body: unknown, ctx: NormalizeContext): IncidentSignal[] {
  const {
    data: { action, alert },
    notes,
  } = parseTolerant(OpsgenieWebhook, body, ['alert.priority', 'alert.message', 'alert.description', 'alert.tinyId', 'alert.teams', 'alert.source', 'alert.createdAt']);
  const status = Object.hasOwn(ACTION_STATUS, action) ? ACTION_STATUS[action] : undefined;
  if (!status) return [];
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
        status,
        severity: opsgenieSeverity(alert.priority),
        titles: [alert.message, alert.alias, alert.tinyId && `Opsgenie alert #${alert.tinyId}`, `Opsgenie alert ${alert.alertId}`],
        description: alert.description,
        service: inferred?.service,
        serviceRule: inferred?.rule,
        environment: findValue(maps, ENVIRONMENT_KEYS),
        namespace,
        startedAt: toIsoTime(alert.createdAt),
        labels,
        correlation: correlationFrom(maps),
        notes,
      },
      ctx,
      'alert',
    ),
  ];
}
