import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { InvestigationInput, TenantConfig } from '../functions/contracts/index.js';
import { fitToBudget } from '../functions/providers/shared/budget.js';
import { gridForWindow } from '../functions/providers/shared/grid.js';
import { TemplateMiner, logPatterns } from '../functions/providers/shared/logs.js';
import { startLocalStack } from '../local/stack.js';
import { putTenant } from '../local/tenants.js';
import { createRecord } from '../functions/shared/records.js';
import { getSourceAdapter } from '../functions/ingest/sources/index.js';

/**
 * Fan-out: N backends that each take D ms, gathered by the real Map state. Parallel
 * gathering takes about D, sequential N × D. Then provider output bytes against input
 * size: the log summarizer over 10k, 100k and 1M lines, fitted to its byte budget.
 */
const stack = await startLocalStack({ extraProviders: { delay: new URL('./fixtures/delay-provider.ts', import.meta.url).href } });
const body = JSON.parse(readFileSync(new URL('../test/fixtures/signals/alertmanager/firing-batch.json', import.meta.url), 'utf8')) as { alerts: unknown[] };
const [signal] = getSourceAdapter('alertmanager').normalize({ ...body, alerts: [body.alerts[1]] }, { tenantId: 'bench', receivedAt: new Date(), catalog: {} });
const results: Record<string, unknown>[] = [];
for (const [backends, delayMs] of [[4, 500], [8, 500], [16, 250]] as const) {
  const tenant = TenantConfig.parse({
    tenantId: 'bench',
    backends: Array.from({ length: backends }, (_, i) => ({ id: `slow-${i}`, type: 'delay', classes: ['metrics'], options: { delayMs } })),
    policy: { mode: 'off' },
  });
  await putTenant(stack, tenant);
  const investigationId = `fanout-${backends}-${delayMs}`;
  const now = new Date().toISOString();
  await createRecord(stack.tableName, { tenantId: 'bench', investigationId, executionName: investigationId, status: 'investigating', createdAt: now, updatedAt: now, signal: signal!, relatedSignals: [] });
  const execution = stack.sfn.startExecution(investigationId, JSON.stringify(InvestigationInput.parse({ tenantId: 'bench', investigationId, signal })));
  await execution.done;
  const entered = execution.events.find((e) => e.type === 'StateEntered' && e.state === 'Gather')!.timestamp;
  const exited = execution.events.find((e) => e.type === 'StateExited' && e.state === 'Gather')!.timestamp;
  results.push({ backends, delayMs, gatherWallMs: exited - entered, sumOfProviderMs: backends * delayMs });
}
await stack.stop();

const bytes: Record<string, unknown>[] = [];
for (const lines of [10_000, 100_000, 1_000_000]) {
  const start = Date.parse('2026-06-01T08:00:00Z');
  const miner = new TemplateMiner(gridForWindow({ from: new Date(start).toISOString(), to: new Date(start + 3_900_000).toISOString() }));
  const t = performance.now();
  for (let i = 0; i < lines; i++) {
    const at = start + Math.floor((i / lines) * 3_600_000);
    const level = i % 50 === 0 ? 'error' : 'info';
    miner.add({ atMs: at, service: `svc-${i % 20}`, level, message: level === 'error' ? `timeout calling db-${i % 7} after ${i % 900}ms request=${i}` : `GET /api/items/${i} 200 ${i % 300}ms user=${i % 5000}` });
  }
  const fitted = fitToBudget(logPatterns(miner, start + 3_000_000), 40 * 1024, 'log patterns', 'new and surging errors first');
  bytes.push({ lines, outputBytes: Buffer.byteLength(JSON.stringify(fitted.items)), ms: Math.round(performance.now() - t) });
}
console.log(JSON.stringify({ bench: 'fanout', runs: results }));
console.log(JSON.stringify({ bench: 'provider-output', logs: bytes }));
