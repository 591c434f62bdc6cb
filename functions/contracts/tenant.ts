import { z } from 'zod';
import { EvidenceClass, ServiceName, TenantId } from './common.js';
import { SignalSource } from './signal.js';
import { RemediationKind } from './actions.js';

/**
 * Where a tenant's secrets live: `causeway/tenants/<tenantId>/`. Every secret a tenant's
 * config names must be under its own prefix, so one tenant can never name, and have
 * Causeway read and send on its behalf, a secret of another tenant or of the platform.
 */
export function tenantSecretPrefix(tenantId: string): string {
  return `causeway/tenants/${tenantId}/`;
}

/** A Secrets Manager secret name of some tenant: `causeway/tenants/<tenantId>/<name>`. Which tenant is checked against the config that names it. */
export const SecretRef = z
  .string()
  .regex(/^causeway\/tenants\/[a-z0-9][a-z0-9-]{0,62}\/[A-Za-z0-9/_+=.@-]{1,300}$/, 'secret references live under causeway/tenants/<tenantId>/');

/**
 * One telemetry backend of a tenant. Only a reference to its secret is kept here:
 * the provider reads the secret itself at run time, so it never enters state.
 */
export const BackendConfig = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
  type: z.string().regex(/^[a-z0-9-]{1,40}$/),
  classes: z.array(EvidenceClass).min(1),
  endpoint: z.url().optional(),
  region: z.string().max(40).optional(),
  secretRef: SecretRef.optional(),
  /** The label or tag this backend uses for the service name (`service_name`, `app`, `job`…). */
  serviceLabel: z.string().max(100).optional(),
  options: z.record(z.string(), z.unknown()).default({}),
});
export type BackendConfig = z.infer<typeof BackendConfig>;

/** Where a service lives in each system, so providers and actions can find it. */
export const CatalogEntry = z.strictObject({
  repo: z.string().max(200).optional(),
  path: z.string().max(500).optional(),
  argoCdApp: z.string().max(200).optional(),
  kubernetes: z.strictObject({ namespace: z.string(), deployment: z.string() }).optional(),
  ecs: z.strictObject({ cluster: z.string(), service: z.string() }).optional(),
  lambda: z.strictObject({ functionName: z.string(), alias: z.string().optional() }).optional(),
  pagerdutyServiceId: z.string().max(50).optional(),
  /** Other names this service goes by in alerts (a Prometheus job, a Datadog service tag, an old name); matched case-insensitively. */
  aliases: z.array(z.string().min(1).max(200)).max(20).optional(),
  /** The SSM parameter revert_config puts back to its previous version. */
  ssmParameter: z.string().regex(/^\/?[A-Za-z0-9_.\-/]{1,1011}$/).optional(),
  /** The AppConfig profile revert_config redeploys at its previous version (preferred over ssmParameter). */
  appConfig: z
    .strictObject({ applicationId: z.string().max(100), environmentId: z.string().max(100), configurationProfileId: z.string().max(100), deploymentStrategyId: z.string().max(100) })
    .optional(),
  /** Recommendations on this service answered by an SSM Automation document instead: `{ restart: 'Acme-RecycleHosts' }`. */
  runbooks: z.partialRecord(z.enum(['rollback', 'restart', 'scale_out', 'revert_config', 'disable_flag']), z.string().regex(/^[A-Za-z0-9_.:/-]{3,128}$/)).optional(),
});
export type CatalogEntry = z.infer<typeof CatalogEntry>;

export const FreezeWindow = z.strictObject({
  /** Weekly window in UTC: days 0 (Sunday) to 6, hours as HH:MM. */
  days: z.array(z.number().int().min(0).max(6)).min(1),
  from: z.string().regex(/^\d{2}:\d{2}$/),
  to: z.string().regex(/^\d{2}:\d{2}$/),
  reason: z.string().max(200).optional(),
});

export const Policy = z.strictObject({
  /** off: recommend only; approve: a human approves every action; auto-low-risk: low-risk reversible actions on allowlisted services run alone. */
  mode: z.enum(['off', 'approve', 'auto-low-risk']).default('approve'),
  /** Actions apply for real only when this is false; dry-run is the default. */
  dryRun: z.boolean().default(true),
  allowedServices: z.array(ServiceName).default([]),
  /** `runbook` is never on by default: it runs whatever the document does. */
  allowedActions: z.array(RemediationKind).default(['rollback', 'restart', 'scale_out', 'revert_config', 'disable_flag']),
  /** SSM Automation documents a runbook action may start; any other document is denied. */
  allowedRunbooks: z.array(z.string().max(128)).default([]),
  maxReplicas: z.number().int().positive().default(20),
  maxScaleFactor: z.number().positive().default(2),
  freezeWindows: z.array(FreezeWindow).default([]),
  approvers: z.array(z.string().max(200)).default([]),
});
export type Policy = z.infer<typeof Policy>;

