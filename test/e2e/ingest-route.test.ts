import { readFileSync } from 'node:fs';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecord } from '../../functions/shared/records.js';
import { keys, ttlAfter } from '../../functions/shared/table.js';
import { startLocalStack, type LocalStack } from '../../local/stack.js';
import { putTenant } from '../../local/tenants.js';

const TOKEN = 'acme-alertmanager-token-0123456789';
const fixture = JSON.parse(readFileSync(new URL('../fixtures/signals/alertmanager/firing-batch.json', import.meta.url), 'utf8')) as {
  status: string;
  alerts: { status: string; fingerprint: string; labels: Record<string, string> }[];
};

let stack: LocalStack;
let url: string;

/** One alert of the fixture with its own fingerprint and service, so each test owns its dedup key and its group. */
function alert(fingerprint: string, status: 'firing' | 'resolved' = 'firing', service = `svc-${fingerprint}`) {
  const one = { ...fixture.alerts[1]!, fingerprint, status, labels: { ...fixture.alerts[1]!.labels, service } };
  return { ...fixture, status, alerts: [one] };
}

function post(body: unknown, options: { token?: string | null; tenant?: string; source?: string; raw?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token !== null) headers.authorization = `Bearer ${options.token ?? TOKEN}`;
  const target = `${stack.apiUrl}/v1/tenants/${options.tenant ?? 'acme'}/signals/${options.source ?? 'alertmanager'}`;
  return fetch(target, { method: 'POST', headers, body: options.raw ?? JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));
}

