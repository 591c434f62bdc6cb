import { createHmac } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTenantFile } from '../../cli/tenant-file.js';
import { runScenario } from '../../cli/scenario-run.js';
import { TenantConfig } from '../../functions/contracts/index.js';
import { keys } from '../../functions/shared/table.js';
import { startLocalStack, type LocalStack } from '../../local/stack.js';
import { putTenant } from '../../local/tenants.js';
import { startFakeLlmServer, type FakeLlmServer } from '../helpers/fake-llm-server.js';

/*
 * The doors, attacked through the local stack over real HTTP: the public CloudWatch door,
 * cross-tenant secret references (at tenant put and at read time), an unknown tenant, a
 * wrong signature, malformed JSON, an oversized body, and credentials in the archive. Every
 * attempt must be refused with its exact answer, start nothing and leak no secret.
 */

const SCENARIO = fileURLToPath(new URL('../../scenarios/shop-storefront-checkout-5xx.json', import.meta.url));
const ALARM = readFileSync(new URL('../fixtures/signals/cloudwatch/alarm-lambda-errors.json', import.meta.url), 'utf8');
const AM_FIXTURE = JSON.parse(readFileSync(new URL('../fixtures/signals/alertmanager/firing-batch.json', import.meta.url), 'utf8')) as { alerts: unknown[] };

/** The victim's secrets: none of these values may ever appear in an answer, an archive item or an outbound request. */
const ACME = {
  bearer: 'acme-alertmanager-token-0123456789',
  hmac: 'acme-generic-hmac-secret-0123456789',
  datadog: 'acme-datadog-webhook-auth-0123456789',
  llmKey: 'sk-acme-llm-key-0123456789',
};

let stack: LocalStack;
let llm: FakeLlmServer;

beforeAll(async () => {
  llm = await startFakeLlmServer();
  stack = await startLocalStack({ retryIntervalMs: 5 });
  stack.secrets.put(
    'causeway/tenants/acme/webhooks',
    JSON.stringify({ alertmanager: { bearerToken: ACME.bearer }, generic: { hmacSecret: ACME.hmac }, datadog: { headerName: 'Webhook-Auth', token: ACME.datadog }, cloudwatch: { enabled: true } }),
  );
  stack.secrets.put('causeway/tenants/acme/llm', JSON.stringify({ apiKey: ACME.llmKey }));
  await putTenant(stack, { tenantId: 'acme', webhookSecretRef: 'causeway/tenants/acme/webhooks', ingestRatePerMinute: 100_000 });
});

afterAll(async () => {
  await stack?.stop();
  await llm?.close();
});

interface Answer {
  status: number;
  body: unknown;
  text: string;
}

async function post(tenant: string, source: string, body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${stack.apiUrl}/v1/tenants/${tenant}/signals/${source}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed, text };
}

async function archived(tenantId: string): Promise<Record<string, unknown>[]> {
  const day = new Date().toISOString().slice(0, 10);
  const out = await stack.db.send(new QueryCommand({ TableName: stack.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `TENANT#${tenantId}#ARCHIVE#${day}` } }));
  return out.Items ?? [];
}

/** Runs an attack and asserts it started no execution and put no secret value in the answer. */
async function attempt(run: () => Promise<Answer>): Promise<Answer> {
  const before = stack.sfn.listExecutions().length;
  const answer = await run();
  expect(stack.sfn.listExecutions().length).toBe(before);
  for (const secret of Object.values(ACME)) expect(answer.text).not.toContain(secret);
  return answer;
}