/**
 * The tenant's model for the Reason step and follow-up questions: any OpenAI-compatible
 * Chat Completions endpoint (OpenAI, Azure OpenAI v1, Bedrock, vLLM, Ollama). Absent means
 * the deterministic RCA. The API key stays in Secrets Manager (`{ "apiKey": "…" }`); only
 * its reference is kept here, and it is optional for keyless local servers.
 */
export const LlmConfig = z.strictObject({
  baseUrl: z.url(),
  /** The model id, or the deployment name on Azure. */
  model: z.string().min(1).max(200),
  apiKeySecretRef: SecretRef.optional(),
  /** Per HTTP call; kept far below the Reason Lambda's timeout so a fallback always has time to run. */
  timeoutSeconds: z.number().int().min(1).max(60).default(20),
  maxOutputTokens: z.number().int().min(256).max(32_000).default(2000),
  /** How the endpoint spells the output limit: OpenAI reasoning models need the first, older servers (Ollama) the second. */
  tokenLimitField: z.enum(['max_completion_tokens', 'max_tokens']).default('max_completion_tokens'),
  /** USD per million prompt tokens, for the cost estimate on the record. */
  inputCostPerMTok: z.number().nonnegative().optional(),
  /** USD per million completion tokens. */
  outputCostPerMTok: z.number().nonnegative().optional(),
});
export type LlmConfig = z.infer<typeof LlmConfig>;

/**
 * Where the non-AWS executors reach: the tenant's Kubernetes API, Argo CD and flag
 * service. Only secret references are kept; the Remediate Lambda reads them at run time.
 */
export const RemediationTargets = z.strictObject({
  /**
   * Secret: `{ "token": "…", "caData"?: "…" }`, a service-account bearer token allowed to patch
   * Deployments. `caData` (here or in the secret, which wins): the cluster's private CA, base64
   * as a kubeconfig holds it or PEM; the API server must chain to it.
   */
  kubernetes: z.strictObject({ apiUrl: z.url(), tokenSecretRef: SecretRef, caData: z.string().min(1).max(65_536).optional() }).optional(),
  /** Secret: `{ "token": "…" }`, an Argo CD API token with `applications, action` rights. */
  argoCd: z.strictObject({ baseUrl: z.url(), tokenSecretRef: SecretRef }).optional(),
  /** A LaunchDarkly-compatible flag API (semantic patch). Secret: `{ "apiKey": "…" }`. */
  flags: z.strictObject({ baseUrl: z.url(), projectKey: z.string().min(1).max(100), environmentKey: z.string().min(1).max(100), apiKeySecretRef: SecretRef }).optional(),
});
export type RemediationTargets = z.infer<typeof RemediationTargets>;

/**
 * The secret `slackAppSecretRef` names. The signing secret verifies button clicks. A bot
 * token (scope `chat:write`) with a channel id lets RequestApproval post through
 * `chat.postMessage` and later edit that same message with `chat.update`, which an
 * incoming webhook cannot do; it takes both, one alone is ignored.
 */
export const SlackAppSecret = z.strictObject({
  signingSecret: z.string().min(1),
  botToken: z.string().regex(/^xox[bp]-[A-Za-z0-9-]{1,250}$/, 'a Slack bot (xoxb-) or user (xoxp-) token').optional(),
  /** The channel id (`C…`); `chat.update` accepts only ids, and Slack answers `chat.postMessage` with the id either way. */
  channel: z.string().regex(/^[CGD][A-Z0-9]{2,30}$/, 'a Slack channel id such as C0123ABCD').optional(),
});
export type SlackAppSecret = z.infer<typeof SlackAppSecret>;

const HOUR_MS = 3_600_000;

/**
 * The longest window an investigation reads (LoadTenant's bound). A reference offset at
 * least this long puts every reference window wholly before the incident window, so the
 * "healthy" period can never contain the incident itself.
 */
export const MAX_INVESTIGATION_WINDOW_MS = 6 * HOUR_MS;
/** Older than this, most backends' default retention (X-Ray 30 days, Tempo 14, Logs often less) has nothing left to read. */
export const MAX_REFERENCE_OFFSET_MS = 30 * 24 * HOUR_MS;

