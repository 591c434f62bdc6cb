import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { releaseClaim } from '../../functions/ingest/dedup.js';
import { readAudit } from '../../functions/shared/audit.js';
import { readRecord } from '../../functions/shared/records.js';
import { InvestigationInput, TenantConfig } from '../../functions/contracts/index.js';
import { createRecord } from '../../functions/shared/records.js';
import { keys, ttlAfter } from '../../functions/shared/table.js';
import { startLocalStack, type LocalStack } from '../../local/stack.js';
import { putTenant } from '../../local/tenants.js';

const TOKEN = 'acme-alertmanager-token-0123456789';
const fixture = JSON.parse(readFileSync(new URL('../fixtures/signals/alertmanager/firing-batch.json', import.meta.url), 'utf8')) as {
  alerts: { fingerprint: string; labels: Record<string, string> }[];
};

let stack: LocalStack;

/** One firing alert, the same each call: same fingerprint, same dedup key. */
function fire(fingerprint = 'bbbb000000000001'): Promise<{ status: number; signals: { investigationId: string; status: string }[] }> {
  const body = { ...fixture, status: 'firing', alerts: [{ ...fixture.alerts[1]!, status: 'firing', fingerprint, labels: { ...fixture.alerts[1]!.labels, service: 'checkout' } }] };
  return fetch(`${stack.apiUrl}/v1/tenants/acme/signals/alertmanager`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, signals: ((await r.json()) as { signals: { investigationId: string; status: string }[] }).signals }));
}

beforeAll(async () => {
  stack = await startLocalStack({
    retryIntervalMs: 5,
    extraProviders: { forged: new URL('./fixtures/forged-provider.ts', import.meta.url).href, bulky: new URL('./fixtures/bulky-provider.ts', import.meta.url).href },
  });
  stack.secrets.put('causeway/tenants/acme/webhooks', JSON.stringify({ alertmanager: { bearerToken: TOKEN } }));
  await putTenant(stack, {
    tenantId: 'acme',
    webhookSecretRef: 'causeway/tenants/acme/webhooks',
    enabledSources: ['alertmanager'],
    ingestRatePerMinute: 100_000,
    topology: { checkout: [] },
    backends: [
      { id: 'forged-metrics', type: 'forged', classes: ['metrics'], options: {} },
    ],
  } as never);
});

afterAll(async () => {
  await stack.stop();
});

describe('a run whose evidence cannot be read back', () => {
  let first: string;

  it('ends in RecordFailure: Score refuses a reference to another investigation, and the record names that error, not the child workflow wrapper', async () => {
    const response = await fire();
    expect(response.status).toBe(202);
    expect(response.signals[0]!.status).toBe('started');
    first = response.signals[0]!.investigationId;
    const execution = await stack.sfn.settled(first);
    await execution.done;
    expect(execution.status).toBe('FAILED');
    expect(execution.events.filter((e) => e.child && e.type === 'StateFailed').map((e) => [e.state, e.error])).toContainEqual(['Score', 'StoredValueRefusedError']);
    expect(execution.events.filter((e) => !e.child && e.type === 'StateCaught').map((e) => e.state)).toEqual(['GatherEvidence']);
    expect(execution.events.some((e) => e.type === 'StateEntered' && e.state === 'RecordFailure')).toBe(true);
    expect(execution.events.some((e) => e.state === 'Reason' && e.type === 'StateEntered')).toBe(false);
    const record = await readRecord(stack.tableName, 'acme', first, stack.db);
    expect(record?.status).toBe('failed');
    expect(await readAudit(stack.tableName, 'acme', first, stack.db)).toContainEqual(
      expect.objectContaining({ type: 'investigation.failed', detail: expect.objectContaining({ error: 'StoredValueRefusedError', cause: expect.stringMatching(/another investigation was refused/) }) }),
    );
  });

  it('releases its dedup claim: the same alert firing again starts a new investigation instead of answering duplicate', async () => {
    const again = await fire();
    expect(again.status).toBe(202);
    expect(again.signals[0]).toMatchObject({ status: 'started' });
    expect(again.signals[0]!.investigationId).not.toBe(first);
    expect(stack.sfn.listExecutions().map((e) => e.name)).toContain(again.signals[0]!.investigationId);
    const second = await stack.sfn.settled(again.signals[0]!.investigationId);
    await second.done;
    expect((await readRecord(stack.tableName, 'acme', second.name, stack.db))?.status).toBe('failed');
  });

  it('releases only a claim that is open and still names the failed run: a newer generation and a resolved alert are left alone', async () => {
    const key = keys.dedup('acme', 'cccc000000000001');
    const claim = (status: string, investigationId: string) =>
      stack.db.send(new PutCommand({ TableName: stack.tableName, Item: { ...key, status, generation: 3, investigationId, started: true, repeats: 0, expiresAt: ttlAfter(3600) } }));
    const stored = async () => (await stack.db.send(new GetCommand({ TableName: stack.tableName, Key: key }))).Item as { status: string; expiresAt: number };

    await claim('open', 'cccc000000000001-g3');
    expect(await releaseClaim(stack.tableName, 'acme', 'cccc000000000001', 'cccc000000000001-g2')).toBe(false);
    expect((await stored()).status).toBe('open');
    await claim('resolved', 'cccc000000000001-g3');
    expect(await releaseClaim(stack.tableName, 'acme', 'cccc000000000001', 'cccc000000000001-g3')).toBe(false);
    expect((await stored()).status).toBe('resolved');
    await claim('open', 'cccc000000000001-g3');
    expect(await releaseClaim(stack.tableName, 'acme', 'cccc000000000001', 'cccc000000000001-g3')).toBe(true);
    expect((await stored()).status).toBe('released');
  });
});

