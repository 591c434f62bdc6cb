import { z } from 'zod';
import { describeIssue } from '../../contracts/tenant.js';
import { ConfigurationError } from '../../shared/errors.js';

/*
 * The JSON stored in a tenant's webhook secret: one optional entry per source. A source
 * without an entry is closed; there is no "open by default".
 */

const Secret = z.string().min(16, 'secrets must be at least 16 characters');
const HeaderName = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,100}$/, 'a header name is letters, digits and dashes')
  .transform((name) => name.toLowerCase());

const Basic = z.strictObject({ username: z.string().min(1), password: Secret });

/** Alertmanager `webhook_configs.http_config`: `authorization` (Bearer) or `basic_auth`. */
export const AlertmanagerCredentials = z.union([
  z.strictObject({ bearerToken: Secret }),
  z.strictObject({ basic: Basic }),
]);

/** PagerDuty v3 subscription secrets; several during a rotation, any one may match. */
export const PagerDutyCredentials = z.strictObject({ signingSecrets: z.array(Secret).min(1).max(5) });

/**
 * Grafana webhook contact point: Authorization header or basic auth, and/or the HMAC signature.
 * Every configured check must pass. `hmacTimestampHeader` has no default in Grafana; when set,
 * Grafana signs `timestamp:body` and the timestamp must be within `toleranceSeconds`.
 */
export const GrafanaCredentials = z
  .strictObject({
    bearerToken: Secret.optional(),
    basic: Basic.optional(),
    hmacSecret: Secret.optional(),
    hmacHeader: HeaderName.default('x-grafana-alerting-signature'),
    hmacTimestampHeader: HeaderName.optional(),
    toleranceSeconds: z.number().int().min(30).max(3600).default(300),
  })
  .refine((c) => c.bearerToken || c.basic || c.hmacSecret, 'configure bearerToken, basic or hmacSecret');

/** A shared secret sent in a custom header (Datadog custom headers, Opsgenie webhook headers). */
export const HeaderTokenCredentials = z.strictObject({ headerName: HeaderName, token: Secret });

/** Causeway's own signature: HMAC-SHA256 over `${timestamp}.${rawBody}`. */
export const GenericCredentials = z.strictObject({
  hmacSecret: Secret,
  toleranceSeconds: z.number().int().min(30).max(3600).default(300),
});

/**
 * The change log (`POST /v1/tenants/{tenantId}/changes`): Causeway's own signature for
 * pipelines, and LaunchDarkly's signed audit-log webhook. `flagServices` maps a flag key to the
 * service it belongs to, for flags without a `service:<name>` tag.
 */
export const ChangeLogCredentials = z
  .strictObject({
    hmacSecret: Secret.optional(),
    toleranceSeconds: z.number().int().min(30).max(3600).default(300),
    launchDarkly: z
      .strictObject({
        secret: Secret,
        flagServices: z.record(z.string().max(200), z.string().min(1).max(200)).default({}),
        /** How old an audit entry's `date` may be when it arrives; LaunchDarkly does not sign a timestamp. */
        maxAgeSeconds: z.number().int().min(60).max(86_400).default(3600),
        /** Only changes in these environment keys are kept (e.g. `["production"]`); all when absent. */
        environments: z.array(z.string().min(1).max(200)).max(50).optional(),
        /** Where flag links point: `https://app.launchdarkly.com`, or the tenant's own LaunchDarkly instance. */
        appUrl: z.url({ protocol: /^https$/ }).default('https://app.launchdarkly.com'),
      })
      .optional(),
  })
  .refine((c) => c.hmacSecret || c.launchDarkly, 'configure hmacSecret or launchDarkly');

/** SNS messages are signed by AWS; what the tenant controls is which topics may post. */
export const CloudWatchSnsCredentials = z.strictObject({
  topicArns: z.array(z.string().regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$/)).min(1),
});

/**
 * EventBridge invokes the ingest Lambda under IAM, so there is nothing to check on the wire;
 * the entry is the tenant's explicit opt-in, optionally narrowed to the accounts it owns.
 */
export const CloudWatchEventCredentials = z.strictObject({
  enabled: z.literal(true),
  accountIds: z.array(z.string().regex(/^\d{12}$/)).min(1).optional(),
});

/** A tenant's webhook secret: one optional entry per source; an absent entry closes that source. */
export const WebhookCredentials = z.strictObject({
  alertmanager: AlertmanagerCredentials.optional(),
  pagerduty: PagerDutyCredentials.optional(),
  grafana: GrafanaCredentials.optional(),
  datadog: HeaderTokenCredentials.optional(),
  opsgenie: HeaderTokenCredentials.optional(),
  generic: GenericCredentials.optional(),
  'cloudwatch-sns': CloudWatchSnsCredentials.optional(),
  cloudwatch: CloudWatchEventCredentials.optional(),
  changes: ChangeLogCredentials.optional(),
  /** Not a sender's: the token of the tenant's read API, kept in the same secret (functions/shared/api-token.ts). */
  api: z.strictObject({ token: Secret }).optional(),
});
export type WebhookCredentials = z.infer<typeof WebhookCredentials>;

/**
 * Parses a tenant's webhook secret. A bad secret is an operator mistake, not the sender's, so it
 * is a ConfigurationError naming the field (an unknown key included: each source's entry sits
 * under the source's name); the values themselves never reach the message.
 */
export function parseWebhookCredentials(value: unknown): WebhookCredentials {
  const result = WebhookCredentials.safeParse(value);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const atRoot = first?.code === 'unrecognized_keys' && first.path.length === 0;
  const hint = atRoot ? ` (each source's credentials go under its name: ${Object.keys(WebhookCredentials.shape).join(', ')})` : '';
  throw new ConfigurationError(`webhook credentials: ${first ? describeIssue(first) : '(root): invalid'}${hint}`);
}