/** `24h`, `168h`, `7d`: how far back a reference window lies, in hours or days. */
export const ReferenceOffset = z
  .string()
  .regex(/^[1-9][0-9]{0,3}[hd]$/, 'an offset in hours or days, such as 24h, 168h or 7d')
  .refine((o) => referenceOffsetMs(o) >= MAX_INVESTIGATION_WINDOW_MS, `an offset of at least ${MAX_INVESTIGATION_WINDOW_MS / HOUR_MS}h, so the reference never overlaps the investigation window`)
  .refine((o) => referenceOffsetMs(o) <= MAX_REFERENCE_OFFSET_MS, 'an offset of at most 30 days (720h)');

/** The offset in milliseconds; `offset` must match {@link ReferenceOffset}. */
export function referenceOffsetMs(offset: string): number {
  const n = Number.parseInt(offset, 10);
  return n * (offset.endsWith('d') ? 24 : 1) * HOUR_MS;
}

/**
 * Healthy reference windows: every metrics, logs and traces query is also run over the
 * same window this far back, so the scorer asks "is this unusual for this service?" and a
 * service that is always slow or always noisy is not a suspect merely for being so. The
 * defaults (a day and a week before) cover daily and weekly load cycles. At most three
 * offsets, each between the longest investigation window and 30 days: each one costs a
 * bounded extra read per backend, and an offset beyond the backend's retention reads
 * nothing. `enabled: false` leaves the pre-onset part of the window as the only baseline.
 */
export const ReferenceSetting = z.strictObject({
  enabled: z.boolean().default(true),
  offsets: z
    .array(ReferenceOffset)
    .min(1)
    .max(3)
    .default(['24h', '168h'])
    .refine((offsets) => new Set(offsets.map(referenceOffsetMs)).size === offsets.length, 'offsets must differ'),
});
export type ReferenceSetting = z.infer<typeof ReferenceSetting>;
/** Issuers anyone can hold an account at: signing in there proves nothing about belonging to the tenant. */
const OPEN_ISSUERS = ['https://accounts.google.com', 'https://slack.com'];

/**
 * The tenant's OpenID Connect provider, through which a person signs in on the approval page
 * before a browser decision counts (authorization code flow with PKCE; the ID token is
 * verified against the issuer's published keys). Sign in with Slack, Okta, Google and
 * Entra ID all fit. The redirect URI to register is
 * `{api}/v1/tenants/{tenantId}/identity/callback`.
 */
export const IdentityProviderConfig = z
  .strictObject({
    /** Exactly the `iss` the provider puts in its ID tokens; its discovery document lives under it. */
    issuer: z.url(),
    clientId: z.string().min(1).max(255),
    /** Secret: `{ "clientSecret": "…" }`. Absent for a public client, which PKCE alone protects. */
    clientSecretRef: SecretRef.optional(),
    scopes: z
      .array(z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]{1,100}$/))
      .max(20)
      .default(['openid', 'email', 'profile'])
      .refine((scopes) => scopes.includes('openid'), 'scopes must include openid'),
    /** When set, only people whose provider-verified email is in one of these domains may sign in. */
    allowedEmailDomains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i)).max(50).optional(),
    /** The provider's name on the sign-in button: "Slack", "Okta", "Google". */
    displayName: z.string().min(1).max(60).optional(),
  })
  .refine((config) => !OPEN_ISSUERS.includes(config.issuer) || (config.allowedEmailDomains?.length ?? 0) > 0, {
    message: 'Google and Sign in with Slack accept anyone with an account: set allowedEmailDomains to your own domains',
    path: ['allowedEmailDomains'],
  });
export type IdentityProviderConfig = z.infer<typeof IdentityProviderConfig>;
/**
 * Where a finished investigation is told besides Slack: a note on the incident it came
 * from. Each is opt-in and reaches only the source that raised the alert (a PagerDuty
 * incident, an Opsgenie alert). Secrets by reference: PagerDuty `{ "token": "…" }` (a REST
 * API key allowed to write notes), Opsgenie `{ "apiKey": "…" }` (an API integration key).
 */
export const DeliveryConfig = z.strictObject({
  /** Post a summary of every finished investigation to the tenant's Slack (the channel the approval settings name). */
  slackSummary: z.boolean().default(true),
  pagerduty: z
    .strictObject({
      apiTokenSecretRef: SecretRef,
      /** The `From` header PagerDuty requires on writes: the email of a valid user of the account. */
      fromEmail: z.email().max(254),
      apiBaseUrl: z.url().default('https://api.pagerduty.com'),
    })
    .optional(),
  opsgenie: z
    .strictObject({
      apiKeySecretRef: SecretRef,
      /** `https://api.eu.opsgenie.com` for the EU instance. */
      apiBaseUrl: z.url().default('https://api.opsgenie.com'),
    })
    .optional(),
});
export type DeliveryConfig = z.infer<typeof DeliveryConfig>;