async function archived(): Promise<{ outcome: { status: number; error?: string }; headers: Record<string, string> }[]> {
  const day = new Date().toISOString().slice(0, 10);
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await stack.db.send(
      new QueryCommand({ TableName: stack.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `TENANT#acme#ARCHIVE#${day}` }, ExclusiveStartKey: start }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items as never;
}

beforeAll(async () => {
  stack = await startLocalStack({ retryIntervalMs: 5 });
  url = stack.apiUrl;
  stack.secrets.put('causeway/tenants/acme/webhooks', JSON.stringify({ alertmanager: { bearerToken: TOKEN } }));
  await putTenant(stack, {
    tenantId: 'acme',
    webhookSecretRef: 'causeway/tenants/acme/webhooks',
    enabledSources: ['alertmanager'],
    ingestRatePerMinute: 100_000,
    topology: { storefront: ['checkout'], checkout: ['payments'], search: [], 'edge-web': ['edge-db'], 'stalled-lock': ['stalled-lock-db'], 'expired-lock': ['expired-lock-db'] },
  } as never);
});

afterAll(async () => {
  await stack.stop();
});

describe('POST /v1/tenants/{tenantId}/signals/{source}', () => {
  it('starts one investigation per alert and names the execution after the dedup key', async () => {
    const response = await post(alert('aaaa000000000001'));
    expect(response.status).toBe(202);
    const [signal] = response.body.signals as { investigationId: string; status: string }[];
    expect(signal!.status).toBe('started');
    const execution = stack.sfn.listExecutions().find((e) => e.name === signal!.investigationId);
    expect(execution).toBeDefined();
    await stack.sfn.settled(signal!.investigationId);
    const record = await readRecord(stack.tableName, 'acme', signal!.investigationId, stack.db);
    expect(record?.signal.service).toBe('svc-aaaa000000000001');
    expect(record?.signal.correlation.traceIds).toContain('4bf92f3577b34da6a3ce929d0e0e4736');
  });

  it('a repeat of an open alert joins it; its resolution marks it resolved and starts nothing', async () => {
    const first = await post(alert('aaaa000000000002'));
    const repeat = await post(alert('aaaa000000000002'));
    const [a] = first.body.signals as { investigationId: string }[];
    const [b] = repeat.body.signals as { investigationId: string; status: string }[];
    expect(b!.status).toBe('duplicate');
    expect(b!.investigationId).toBe(a!.investigationId);
    const before = stack.sfn.listExecutions().length;
    const resolved = await post(alert('aaaa000000000002', 'resolved'));
    expect((resolved.body.signals as { status: string }[])[0]!.status).toBe('resolved');
    expect(stack.sfn.listExecutions().length).toBe(before);
    const record = await readRecord(stack.tableName, 'acme', a!.investigationId, stack.db);
    expect(record?.signal.status).toBe('resolved');
    const again = await post(alert('aaaa000000000002'));
    const [c] = again.body.signals as { investigationId: string; status: string }[];
    expect(c!.status).toBe('started');
    expect(c!.investigationId).not.toBe(a!.investigationId);
  });

  it('1,000 concurrent copies of one firing alert start exactly one execution', async () => {
    const before = stack.sfn.listExecutions().length;
    const responses = await Promise.all(Array.from({ length: 1000 }, () => post(alert('aaaa000000000003'))));
    expect(responses.every((r) => r.status === 202)).toBe(true);
    const ids = new Set(responses.map((r) => (r.body.signals as { investigationId: string }[])[0]!.investigationId));
    expect(ids.size).toBe(1);
    expect(responses.filter((r) => (r.body.signals as { status: string }[])[0]!.status === 'started')).toHaveLength(1);
    const [id] = [...ids];
    expect(stack.sfn.listExecutions().filter((e) => e.name === id)).toHaveLength(1);
    expect(stack.sfn.listExecutions().length).toBe(before + 1);
  }, 120_000);

  it('a storm of 50 distinct alerts on one service, all at once, starts one investigation that lists the other 49', async () => {
    const before = stack.sfn.listExecutions().length;
    const fingerprints = Array.from({ length: 50 }, (_, i) => `cccc${String(i).padStart(12, '0')}`);
    const responses = await Promise.all(fingerprints.map((f) => post(alert(f, 'firing', 'storm'))));
    expect(responses.map((r) => r.status)).toEqual(fingerprints.map(() => 202));
    const outcomes = responses.map((r) => (r.body.signals as { investigationId: string; status: string }[])[0]!);
    const started = outcomes.filter((o) => o.status === 'started');
    expect(started).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'joined')).toHaveLength(49);
    expect(new Set(outcomes.map((o) => o.investigationId))).toEqual(new Set([started[0]!.investigationId]));
    expect(stack.sfn.listExecutions().length).toBe(before + 1);
    const record = await readRecord(stack.tableName, 'acme', started[0]!.investigationId, stack.db);
    expect(record?.relatedSignals).toHaveLength(49);
    const repeat = await post(alert(fingerprints[7]!, 'firing', 'storm'));
    expect((repeat.body.signals as { status: string; investigationId: string }[])[0]).toMatchObject({ status: 'duplicate', investigationId: started[0]!.investigationId });
  }, 60_000);

  it('alerts arriving together on two adjacent services, each the first on its own, start one investigation', async () => {
    const before = stack.sfn.listExecutions().length;
    const sent = Array.from({ length: 40 }, (_, i) => alert(`eeee${String(i).padStart(12, '0')}`, 'firing', i % 2 === 0 ? 'edge-web' : 'edge-db'));
    const responses = await Promise.all(sent.map((body) => post(body)));
    expect(responses.map((r) => r.status)).toEqual(sent.map(() => 202));
    const outcomes = responses.map((r) => (r.body.signals as { investigationId: string; status: string }[])[0]!);
    expect(outcomes.filter((o) => o.status === 'started')).toHaveLength(1);
    expect(new Set(outcomes.map((o) => o.investigationId)).size).toBe(1);
    expect(stack.sfn.listExecutions().length).toBe(before + 1);
    const record = await readRecord(stack.tableName, 'acme', outcomes[0]!.investigationId, stack.db);
    expect(new Set(record?.relatedSignals.map((r) => r.service))).toEqual(new Set(['edge-web', 'edge-db']));
  }, 60_000);

  // Start locks guard a neighbourhood: these services each have a neighbour (a lone service needs none).
  it('a start lock left by a stalled holder delays a new alert by the wait at most, then it starts without the lock', async () => {
    await stack.db.send(new PutCommand({ TableName: stack.tableName, Item: { ...keys.startLock('acme', 'stalled-lock'), owner: 'stalled', leaseUntilMs: Date.now() + 60_000, expiresAt: ttlAfter(60) } }));
    const response = await post(alert('ffff000000000001', 'firing', 'stalled-lock'));
    expect((response.body.signals as { status: string }[])[0]).toMatchObject({ status: 'started' });
    await stack.db.send(new PutCommand({ TableName: stack.tableName, Item: { ...keys.startLock('acme', 'expired-lock'), owner: 'crashed', leaseUntilMs: Date.now() - 1, expiresAt: ttlAfter(60) } }));
    const next = await post(alert('ffff000000000002', 'firing', 'expired-lock'));
    expect((next.body.signals as { status: string }[])[0]).toMatchObject({ status: 'started' });
    const lock = await stack.db.send(new GetCommand({ TableName: stack.tableName, Key: keys.startLock('acme', 'expired-lock') }));
    expect(lock.Item).toBeUndefined();
  }, 30_000);

  it('an alert whose service is held by an investigation that never got written starts its own rather than being lost', async () => {
    await stack.db.send(new PutCommand({ TableName: stack.tableName, Item: { ...keys.openByService('acme', 'ghost'), investigationId: 'never-written-g1', expiresAt: ttlAfter(600) } }));
    const response = await post(alert('dddd000000000001', 'firing', 'ghost'));
    const [signal] = response.body.signals as { investigationId: string; status: string }[];
    expect(signal).toMatchObject({ status: 'started' });
    expect(signal!.investigationId).not.toBe('never-written-g1');
    expect(stack.sfn.listExecutions().some((e) => e.name === signal!.investigationId)).toBe(true);
  });

  it('groups an alert on an adjacent service into the open investigation; an unrelated service gets its own', async () => {
    const first = await post(alert('bbbb000000000001', 'firing', 'checkout'));
    const [opened] = first.body.signals as { investigationId: string; status: string }[];
    expect(opened!.status).toBe('started');
    const before = stack.sfn.listExecutions().length;
    const downstream = await post(alert('bbbb000000000002', 'firing', 'payments'));
    const [joined] = downstream.body.signals as { investigationId: string; status: string }[];
    expect(joined).toEqual({ investigationId: opened!.investigationId, dedupKey: expect.any(String), status: 'joined' });
    expect(stack.sfn.listExecutions().length).toBe(before);
    const repeat = await post(alert('bbbb000000000002', 'firing', 'payments'));
    expect((repeat.body.signals as { status: string; investigationId: string }[])[0]).toMatchObject({ status: 'duplicate', investigationId: opened!.investigationId });
    const record = await readRecord(stack.tableName, 'acme', opened!.investigationId, stack.db);
    expect(record?.relatedSignals.map((s) => s.service)).toEqual(['payments']);
    const unrelated = await post(alert('bbbb000000000003', 'firing', 'search'));
    expect((unrelated.body.signals as { status: string }[])[0]!.status).toBe('started');
  });

  it('takes CloudWatch alarm events from EventBridge (wrapped with the tenant) without a webhook credential', async () => {
    stack.secrets.put('causeway/tenants/acme-aws/webhooks', JSON.stringify({ cloudwatch: { enabled: true } }));
    await putTenant(stack, { tenantId: 'acme-aws', webhookSecretRef: 'causeway/tenants/acme-aws/webhooks', enabledSources: ['cloudwatch'] } as never);
    const { handler } = await import('../../functions/ingest/handler.js');
    const event = JSON.parse(readFileSync(new URL('../fixtures/signals/cloudwatch/alarm-lambda-errors.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    const delivered = (await handler({ tenantId: 'acme-aws', event }, {} as never)) as { status: number; body: { signals: { status: string }[] } };
    expect(delivered.status).toBe(202);
    expect(delivered.body.signals[0]!.status).toBe('started');
    const refused = (await handler({ tenantId: 'acme', event }, {} as never)) as { status: number };
    expect(refused.status).toBe(401);
    await expect(handler({ hello: 'world' }, {} as never)).rejects.toThrow(/neither an API Gateway request/);
  });

  it('throttles a tenant past its per-minute budget with 429 and Retry-After, leaving other tenants alone', async () => {
    stack.secrets.put('causeway/tenants/noisy/webhooks', JSON.stringify({ alertmanager: { bearerToken: TOKEN } }));
    await putTenant(stack, { tenantId: 'noisy', webhookSecretRef: 'causeway/tenants/noisy/webhooks', enabledSources: ['alertmanager'], ingestRatePerMinute: 3 } as never);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(alert(`cccc00000000000${i}`), { tenant: 'noisy' })).status);
    expect(statuses.filter((s) => s === 202).length).toBeLessThanOrEqual(3);
    expect(statuses).toContain(429);
    const raw = await fetch(`${url}/v1/tenants/noisy/signals/alertmanager`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(alert('cccc000000000009')) });
    if (raw.status === 429) expect(Number(raw.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await post(alert('cccc000000000010'))).status).toBe(202);
  });

  it('answers a wrong token, a missing token and an unknown tenant with the same 401', async () => {
    const wrong = await post(alert('aaaa000000000004'), { token: 'not-the-token-at-all-000000' });
    const missing = await post(alert('aaaa000000000004'), { token: null });
    const unknown = await post(alert('aaaa000000000004'), { tenant: 'nobody' });
    const disabled = await post({}, { source: 'grafana' });
    for (const r of [wrong, missing, unknown, disabled]) expect(r).toEqual({ status: 401, body: { error: 'unauthorized' } });
  });

  it('rejects bad input with a clear error and keeps what an authenticated sender sent', async () => {
    const malformed = await post(undefined, { raw: '{"alerts": [' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatch(/not valid JSON/);
    const invalid = await post({ version: '4', status: 'firing', alerts: 'nope' });
    expect(invalid.status).toBe(422);
    expect(invalid.body.field).toMatch(/alerts/);
    const tooBig = await post(undefined, { raw: JSON.stringify({ padding: 'x'.repeat(300 * 1024) }) });
    expect(tooBig.status).toBe(413);
    const unknownSource = await post(alert('aaaa000000000005'), { source: 'nagios' });
    expect(unknownSource.status).toBe(404);
    const kept = await archived();
    const statuses = kept.map((k) => k.outcome.status);
    expect(statuses).toContain(400);
    expect(statuses).toContain(422);
    expect(kept.every((k) => k.headers.authorization === undefined || k.headers.authorization === '[redacted]')).toBe(true);
  });
});
