import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAudit } from '../../functions/shared/audit.js';
import { readRecord, updateRecord } from '../../functions/shared/records.js';
import { startLocalStack, type LocalStack } from '../../local/stack.js';
import { putTenant } from '../../local/tenants.js';

const PD_SECRET = 'pd-signing-secret-0123456789abcdef';
const OPSGENIE_TOKEN = 'opsgenie-header-token-0123456789';

let stack: LocalStack;

function fixture(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../fixtures/signals/${path}`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

async function post(source: 'pagerduty' | 'opsgenie', body: unknown): Promise<{ status: number; signals: { status: string; investigationId?: string }[] }> {
  const raw = JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (source === 'pagerduty') headers['x-pagerduty-signature'] = `v1=${createHmac('sha256', PD_SECRET).update(raw).digest('hex')}`;
  else headers['x-causeway-token'] = OPSGENIE_TOKEN;
  const response = await fetch(`${stack.apiUrl}/v1/tenants/lifecycle/signals/${source}`, { method: 'POST', headers, body: raw });
  const json = (await response.json()) as { signals?: { status: string; investigationId?: string }[] };
  return { status: response.status, signals: json.signals ?? [] };
}

/** A PagerDuty v3 event about one incident, from the repository's documented fixtures with the incident id swapped. */
function pagerDuty(name: string, incidentId: string, occurredAt: string): Record<string, unknown> {
  const body = fixture(`pagerduty/${name}`) as { event: Record<string, unknown> & { data: Record<string, unknown> } };
  return { event: { ...body.event, id: `${incidentId}-${name}`, occurred_at: occurredAt, data: { ...body.event.data, id: incidentId, incident_key: incidentId } } };
}

function opsgenie(name: string, alertId: string, updatedAtMs: number, alert: Record<string, unknown> = {}): Record<string, unknown> {
  const body = fixture(`opsgenie/${name}`) as { alert: Record<string, unknown> };
  return { ...body, alert: { ...body.alert, alertId, updatedAt: updatedAtMs * 1e6, ...alert } };
}

beforeAll(async () => {
  stack = await startLocalStack({ retryIntervalMs: 5 });
  stack.secrets.put('causeway/tenants/lifecycle/slack', JSON.stringify({ url: stack.slackWebhookUrl }));
  stack.secrets.put('causeway/tenants/lifecycle/webhooks', JSON.stringify({ pagerduty: { signingSecrets: [PD_SECRET] }, opsgenie: { headerName: 'x-causeway-token', token: OPSGENIE_TOKEN } }));
  await putTenant(stack, {
    tenantId: 'lifecycle',
    webhookSecretRef: 'causeway/tenants/lifecycle/webhooks',
    enabledSources: ['pagerduty', 'opsgenie'],
    ingestRatePerMinute: 100_000,
    approval: { timeoutSeconds: 3600, slackWebhookSecretRef: 'causeway/tenants/lifecycle/slack' },
  } as never);
});

afterAll(async () => {
  await stack.stop();
});

describe('an alert through its lifecycle: one investigation carries the trigger, the acknowledgement and the resolve', () => {
  it('PagerDuty: triggered → acknowledged (twice, a retried delivery) → resolved', async () => {
    const started = await post('pagerduty', pagerDuty('incident-triggered.json', 'QLIFE0000000001', '2026-03-14T14:02:10.000Z'));
    expect(started.signals[0]).toMatchObject({ status: 'started' });
    const investigationId = started.signals[0]!.investigationId!;
    const executions = stack.sfn.listExecutions().length;

    const ack = pagerDuty('incident-acknowledged.json', 'QLIFE0000000001', '2026-03-14T14:04:45.003Z');
    expect((await post('pagerduty', ack)).signals[0]).toEqual({ status: 'updated', investigationId, dedupKey: expect.any(String) });
    expect((await post('pagerduty', ack)).signals[0]).toMatchObject({ status: 'updated', investigationId });
    expect((await post('pagerduty', pagerDuty('incident-resolved.json', 'QLIFE0000000001', '2026-03-14T14:31:00.000Z'))).signals[0]).toMatchObject({ status: 'resolved', investigationId });

    expect(stack.sfn.listExecutions()).toHaveLength(executions);
    const record = await readRecord(stack.tableName, 'lifecycle', investigationId, stack.db);
    expect(record?.lifecycle?.map((e) => [e.event, e.at, e.by])).toEqual([
      ['opened', '2026-03-14T14:02:10.000Z', undefined],
      ['acknowledged', '2026-03-14T14:04:45.003Z', 'Dana On-Call'],
      ['resolved', '2026-03-14T14:31:00.000Z', 'Dana On-Call'],
    ]);
    expect(record?.signal.status).toBe('resolved');
    const audit = await readAudit(stack.tableName, 'lifecycle', investigationId, stack.db);
    expect(audit.filter((e) => e.type === 'alert.acknowledged')).toEqual([expect.objectContaining({ actor: 'Dana On-Call', at: '2026-03-14T14:04:45.003Z' })]);
  });

  it('Opsgenie: Create → Acknowledge → AddNote → Close, and a note after Close reopens nothing', async () => {
    const alertId = 'lifecycle-opsgenie-0001';
    const started = await post('opsgenie', opsgenie('create.json', alertId, Date.parse('2026-03-14T17:00:00.000Z')));
    expect(started.signals[0]).toMatchObject({ status: 'started' });
    const investigationId = started.signals[0]!.investigationId!;
    const executions = stack.sfn.listExecutions().length;

    const ack = { ...opsgenie('create.json', alertId, Date.parse('2026-03-14T17:03:00.000Z'), { username: 'sam@example.com' }), action: 'Acknowledge' };
    expect((await post('opsgenie', ack)).signals[0]).toMatchObject({ status: 'updated', investigationId });
    expect((await post('opsgenie', opsgenie('add-note.json', alertId, Date.parse('2026-03-14T17:10:00.000Z')))).signals[0]).toMatchObject({ status: 'updated', investigationId });
    expect((await post('opsgenie', opsgenie('close.json', alertId, Date.parse('2026-03-14T17:20:00.000Z')))).signals[0]).toMatchObject({ status: 'resolved', investigationId });
    const late = opsgenie('add-note.json', alertId, Date.parse('2026-03-14T17:25:00.000Z'), { note: 'postmortem scheduled' });
    expect((await post('opsgenie', late)).signals[0]).toMatchObject({ status: 'updated', investigationId });

    expect(stack.sfn.listExecutions()).toHaveLength(executions);
    const record = await readRecord(stack.tableName, 'lifecycle', investigationId, stack.db);
    expect(record?.lifecycle?.map((e) => [e.event, e.by, e.detail])).toEqual([
      ['opened', expect.any(String), undefined],
      ['acknowledged', 'sam@example.com', undefined],
      ['note_added', 'dana@example.com', 'Failover to replica done'],
      ['resolved', expect.any(String), undefined],
      ['note_added', 'dana@example.com', 'postmortem scheduled'],
    ]);
  });

  it('an acknowledgement for an alert Causeway never saw starts nothing', async () => {
    const executions = stack.sfn.listExecutions().length;
    const response = await post('pagerduty', pagerDuty('incident-acknowledged.json', 'QLIFE0000000099', '2026-03-14T15:00:00.000Z'));
    expect(response.status).toBe(202);
    expect(response.signals[0]).toMatchObject({ status: 'unmatched' });
    expect(stack.sfn.listExecutions()).toHaveLength(executions);
  });

  it('a resolve that arrives while an approval is pending is said in the approval channel', async () => {
    const started = await post('pagerduty', pagerDuty('incident-triggered.json', 'QLIFE0000000002', '2026-03-14T16:00:00.000Z'));
    const investigationId = started.signals[0]!.investigationId!;
    await stack.sfn.settled(investigationId);
    await updateRecord(stack.tableName, 'lifecycle', investigationId, { approval: { approvalId: 'pending-approval-0001', status: 'pending', expiresAt: '2026-03-14T17:00:00.000Z' } });
    const before = stack.slackMessages.length;

    await post('pagerduty', pagerDuty('incident-resolved.json', 'QLIFE0000000002', '2026-03-14T16:20:00.000Z'));
    await post('pagerduty', pagerDuty('incident-resolved.json', 'QLIFE0000000002', '2026-03-14T16:20:00.000Z'));

    const told = stack.slackMessages.slice(before).map((m) => JSON.stringify(m.body));
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(`resolved at 2026-03-14T16:20:00.000Z (pagerduty, by Dana On-Call) while approval of the proposed action is pending (investigation ${investigationId})`);
  });
});
