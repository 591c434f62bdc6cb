import type { IncidentSignal } from '../../../contracts/signal.js';
import type { NormalizeContext } from '../types.js';
import { parseTolerant } from '../shared/parse.js';
import { PROM_ALERT_PRESENTATIONAL, promAlertDraft, promSeverity } from '../shared/prom-alert.js';
import { finishSignal } from '../shared/signal.js';
import { AlertmanagerWebhook } from './schema.js';

/**
 * One signal per alert in the group. The fingerprint (Alertmanager's hash of the label set) is
 * the identity, so a firing, its repeat_interval repeats and its resolution share a dedup key.
 * A group Alertmanager truncated says so on every signal: the alerts it left out arrive with
 * their own notifications, or not at all.
 */
export function normalizeAlertmanager(body: unknown, ctx: NormalizeContext): IncidentSignal[] {
  const { data: payload, notes } = parseTolerant(AlertmanagerWebhook, body, [...PROM_ALERT_PRESENTATIONAL, 'truncatedAlerts']);
  const truncated = payload.truncatedAlerts ? [`Alertmanager left ${payload.truncatedAlerts} more alert(s) of this group out of the notification (max_alerts)`] : [];
  return payload.alerts.map((alert, index) =>
    finishSignal('alertmanager', { ...promAlertDraft(alert, ctx, promSeverity(alert)), notes: [...notes, ...truncated] }, ctx, `alerts.${index}`),
  );
}
