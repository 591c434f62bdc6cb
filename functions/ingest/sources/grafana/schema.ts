import { z } from 'zod';
import { OptionalString } from '../shared/parse.js';
import { PromAlert } from '../shared/prom-alert.js';

/** One Grafana alert: Alertmanager's alert shape plus Grafana's links and the query values that crossed the threshold. */
export const GrafanaAlert = PromAlert.extend({
  silenceURL: OptionalString,
  dashboardURL: OptionalString,
  panelURL: OptionalString,
  values: z.record(z.string(), z.number().nullable()).nullish(),
});
export type GrafanaAlert = z.infer<typeof GrafanaAlert>;

/**
 * Grafana unified alerting webhook contact point (payload `version: "1"`). The top-level
 * `title`/`message` describe the whole group and serve only as a fallback title.
 */
export const GrafanaWebhook = z.object({
  orgId: z.number().nullish(),
  title: OptionalString,
  alerts: z.array(GrafanaAlert),
});
