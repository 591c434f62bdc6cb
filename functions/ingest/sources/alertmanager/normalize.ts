import type { IncidentSignal } from '../../../contracts/signal.js';
import type { NormalizeContext } from '../types.js';
import { parsePayload } from '../shared/parse.js';
import { promAlertDraft, promSeverity } from '../shared/prom-alert.js';
import { finishSignal } from '../shared/signal.js';
import { AlertmanagerWebhook } from './schema.js';

/**
 * One signal per alert in the group. The fingerprint (Alertmanager's hash of the label set) is
 * the identity, so a firing, its repeat_interval repeats and its resolution share a dedup key.
 */
export function normalizeAlertmanager(body: unknown, ctx: NormalizeContext): IncidentSignal[] {
  const payload = parsePayload(AlertmanagerWebhook, body);
  return payload.alerts.map((alert, index) =>
    finishSignal('alertmanager', promAlertDraft(alert, ctx, promSeverity(alert)), ctx, `alerts.${index}`),
  );
}