export const TenantConfig = z.strictObject({
  tenantId: TenantId,
  displayName: z.string().max(200).optional(),
  backends: z.array(BackendConfig).default([]),
  /** Call graph: `{ web: ['orders'] }` means web calls orders. */
  topology: z.record(z.string(), z.array(z.string())).default({}),
  catalog: z.record(z.string(), CatalogEntry).default({}),
  policy: Policy.default(Policy.parse({})),
  approval: z
    .strictObject({
      timeoutSeconds: z.number().int().min(1).max(7 * 24 * 3600).default(3600),
      slackWebhookSecretRef: SecretRef.optional(),
      /** A Slack app: interactive buttons, and with a bot token and channel, a message Causeway edits as the approval ends. Secret: {@link SlackAppSecret}. */
      slackAppSecretRef: SecretRef.optional(),
    })
    .default({ timeoutSeconds: 3600 }),
  remediation: RemediationTargets.default({}),
  /** Who may decide from a browser: people who sign in through this provider. Without it, only Slack buttons decide. */
  identity: IdentityProviderConfig.optional(),
  /** How a finished investigation reaches people: the Slack summary and notes on the source incident. */
  delivery: DeliveryConfig.default({ slackSummary: true }),
  /** Secret holding this tenant's webhook credentials, one entry per source. */
  webhookSecretRef: SecretRef.optional(),
  /** The model that writes the RCA; without it the deterministic writer is the author. */
  llm: LlmConfig.optional(),
  /** Signal requests this tenant may send per minute before ingest answers 429 (senders retry those). */
  ingestRatePerMinute: z.number().int().min(1).max(100_000).default(600),
  enabledSources: z.array(SignalSource).default(['alertmanager', 'pagerduty', 'cloudwatch', 'cloudwatch-sns', 'grafana', 'datadog', 'opsgenie', 'generic']),
  /**
   * Healthy reference windows the evidence providers read besides the investigation window.
   * Absent: the deployment's default (the Causeway construct's `referenceOffsets`), else 24h and 168h.
   */
  reference: ReferenceSetting.optional(),
});
export type TenantConfig = z.infer<typeof TenantConfig>;

/**
 * Every secret reference in a tenant's config, with the path that holds it: every string under
 * a key ending in `SecretRef`/`secretRef`, wherever it is (backend options included), so a
 * field added later is covered without being listed here.
 */
export function secretRefsOf(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; ref: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => secretRefsOf(item, [...path, i]));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    /secretref$/i.test(key) && typeof item === 'string' ? [{ path: [...path, key], ref: item }] : secretRefsOf(item, [...path, key]),
  );
}

/**
 * A tenant config as it may be stored: a TenantConfig whose every secret reference is under
 * the tenant's own prefix. `causeway tenant put` and the tenant store parse with this;
 * readers check again at read time (`readTenantSecret`), as an item edited in the table
 * bypasses both.
 */
export const ScopedTenantConfig = TenantConfig.superRefine((config, ctx) => {
  const prefix = tenantSecretPrefix(config.tenantId);
  for (const { path, ref } of secretRefsOf(config)) {
    if (!ref.startsWith(prefix)) ctx.addIssue({ code: 'custom', path, message: `${ref} is not under ${prefix}: a tenant may name only its own secrets` });
  }
});

/** What a validation issue carries; zod's own issue type, narrowed to what the message needs. */
interface ContractIssue {
  code: string;
  path: ReadonlyArray<PropertyKey>;
  message: string;
  keys?: readonly string[];
}

/**
 * One issue of a tenant file, config or secret as `field: message`. Config and secrets are
 * strict, and an unknown key is named with its full path: a field at the wrong level (an
 * Alertmanager `basic` outside `alertmanager`) or misspelled would otherwise be dropped
 * without a word, and its source would answer every request with 401.
 */
export function describeIssue(issue: ContractIssue, prefix: readonly string[] = []): string {
  const path = [...prefix, ...issue.path.map(String)];
  if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
    return issue.keys.map((key) => `${[...path, key].join('.')}: unknown key; Causeway would ignore it, so it is refused (misspelled, or at the wrong level?)`).join('; ');
  }
  return `${path.join('.') || '(root)'}: ${issue.message}`;
}
