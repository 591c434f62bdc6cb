import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EvidencePlan } from '../../../functions/contracts/index.js';

/*
 * The deployment's reference offsets (the construct's `referenceOffsets`, given to LoadTenant
 * as DEFAULT_REFERENCE) apply to tenants that set none, and never over a tenant's own.
 */

const dynamo = mockClient(DynamoDBDocumentClient);
const PROVIDERS = { prometheus: 'arn:aws:lambda:us-east-1:123456789012:function:prometheus' };
const backend = { id: 'prom', type: 'prometheus', classes: ['metrics'], endpoint: 'http://prometheus:9090' };
const input = {
  tenantId: 'acme',
  investigationId: 'inv-1',
  signal: {
    tenantId: 'acme',
    source: 'alertmanager',
    externalId: 'x',
    fingerprint: 'f',
    dedupKey: 'd',
    status: 'firing',
    severity: 'critical',
    title: 'gateway 5xx',
    service: 'gateway',
    startedAt: '2026-06-01T08:59:30Z',
    receivedAt: '2026-06-01T09:00:00Z',
  },
};

/** LoadTenant loaded afresh under the given environment, as a cold start would read it. */
async function loadTenant(defaultReference?: string) {
  vi.resetModules();
  vi.stubEnv('TABLE_NAME', 'causeway');
  vi.stubEnv('PROVIDER_FUNCTIONS', JSON.stringify(PROVIDERS));
  if (defaultReference !== undefined) vi.stubEnv('DEFAULT_REFERENCE', defaultReference);
  return import('../../../functions/load-tenant/handler.js');
}

/** How far back each reference window of the first plan lies, in hours. */
async function referenceHours(defaultReference: string | undefined, tenantReference?: unknown): Promise<number[]> {
  dynamo.on(GetCommand).resolves({ Item: { config: { tenantId: 'acme', backends: [backend], ...(tenantReference ? { reference: tenantReference } : {}) } } });
  const { handler } = await loadTenant(defaultReference);
  const out = (await handler(input, {} as never)) as { plans: EvidencePlan[] };
  const plan = out.plans[0]!;
  return plan.reference.map((w) => (Date.parse(plan.window.from) - Date.parse(w.from)) / 3_600_000);
}

describe('LoadTenant reference offsets', () => {
  beforeEach(() => dynamo.reset());
  afterEach(() => vi.unstubAllEnvs());

  it('reads a day and a week back when neither the tenant nor the deployment says otherwise', async () => {
    expect(await referenceHours(undefined)).toEqual([24, 168]);
  });

  it("takes the deployment's offsets for a tenant that sets none", async () => {
    expect(await referenceHours(JSON.stringify({ offsets: ['12h', '72h', '14d'] }))).toEqual([12, 72, 336]);
  });

  it("keeps a tenant's own setting over the deployment's", async () => {
    expect(await referenceHours(JSON.stringify({ offsets: ['12h'] }), { offsets: ['48h'] })).toEqual([48]);
    expect(await referenceHours(JSON.stringify({ offsets: ['12h'] }), { enabled: false })).toEqual([]);
  });

  it('fails at cold start, naming the variable, when the deployment setting is not a valid reference', async () => {
    await expect(loadTenant(JSON.stringify({ offsets: ['1h'] }))).rejects.toThrow(/DEFAULT_REFERENCE/);
    await expect(loadTenant('24h')).rejects.toThrow(/DEFAULT_REFERENCE/);
  });
});
