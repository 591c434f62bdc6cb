import { z } from 'zod';

/** A templated value: text, a number tolerated, "" read as absent. */
const Text = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) => (value === null || value === undefined ? undefined : String(value).trim() || undefined));

/**
 * Datadog's webhook body is whatever template the user writes. Causeway documents and accepts
 * this one (paste it as the webhook's Payload; every value is a Datadog template variable):
 *
 * ```json
 * {
 *   "id": "$ID",
 *   "alert_id": "$ALERT_ID",
 *   "aggregation_key": "$AGGREG_KEY",
 *   "alert_cycle_key": "$ALERT_CYCLE_KEY",
 *   "title": "$EVENT_TITLE",
 *   "message": "$TEXT_ONLY_MSG",
 *   "transition": "$ALERT_TRANSITION",
 *   "alert_type": "$ALERT_TYPE",
 *   "alert_status": "$ALERT_STATUS",
 *   "alert_priority": "$ALERT_PRIORITY",
 *   "priority": "$PRIORITY",
 *   "tags": "$TAGS",
 *   "scope": "$ALERT_SCOPE",
 *   "hostname": "$HOSTNAME",
 *   "metric": "$ALERT_METRIC",
 *   "link": "$LINK",
 *   "date": "$DATE",
 *   "org_id": "$ORG_ID"
 * }
 * ```
 *
 * Datadog substitutes variables as text, so every field is a string (numbers are tolerated) and
 * a variable with no value arrives as "", read here as absent; `tags` may also be a JSON array.
 */
/**
 * Many teams name their template keys after the Datadog variables themselves
 * (`alert_transition` for `$ALERT_TRANSITION`, `aggreg_key` for `$AGGREG_KEY`, `body` for
 * `$EVENT_MSG`…). Those spellings are read as the documented keys; the documented key
 * wins when both are present.
 */
const ALIASES: Record<string, string> = {
  alert_transition: 'transition',
  aggreg_key: 'aggregation_key',
  alert_scope: 'scope',
  alert_metric: 'metric',
  body: 'message',
  event_msg: 'message',
  text_only_msg: 'message',
  event_title: 'title',
};

/** `alertTransition` → `alert_transition`: camelCase templates are common too. */
const snakeCase = (key: string) => (/^[a-z][A-Za-z0-9]*$/.test(key) ? key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) : key);

/**
 * Datadog's own default payload has no transition field, but its `$EVENT_TITLE` starts with
 * the transition in brackets: `[Triggered] CPU high on web-1`, `[Recovered on {host:a}] …`.
 */
const TITLE_TRANSITION = /^\[(Triggered|Re-Triggered|Recovered|Warn|Re-Warn|No Data|Re-No Data|Renotify)\b[^\]]*\]/i;

function withDocumentedKeys(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const payload: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) if (payload[snakeCase(key)] === undefined) payload[snakeCase(key)] = field;
  for (const [alias, key] of Object.entries(ALIASES)) {
    if (payload[key] === undefined && payload[alias] !== undefined) payload[key] = payload[alias];
  }
  if (payload.transition === undefined && typeof payload.title === 'string') payload.transition = TITLE_TRANSITION.exec(payload.title)?.[1];
  const org = payload.org as { id?: unknown } | undefined;
  if (payload.org_id === undefined && org && typeof org === 'object' && org.id !== undefined) payload.org_id = org.id;
  return payload;
}

const DatadogFields = z
  .object({
    id: Text,
    alert_id: Text,
    aggregation_key: Text,
    alert_cycle_key: Text,
    title: Text,
    message: Text,
    transition: z.string().min(1),
    alert_type: Text,
    alert_status: Text,
    alert_priority: Text,
    priority: Text,
    tags: z.union([z.string(), z.array(z.string())]).nullish(),
    scope: Text,
    hostname: Text,
    metric: Text,
    link: Text,
    date: Text,
    org_id: Text,
  })
  .refine((p) => p.aggregation_key || p.alert_cycle_key || p.alert_id || p.id, {
    message: 'one of aggregation_key, alert_cycle_key, alert_id or id is required',
    path: ['alert_id'],
  });
export const DatadogWebhook = z.preprocess(withDocumentedKeys, DatadogFields);
export type DatadogWebhook = z.infer<typeof DatadogWebhook>;
