import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvestigationInput, TenantConfig } from '../../functions/contracts/index.js';
import { getSourceAdapter } from '../../functions/ingest/sources/index.js';
import { createRecord, readRecord } from '../../functions/shared/records.js';
import { startLocalStack, type LocalStack } from '../../local/stack.js';
import type { Execution } from '../../local/step-functions.js';
import { putTenant } from '../../local/tenants.js';

/** The bound the claim check keeps between any two states, far below Step Functions' 256 KiB. */
const STATE_BOUND_BYTES = 32 * 1024;

const body = JSON.parse(readFileSync(new URL('../fixtures/signals/alertmanager/firing-batch.json', import.meta.url), 'utf8')) as { alerts: unknown[] };

let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({ retryIntervalMs: 5, extraProviders: { scaled: new URL('./fixtures/scaled-provider.ts', import.meta.url).href } });
});

afterAll(async () => {
  await stack.stop();
});

/** One investigation of a tenant with three verbose log backends of `patterns` templates each, run to the approval wait or its end. */
async function investigate(tenantId: string, patterns: number): Promise<Execution> {
  await putTenant(
    stack,
    TenantConfig.parse({
      tenantId,
      topology: { checkout: ['payments'], payments: [] },
      backends: ['logs-a', 'logs-b', 'logs-c'].map((id) => ({ id, type: 'scaled', classes: ['logs'], options: { patterns } })),
      policy: { mode: 'off' },
    }),
  );
  const [signal] = getSourceAdapter('alertmanager').normalize({ ...body, alerts: [body.alerts[1]] }, { tenantId, receivedAt: new Date(), catalog: {} });
  const investigationId = `state-${tenantId}`;
  const now = new Date().toISOString();
  await createRecord(stack.tableName, { tenantId, investigationId, executionName: investigationId, status: 'investigating', createdAt: now, updatedAt: now, signal: signal!, relatedSignals: [] });
  const execution = stack.sfn.startExecution(investigationId, JSON.stringify(InvestigationInput.parse({ tenantId, investigationId, signal })));
  await execution.done;
  return execution;
}

/** Every state's input and output, the child workflow's states included, as the runtime's event log measured them. */
function stateSizes(execution: Execution): { state: string; bytes: number }[] {
  return execution.events.flatMap((e) => [
    ...(e.inputBytes !== undefined ? [{ state: `${e.child ? 'evidence:' : ''}${e.state} input`, bytes: e.inputBytes }] : []),
    ...(e.outputBytes !== undefined ? [{ state: `${e.child ? 'evidence:' : ''}${e.state} output`, bytes: e.outputBytes }] : []),
  ]);
}

const largest = (execution: Execution) => Math.max(...stateSizes(execution).map((s) => s.bytes));

describe('the state between states (claim check)', () => {
  let small: Execution;
  let large: Execution;

  it('stays under 32 KiB at every state, in the investigation and its evidence workflow, while the providers return hundreds of KiB', async () => {
    small = await investigate('small', 60);
    expect(small.status).toBe('SUCCEEDED');
    const sizes = stateSizes(small);
    // Every state of both workflows was measured: the Map's items, Score inside the child, the stages after it.
    for (const state of ['evidence:LoadTenant output', 'evidence:QueryProvider output', 'evidence:Gather output', 'evidence:Score input', 'evidence:Score output', 'GatherEvidence output', 'Reason output', 'Policy output', 'Finish input']) {
      expect(sizes.map((s) => s.state)).toContain(state);
    }
    expect(sizes.filter((s) => s.bytes > STATE_BOUND_BYTES)).toEqual([]);
    const record = await readRecord(stack.tableName, 'small', small.name, stack.db);
    expect(record?.status).toBe('diagnosed');
    expect(record?.scored?.providers.map((p) => p.itemCount)).toEqual([60, 60, 60]);
  });

  it('does not grow when the evidence grows tenfold', async () => {
    large = await investigate('large', 600);
    expect(large.status).toBe('SUCCEEDED');
    const record = await readRecord(stack.tableName, 'large', large.name, stack.db);
    expect(record?.scored?.providers.map((p) => p.itemCount)).toEqual([600, 600, 600]);
    expect(stateSizes(large).filter((s) => s.bytes > STATE_BOUND_BYTES)).toEqual([]);
    // The same states with ten times the items behind them: a few digits more (counts and sizes in the references), no more.
    expect(largest(large)).toBeLessThanOrEqual(largest(small) + 256);
  });
});
