import { z } from 'zod';
import { PromAlert } from '../shared/prom-alert.js';

/**
 * Alertmanager `webhook_configs` payload, version 4: a group of alerts sharing a receiver.
 * Only `alerts` is read, and `truncatedAlerts`: how many alerts of the group Alertmanager left
 * out under the receiver's `max_alerts`; group fields (groupKey, commonLabels…) repeat what each
 * alert carries. There is no count limit here: the body-size limit bounds it, and a cap would
 * drop alerts.
 */
export const AlertmanagerWebhook = z.object({
  alerts: z.array(PromAlert),
  truncatedAlerts: z.number().int().nonnegative().nullish(),
});
