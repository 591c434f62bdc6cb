import type { IncidentSignal, Severity } from '../../../contracts/signal.js';
import type { NormalizeContext } from '../types.js';
import { parseTolerant } from '../shared/parse.js';
import { PROM_ALERT_PRESENTATIONAL, promAlertDraft, promSeverity } from '../shared/prom-alert.js';
import { finishSignal } from '../shared/signal.js';
import { firstOf } from '../shared/text.js';
import { GrafanaWebhook, type GrafanaAlert } from './schema.js';

/** Grafana's own alerts when a query cannot run; like CloudWatch INSUFFICIENT_DATA they are not proof of a fault. */
const DATASOURCE_ALERTS = new Set(['DatasourceNoData', 'DatasourceError']);

/**
 * Grafana severity: the `severity` label (same word table as Alertmanager); without one,
 * DatasourceNoData/DatasourceError are `info` and anything else firing is `warning`.
 */
function grafanaSeverity(alert: GrafanaAlert): Severity {
  return promSeverity(alert, DATASOURCE_ALERTS.has(alert.labels['alertname'] ?? '') ? 'info' : 'warning');
}

function valuesLine(values: GrafanaAlert['values']): string | undefined {
  const parts = Object.entries(values ?? {}).map(([ref, value]) => `${ref}=${value ?? 'null'}`);
  return parts.length ? `Values: ${parts.join(', ')}` : undefined;
}

/**
 * What a contact point's "Test" button sends: an alert named TestAlert from the instance
 * "Grafana". It proves the wiring works; there is nothing to investigate.
 */
function isTestNotification(alert: GrafanaAlert): boolean {
  return alert.labels['alertname'] === 'TestAlert' && alert.labels['instance'] === 'Grafana';
}

/**
 * One signal per alert, none for a contact point's test notification. Identity is the org plus Grafana's label fingerprint: the same labels
 * in two organizations are two different alerts.
 */
export function normalizeGrafana(body: unknown, ctx: NormalizeContext): IncidentSignal[] {
  const { data: payload, notes } = parseTolerant(GrafanaWebhook, body, [
    ...PROM_ALERT_PRESENTATIONAL,
    'title',
    'alerts.*.values',
    'alerts.*.silenceURL',
    'alerts.*.dashboardURL',
    'alerts.*.panelURL',
  ]);
  return payload.alerts.flatMap((alert, index) => {
    if (isTestNotification(alert)) return [];
    const draft = promAlertDraft(alert, ctx, grafanaSeverity(alert));
    const description = [draft.description, valuesLine(alert.values)].filter(Boolean).join('\n\n') || undefined;
    return finishSignal(
      'grafana',
      {
        ...draft,
        identity: `${payload.orgId ?? ''}/${draft.fingerprint}`,
        titles: [...draft.titles, payload.title],
        description,
        links: { ...draft.links, dashboard: firstOf(draft.links?.dashboard, alert.panelURL, alert.dashboardURL) },
        notes,
      },
      ctx,
      `alerts.${index}`,
    );
  });
}
