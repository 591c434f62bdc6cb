import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureScenarioTenant, runScenario } from '../../cli/scenario-run.js';
import { startLocalStack, type LocalStack } from '../../local/stack.js';
import { putTenant } from '../../local/tenants.js';

const scenario = (name: string) => fileURLToPath(new URL(`../../scenarios/${name}.json`, import.meta.url));
/** A third party failing behind payments: no action, so each run finishes and is remembered. */
const STRIPE = scenario('payments-card-authorizations-failing');
/** Another service and cause altogether. */
const OTHER = scenario('shop-checkout-success-rate-drop');

let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({ retryIntervalMs: 5 });
  for (const tenantId of ['demo', 'other']) {
    const tenant = await ensureScenarioTenant(stack, tenantId);
    await putTenant(stack, { ...tenant, policy: { ...tenant.policy, mode: 'off' } });
  }
});

afterAll(async () => {
  await stack.stop();
});

/** The same scenario under another tenant. */
function asTenant(file: string, tenantId: string): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'causeway-memory-')), 'scenario.json');
  writeFileSync(copy, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), tenant: tenantId }));
  return copy;
}

describe('memory of past incidents over a sequence of investigations', () => {
  it('recalls the tenant’s own similar incidents, ranked and counted, and never another tenant’s', async () => {
    const first = await runScenario(stack, STRIPE);
    expect(first.record.status).toBe('diagnosed');
    expect(first.record.similar).toEqual([]);

    const other = await runScenario(stack, OTHER);
    expect(other.record.similar?.map((s) => s.investigationId)).not.toContain(first.record.investigationId);

    const second = await runScenario(stack, STRIPE);
    expect(second.record.similar).toEqual([
      expect.objectContaining({ investigationId: first.record.investigationId, service: 'stripe-api', kind: 'dependency_failure', outcome: 'no action taken', sharedSignals: expect.arrayContaining(['same root cause: stripe-api dependency failure', 'same alert']) }),
    ]);

    const third = await runScenario(stack, STRIPE);
    expect(third.record.similar?.map((s) => s.investigationId)).toEqual([second.record.investigationId, first.record.investigationId]);
    const summary = stack.slackMessages.find((m) => m.body.text?.startsWith('Causeway: ') && JSON.stringify(m.body).includes(third.record.investigationId));
    expect(JSON.stringify(summary?.body)).toContain(`Seen before: seen 2 times in 90 days; last: no action taken (${second.record.createdAt.slice(0, 10)}, ${second.record.investigationId})`);

    const elsewhere = await runScenario(stack, asTenant(STRIPE, 'other'));
    expect(elsewhere.record.tenantId).toBe('other');
    expect(elsewhere.record.similar).toEqual([]);
  });
});
