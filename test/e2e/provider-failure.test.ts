import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureScenarioTenant, runScenario } from '../../cli/scenario-run.js';
import { startLocalStack, type LocalStack } from '../../local/stack.js';
import { putTenant } from '../../local/tenants.js';

const SCENARIO = fileURLToPath(new URL('../../scenarios/shop-storefront-checkout-5xx.json', import.meta.url));

let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({ retryIntervalMs: 5, extraProviders: { broken: new URL('./fixtures/broken-provider.ts', import.meta.url).href } });
  const tenant = await ensureScenarioTenant(stack, 'demo');
  await putTenant(stack, { ...tenant, backends: [{ id: 'prod-metrics', type: 'broken', classes: ['metrics'], options: {} }] });
});

afterAll(async () => {
  await stack.stop();
});

describe('a provider that throws', () => {
  it('becomes a named error in the record while the other providers still produce the RCA', async () => {
    const run = await runScenario(stack, SCENARIO);
    const providers = run.record.scored!.providers;
    const broken = providers.find((p) => p.backend.id === 'prod-metrics');
    expect(broken).toMatchObject({ status: 'error', evidenceClass: 'metrics', error: { name: 'TypeError' } });
    expect(broken!.error!.message).toContain("reading 'series'");
    expect(broken!.query.window.from < broken!.query.window.to).toBe(true);
    const scenarioResults = providers.filter((p) => p.backend.type === 'scenario');
    expect(scenarioResults.length).toBe(7);
    expect(scenarioResults.filter((p) => p.status === 'success').length).toBeGreaterThanOrEqual(5);
    expect(run.record.rca?.rootCause).toMatchObject({ service: 'pricing', kind: 'deployment' });
    expect(run.record.rca?.caveats.join(' ')).toMatch(/prod-metrics/);
    const gather = stack.sfn.listExecutions().find((e) => e.name === run.record.investigationId)!.events;
    expect(gather.filter((e) => e.type === 'StateRetried' || e.type === 'StateCaught').map((e) => e.state)).toContain('QueryProvider');
  });
});