const UNAUTHORIZED = { status: 401, body: { error: 'unauthorized' } };
const sign = (secret: string, timestamp: string, body: string) => `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
const now = () => String(Math.floor(Date.now() / 1000));
const amBody = (fingerprint: string) => JSON.stringify({ version: '4', status: 'firing', receiver: 'causeway', groupLabels: {}, commonLabels: {}, commonAnnotations: {}, externalURL: 'http://am', alerts: [{ ...(AM_FIXTURE.alerts[0] as object), fingerprint }] });

describe('the public CloudWatch door', () => {
  const refused = { status: 404, body: { error: 'source "cloudwatch" is delivered by EventBridge, not over HTTP; to post CloudWatch alarms, subscribe this route to their SNS topic as cloudwatch-sns' } };

  it('refuses an EventBridge-shaped alarm posted to the public route, with or without a credential, and keeps nothing', async () => {
    const bare = await attempt(() => post('acme', 'cloudwatch', ALARM));
    const withToken = await attempt(() => post('acme', 'cloudwatch', ALARM, { authorization: `Bearer ${ACME.bearer}` }));
    const wrapped = await attempt(() => post('acme', 'cloudwatch', JSON.stringify({ tenantId: 'acme', event: JSON.parse(ALARM) as unknown })));
    const unknown = await attempt(() => post('nobody', 'cloudwatch', ALARM));
    for (const answer of [bare, withToken, wrapped, unknown]) expect(answer).toMatchObject(refused);
    expect(await archived('acme')).toEqual([]);
  });
});

describe('cross-tenant secret references', () => {
  it('are refused at tenant put, in the CLI file and in the tenant store, naming the field', async () => {
    const path = join(tmpdir(), `attack-${Date.now()}.json`);
    writeFileSync(path, JSON.stringify({ tenant: { tenantId: 'mallory', llm: { baseUrl: llm.baseUrl, model: 'm', apiKeySecretRef: 'causeway/tenants/acme/llm' } } }));
    expect(() => readTenantFile(path)).toThrow('tenant.llm.apiKeySecretRef: causeway/tenants/acme/llm is not under causeway/tenants/mallory/: a tenant may name only its own secrets');
    await expect(putTenant(stack, { tenantId: 'mallory', webhookSecretRef: 'causeway/tenants/acme/webhooks' })).rejects.toThrow(/webhookSecretRef[\s\S]*is not under causeway\/tenants\/mallory\//);
    await expect(putTenant(stack, { tenantId: 'mallory', backends: [{ id: 'dd', type: 'datadog', classes: ['logs'], secretRef: 'causeway/tenants/acme/datadog' }] })).rejects.toThrow(/is not under causeway\/tenants\/mallory\//);
  });

  it('are refused at read time when the config was edited in the table: another tenant’s webhook secret opens nothing', async () => {
    const forged = TenantConfig.parse({ tenantId: 'mallory', webhookSecretRef: 'causeway/tenants/acme/webhooks', enabledSources: ['alertmanager'] });
    await stack.db.send(new PutCommand({ TableName: stack.tableName, Item: { ...keys.tenantConfig('mallory'), config: forged } }));
    const answer = await attempt(() => post('mallory', 'alertmanager', amBody('m000000000000001'), { authorization: `Bearer ${ACME.bearer}` }));
    expect(answer).toMatchObject(UNAUTHORIZED);
    expect(await archived('mallory')).toEqual([]);
  });

  it('are refused at read time for the model: another tenant’s LLM key is never sent to a base URL of the attacker’s choosing', async () => {
    const run = await runScenario(stack, SCENARIO);
    const tenantId = run.record.tenantId;
    const config = TenantConfig.parse((await stack.db.send(new QueryCommand({ TableName: stack.tableName, KeyConditionExpression: 'pk = :pk AND sk = :sk', ExpressionAttributeValues: { ':pk': keys.tenantConfig(tenantId).pk, ':sk': keys.tenantConfig(tenantId).sk } }))).Items![0]!.config);
    const forged = { ...config, llm: { baseUrl: llm.baseUrl, model: 'attacker-model', apiKeySecretRef: 'causeway/tenants/acme/llm', timeoutSeconds: 5, maxOutputTokens: 2000, tokenLimitField: 'max_completion_tokens' } };
    await stack.db.send(new PutCommand({ TableName: stack.tableName, Item: { ...keys.tenantConfig(tenantId), config: forged } }));
    llm.reset();
    const attacked = await runScenario(stack, SCENARIO);
    expect(llm.requests).toEqual([]);
    expect(attacked.record.rca).toMatchObject({ author: 'deterministic', model: 'attacker-model' });
    expect(attacked.record.rca!.caveats[0]).toBe("written without the model: the model's API key could not be read (SecretScopeError)");
    expect(JSON.stringify(attacked.record)).not.toContain(ACME.llmKey);
  });
});

describe('requests that do not authenticate', () => {
  it('an unknown tenant gets the same 401 as a wrong credential', async () => {
    const unknown = await attempt(() => post('nobody', 'alertmanager', amBody('u000000000000001'), { authorization: `Bearer ${ACME.bearer}` }));
    const wrong = await attempt(() => post('acme', 'alertmanager', amBody('u000000000000002'), { authorization: 'Bearer not-the-token-0123456789' }));
    for (const answer of [unknown, wrong]) expect(answer).toMatchObject(UNAUTHORIZED);
    expect(await archived('nobody')).toEqual([]);
  });

  it('a wrong, stale or missing signature is refused', async () => {
    const body = JSON.stringify({ title: 'forged', service: 'checkout', severity: 'critical', status: 'firing' });
    const ts = now();
    const wrongKey = await attempt(() => post('acme', 'generic', body, { 'x-causeway-timestamp': ts, 'x-causeway-signature': sign('another-secret-0123456789abcdef', ts, body) }));
    const stale = String(Number(ts) - 3600);
    const replayed = await attempt(() => post('acme', 'generic', body, { 'x-causeway-timestamp': stale, 'x-causeway-signature': sign(ACME.hmac, stale, body) }));
    const tampered = await attempt(() => post('acme', 'generic', body.replace('checkout', 'payments'), { 'x-causeway-timestamp': ts, 'x-causeway-signature': sign(ACME.hmac, ts, body) }));
    const missing = await attempt(() => post('acme', 'generic', body, { 'x-causeway-timestamp': ts }));
    for (const answer of [wrongKey, replayed, tampered, missing]) expect(answer).toMatchObject(UNAUTHORIZED);
  });
});

describe('bodies that are not alerts', () => {
  it('malformed JSON from an authenticated sender is a 400, archived without its credential', async () => {
    const answer = await attempt(() => post('acme', 'alertmanager', '{"alerts": [', { authorization: `Bearer ${ACME.bearer}` }));
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body as object)).toEqual(['error']);
    expect((answer.body as { error: string }).error).toMatch(/^body is not valid JSON: /);
    const kept = (await archived('acme')).find((item) => (item.outcome as { status: number }).status === 400);
    expect(kept).toBeDefined();
    expect(JSON.stringify(kept)).not.toContain(ACME.bearer);
  });

  it('an oversized body is a 413 before any tenant is read, from ingest and from the gateway', async () => {
    const large = JSON.stringify({ padding: 'x'.repeat(300 * 1024) });
    const answer = await attempt(() => post('acme', 'alertmanager', large, { authorization: `Bearer ${ACME.bearer}` }));
    expect(answer).toMatchObject({ status: 413, body: { error: `body is ${Buffer.byteLength(large)} bytes; the limit is 262144` } });
    const huge = await attempt(() => post('nobody', 'alertmanager', 'x'.repeat(10 * 1024 * 1024 + 1)));
    expect(huge).toMatchObject({ status: 413, body: { message: 'Request Entity Too Large' } });
  });
});

describe('credentials in the archive', () => {
  it('a configured custom credential header (Datadog Webhook-Auth), a bearer token, cookies and API keys never reach the archive', async () => {
    const headers = { 'webhook-auth': ACME.datadog, cookie: 'session=acme-cookie-0123456789', 'x-api-key': 'acme-api-key-0123456789' };
    const answer = await attempt(() => post('acme', 'datadog', '{"not":"a datadog alert"}', headers));
    expect(answer.status).toBe(422);
    const items = await archived('acme');
    const kept = items.find((item) => item.source === 'datadog');
    expect((kept!.headers as Record<string, string>)['webhook-auth']).toBe('[redacted]');
    const stored = JSON.stringify(items);
    for (const value of [...Object.values(ACME), ...Object.values(headers)]) expect(stored).not.toContain(value);
  });
});
