import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EvidenceClass, resolveScenarioTime, type Scenario, type TenantConfig, tenantSecretPrefix } from '../functions/contracts/index.js';
import type { LocalStack } from '../local/stack.js';
import { putTenant } from '../local/tenants.js';

/** The incident `npm start` replays: a bad deploy, so the demo reaches an approval. */
export const DEMO_SCENARIO = new URL('../scenarios/shop-storefront-checkout-5xx.json', import.meta.url);
export const DEMO_TENANT = 'demo';
const WEBHOOK_SECRET = `${tenantSecretPrefix(DEMO_TENANT)}webhooks`;
const SLACK_SECRET = `${tenantSecretPrefix(DEMO_TENANT)}slack`;

const ISO = /^\d{4}-\d{2}-\d{2}T/;

function shiftTimes(value: unknown, deltaMs: number): unknown {
  if (typeof value === 'string' && ISO.test(value) && !Number.isNaN(Date.parse(value)) && !value.startsWith('0001-')) {
    return new Date(Date.parse(value) + deltaMs).toISOString();
  }
  if (Array.isArray(value)) return value.map((v) => shiftTimes(v, deltaMs));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftTimes(v, deltaMs)]));
  return value;
}

/**
 * Moves a scenario so its alert fired within the last minute: `at` and every absolute time
 * in the evidence and the alert payload shift together; relative times ("-5m") follow `at`
 * by themselves. The shift is whole minutes, so series fall into the same minute buckets
 * as in `causeway investigate` and the demo tells the same story on every run.
 */
export function scenarioAtNow(scenario: Scenario, now = Date.now()): Scenario {
  const atMs = resolveScenarioTime(scenario.at, 0);
  const delta = Math.floor((now - atMs) / 60_000) * 60_000;
  return { ...scenario, at: new Date(atMs + delta).toISOString(), evidence: shiftTimes(scenario.evidence, delta) as Scenario['evidence'], signal: shiftTimes(scenario.signal, delta) as Scenario['signal'] };
}

/**
 * Registers the demo tenant: the shifted scenario as its only backend (served by the
 * scenario provider like any real backend), bearer auth for its Alertmanager webhook,
 * approval messages to the local Slack capture, and, when given, the identity provider a
 * browser signs in through to decide. Returns the webhook and API tokens.
 */
export async function registerDemoTenant(stack: LocalStack, scenario: Scenario, dataDir: string, identity?: TenantConfig['identity']): Promise<{ tenant: TenantConfig; bearerToken: string; apiToken: string; file: string }> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'demo-scenario.json');
  writeFileSync(file, JSON.stringify(scenario));
  const existing = JSON.parse(stack.secrets.get(WEBHOOK_SECRET) ?? '{}') as { alertmanager?: { bearerToken: string }; api?: { token: string } };
  const bearerToken = existing.alertmanager?.bearerToken ?? randomBytes(24).toString('base64url');
  const apiToken = existing.api?.token ?? randomBytes(24).toString('base64url');
  stack.secrets.put(WEBHOOK_SECRET, JSON.stringify({ alertmanager: { bearerToken }, api: { token: apiToken } }));
  stack.secrets.put(SLACK_SECRET, JSON.stringify({ url: stack.slackWebhookUrl }));
  const tenant = await putTenant(stack, {
    tenantId: DEMO_TENANT,
    displayName: 'Causeway demo',
    backends: [{ id: 'demo-replay', type: 'scenario', classes: EvidenceClass.options, options: { file } }],
    topology: scenario.topology ?? {},
    catalog: {},
    policy: { mode: 'approve', dryRun: true, allowedServices: [], allowedActions: ['rollback', 'restart', 'scale_out', 'revert_config', 'disable_flag'], maxReplicas: 20, maxScaleFactor: 2, freezeWindows: [], approvers: [] },
    approval: { timeoutSeconds: 3600, slackWebhookSecretRef: SLACK_SECRET },
    webhookSecretRef: WEBHOOK_SECRET,
    enabledSources: ['alertmanager'],
    ...(identity ? { identity } : {}),
  });
  return { tenant, bearerToken, apiToken, file };
}
