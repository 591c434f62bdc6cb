import type { IncidentSignal } from '../../../contracts/signal.js';
import type { NormalizeContext } from '../types.js';
import { namedService } from '../shared/workload.js';
import { parsePayload } from '../shared/parse.js';
import { finishSignal } from '../shared/signal.js';
import { toIsoTime } from '../shared/time.js';
import { GenericAlert } from './schema.js';

/** The generic format is ours, so it maps field for field; the schema already enforced the limits. */
export function normalizeGeneric(body: unknown, ctx: NormalizeContext): IncidentSignal[] {
  const alert = parsePayload(GenericAlert, body);
  const named = alert.service ? namedService(ctx.catalog, alert.service, 'sender-service') : undefined;
  const identity = alert.dedupKey ?? `${alert.title}\u0000${alert.service ?? ''}`;
  return [
    finishSignal(
      'generic',
      {
        identity,
        externalId: alert.externalId ?? alert.dedupKey ?? alert.title,
        externalUrl: alert.url,
        fingerprint: alert.dedupKey ?? identity,
        status: alert.status,
        severity: alert.severity,
        titles: [alert.title],
        description: alert.description,
        service: named?.service,
        serviceInferredFrom: named?.rule,
        environment: alert.environment,
        namespace: alert.namespace ?? alert.correlation.namespace,
        startedAt: toIsoTime(alert.startedAt),
        links: { source: alert.url, ...alert.links },
        labels: alert.labels,
        correlation: alert.correlation,
      },
      ctx,
      '',
    ),
  ];
}