describe('an alert firing again after its dedup window', () => {
  it('starts a new generation, because the claim outlives the window as long as Step Functions keeps execution names', async () => {
    const first = await fire('dddd000000000001');
    const id = first.signals[0]!.investigationId;
    const key = keys.dedup('acme', id.replace(/-g\d+$/, ''));
    const claim = (await stack.db.send(new GetCommand({ TableName: stack.tableName, Key: key }))).Item as { openUntil: number; expiresAt: number };
    expect(claim.openUntil).toBeLessThanOrEqual(ttlAfter(24 * 3600));
    expect(claim.expiresAt).toBeGreaterThanOrEqual(ttlAfter(89 * 24 * 3600));
    await stack.sfn.settled(id);
    // The 24 h window passes (the item itself stays: TTL would only delete it after 90 days).
    await stack.db.send(new UpdateCommand({ TableName: stack.tableName, Key: key, UpdateExpression: 'SET openUntil = :past', ExpressionAttributeValues: { ':past': ttlAfter(-60) } }));
    const again = await fire('dddd000000000001');
    expect(again.signals[0]).toMatchObject({ status: 'started' });
    expect(again.signals[0]!.investigationId).toBe(id.replace(/-g1$/, '-g2'));
    await stack.sfn.settled(again.signals[0]!.investigationId);
  });
});

describe('a run whose providers skip the claim check', () => {
  it('overflows the evidence workflow, and the investigation still ends with a record naming States.DataLimitExceeded', async () => {
    await putTenant(stack, TenantConfig.parse({ tenantId: 'bulk', topology: { checkout: [] }, backends: ['bulky-metrics', 'bulky-logs'].map((id) => ({ id, type: 'bulky', classes: [id.split('-')[1]], options: {} })), policy: { mode: 'off' } }));
    const signal = { ...(await readRecord(stack.tableName, 'acme', (await fire('eeee000000000001')).signals[0]!.investigationId, stack.db))!.signal, tenantId: 'bulk' };
    const investigationId = 'bulk-overflow';
    const now = new Date().toISOString();
    await createRecord(stack.tableName, { tenantId: 'bulk', investigationId, executionName: investigationId, status: 'investigating', createdAt: now, updatedAt: now, signal, relatedSignals: [] });
    const execution = stack.sfn.startExecution(investigationId, JSON.stringify(InvestigationInput.parse({ tenantId: 'bulk', investigationId, signal })));
    await execution.done;
    expect(execution.status).toBe('FAILED');
    expect(execution.events.filter((e) => e.child && e.type === 'StateFailed').map((e) => e.state)).toContain('Gather output limit');
    expect((await readRecord(stack.tableName, 'bulk', investigationId, stack.db))?.status).toBe('failed');
    expect(await readAudit(stack.tableName, 'bulk', investigationId, stack.db)).toContainEqual(expect.objectContaining({ type: 'investigation.failed', detail: expect.objectContaining({ error: 'States.DataLimitExceeded' }) }));
  });
});
