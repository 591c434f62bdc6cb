import type { IncidentSignal } from '../../../contracts/signal.js';
import type { NormalizeContext } from '../types.js';
import { correlationFrom, ENVIRONMENT_KEYS, findValue, NAMESPACE_KEYS, tagsToMap } from '../shared/labels.js';
import { parseTolerant } from '../shared/parse.js';
import { finishSignal } from '../shared/signal.js';
import { toIsoTime } from '../shared/time.js';
import { inferService } from '../shared/workload.js';
import { DatadogWebhook } from './schema.js';
import { datadogSeverity, datadogStatus } from './severity.js';

/** `$TAGS` and `$ALERT_SCOPE` are comma-separated `key:value` lists. */
function splitTags(tags: string | string[] | null | undefined): string[] {
  if (!tags) return [];
  return Array.isArray(tags) ? tags : tags.split(',');
}

/**
 * Identity for "the same alert": `$AGGREG_KEY` (one per monitor and group), else the alert
 * cycle, else monitor id plus scope. All three are the same on the trigger and its recovery.
 */
export function normalizeDatadog(body: unknown, ctx: NormalizeContext): IncidentSignal[] {
  const { data: payload, notes } = parseTolerant(DatadogWebhook, body, ['title', 'message', 'priority', 'alert_priority', 'alert_status', 'alert_type', 'hostname', 'metric', 'link', 'date']);
  const tags = { ...tagsToMap(splitTags(payload.scope)), ...tagsToMap(splitTags(payload.tags)) };
  const identity =
    payload.aggregation_key ?? payload.alert_cycle_key ?? `${payload.alert_id ?? payload.id}/${payload.scope ?? ''}`;
  const namespace = findValue([tags], NAMESPACE_KEYS);
  const inferred = inferService(ctx.catalog, [tags]);
  const labels = { ...tags };
  if (payload.priority) labels['datadog_priority'] = payload.priority;
  if (payload.hostname) labels['host'] = payload.hostname;
  if (payload.metric) labels['metric'] = payload.metric;
  return [
    finishSignal(
      'datadog',
      {
        identity,
        externalId: payload.alert_id ?? payload.id ?? identity,
        externalUrl: payload.link,
        fingerprint: identity,
        status: datadogStatus(payload.transition),
        severity: datadogSeverity(payload),
        titles: [payload.title, payload.alert_status, payload.alert_id && `Datadog monitor ${payload.alert_id}`],
        description: payload.message ?? payload.alert_status,
        service: inferred?.service,
        serviceInferredFrom: inferred?.rule,
        environment: findValue([tags], ENVIRONMENT_KEYS),
        namespace,
        startedAt: toIsoTime(payload.date),
        links: { source: payload.link },
        labels,
        correlation: correlationFrom([tags]),
        notes,
      },
      ctx,
      '',
    ),
  ];
}
