import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { ingest, type IngestDeps } from '../functions/ingest/core.js';
import { documentClient } from '../functions/shared/table.js';
import { loadTenantConfig } from '../functions/shared/tenants.js';
import { startLocalStack } from '../local/stack.js';
import { putTenant } from '../local/tenants.js';
import { summary } from './stats.js';

/**
 * The capacity model's check (README, "Capacity model"), scaled down to the local stack: the
 * real ingest pipeline against dynalite, fed alerts at fixed arrival rates that rise step by
 * step (open loop: a slow answer does not slow the sender), each a new alert that starts an
 * investigation, the costliest kind. Per step: achieved rate, latency, errors; the knee is the
 * first step where the pipeline no longer keeps up. Beside it, what one start costs in DynamoDB
 * capacity units per partition of our key design, measured with ReturnConsumedCapacity, and
 * the start rate at which each partition would reach AWS's per-partition limits; and the
 * per-tenant budget answering 429 past its limit. Step Functions is stubbed (the model covers
 * its quotas); the local knee is this machine's, not AWS's.
 */
const STEPS = (process.env.BENCH_CAPACITY_STEPS ?? '5,10,20,40,80,160').split(',').map(Number);
const STEP_SECONDS = Number(process.env.BENCH_CAPACITY_SECONDS ?? 8);
const TOKEN = 'capacity-token-0123456789abcdef';
/** AWS's per-partition ceilings (bp-partition-key-design): 1,000 write and 3,000 read units a second. */
const PARTITION_WCU = 1000;
const PARTITION_RCU = 3000;

type PartitionKind = 'tenant' | 'archive' | 'investigation' | 'other';

/** Which partition of the key design (functions/shared/table.ts) a `pk` falls in. */
function partitionKind(pk: string): PartitionKind {
  if (/^TENANT#[^#]+$/.test(pk)) return 'tenant';
  if (/^TENANT#[^#]+#ARCHIVE#/.test(pk)) return 'archive';
  if (/^TENANT#[^#]+#INV#/.test(pk)) return 'investigation';
  return 'other';
}

const tally = { requests: 0, read: { tenant: 0, archive: 0, investigation: 0, other: 0 }, write: { tenant: 0, archive: 0, investigation: 0, other: 0 } };
const pkOf = (value: unknown): string => (typeof value === 'string' ? value : ((value as { S?: string } | undefined)?.S ?? ''));
documentClient.middlewareStack.add(
  (next, context) => async (args) => {
    const input = args.input as { ReturnConsumedCapacity?: string; Key?: { pk?: unknown }; Item?: { pk?: unknown } };
    input.ReturnConsumedCapacity = 'TOTAL';
    const result = await next(args);
    const units = (result.output as { ConsumedCapacity?: { CapacityUnits?: number } }).ConsumedCapacity?.CapacityUnits ?? 0;
    const kind = partitionKind(pkOf(input.Key?.pk ?? input.Item?.pk));
    tally.requests++;
    tally[/Get|Query|Scan/.test(context.commandName ?? '') ? 'read' : 'write'][kind] += units;
    return result;
  },
  { step: 'initialize', name: 'benchConsumedCapacity' },
);

const stack = await startLocalStack();
stack.secrets.put('causeway/tenants/capacity/webhooks', JSON.stringify({ alertmanager: { bearerToken: TOKEN } }));
const fixture = JSON.parse(readFileSync(new URL('../test/fixtures/signals/alertmanager/firing-batch.json', import.meta.url), 'utf8')) as { alerts: { fingerprint: string; labels: Record<string, string> }[] };
let started = 0;
const deps: IngestDeps = {
  tableName: stack.tableName,
  loadTenant: (tenantId) => loadTenantConfig(stack.tableName, tenantId),
  readSecret: async (_tenantId, ref) => JSON.parse(stack.secrets.get(ref) ?? 'null') as unknown,
  startExecution: async () => void started++,
  confirmSubscription: async () => undefined,
  verify: { fetchCertificate: async () => '', now: () => new Date() },
};

/** Alert `i`, on a service of its own: the first time it wins its dedup claim and starts an investigation; again, it is a duplicate. */
function alertBody(i: number): string {
  const alert = fixture.alerts[1]!;
  return JSON.stringify({ ...fixture, alerts: [{ ...alert, fingerprint: `cap${String(i).padStart(13, '0')}`, labels: { ...alert.labels, service: `capacity-${i}` } }] });
}

let sequence = 0;
async function send(tenantId: string, alert = sequence++): Promise<{ status: number; ms: number }> {
  const t = performance.now();
  const requestId = `cap-${tenantId}-${performance.now()}`;
  const response = await ingest({ tenantId, source: 'alertmanager', door: 'http', requestId, headers: { authorization: `Bearer ${TOKEN}` }, rawBody: alertBody(alert), receivedAt: new Date() }, deps).catch(() => ({ status: 500 }));
  return { status: response.status, ms: performance.now() - t };
}

/** Sends at `perSecond` for `seconds` without waiting for answers, then waits for them all. */
async function drive(tenantId: string, perSecond: number, seconds: number): Promise<{ status: number; ms: number }[]> {
  const total = Math.round(perSecond * seconds);
  const t0 = performance.now();
  const pending: Promise<{ status: number; ms: number }>[] = [];
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    pending.push(send(tenantId));
  }
  return Promise.all(pending);
}

await putTenant(stack, { tenantId: 'capacity', webhookSecretRef: 'causeway/tenants/capacity/webhooks', enabledSources: ['alertmanager'], ingestRatePerMinute: 100_000 } as never);

/**
 * What one request costs, per partition, over `PROBE` requests sent one at a time, and the
 * rate at which one tenant's partitions reach AWS's per-partition ceilings.
 */
const PROBE = 20;
async function probe(alertOf: (i: number) => number) {
  tally.requests = 0;
  for (const units of [tally.read, tally.write]) for (const kind of Object.keys(units) as PartitionKind[]) units[kind] = 0;
  for (let i = 0; i < PROBE; i++) await send('capacity', alertOf(i));
  const each = (units: Record<PartitionKind, number>) => Object.fromEntries(Object.entries(units).map(([kind, total]) => [kind, Math.round((total / PROBE) * 10) / 10])) as Record<PartitionKind, number>;
  const wcu = each(tally.write);
  const rcu = each(tally.read);
  return {
    dynamoRequests: Math.round((tally.requests / PROBE) * 10) / 10,
    wcu,
    rcu,
    perSecondAtPartitionLimit: {
      tenantWrites: Math.floor(PARTITION_WCU / wcu.tenant),
      tenantReads: Math.floor(PARTITION_RCU / Math.max(rcu.tenant, 0.5)),
      archiveWrites: Math.floor(PARTITION_WCU / wcu.archive),
    },
  };
}
const perStart = await probe((i) => i);
const perDuplicate = await probe((i) => i);
sequence = PROBE;

// The knee: rising arrival rates until the pipeline stops keeping up.
const steps: Record<string, number>[] = [];
let knee: { offeredPerSecond: number; why: string } | undefined;
let calmP50 = 0;
for (const offered of STEPS) {
  const t = performance.now();
  const results = await drive('capacity', offered, STEP_SECONDS);
  const wallSeconds = (performance.now() - t) / 1000;
  const ok = results.filter((r) => r.status === 202);
  const s = summary(ok.map((r) => r.ms));
  // Sending takes STEP_SECONDS; the last answers come after it, so a step that keeps up still shows a little less than offered.
  const achieved = Math.round((ok.length / wallSeconds) * 10) / 10;
  const errors = results.length - ok.length;
  steps.push({ offeredPerSecond: offered, achievedPerSecond: achieved, p50Ms: Math.round(s.p50), p99Ms: Math.round(s.p99), errors });
  if (calmP50 === 0) calmP50 = s.p50;
  const why =
    achieved < 0.8 * offered ? `served ${achieved}/s of ${offered}/s` : errors > 0.01 * results.length ? `${errors} errors` : s.p50 > 5 * calmP50 ? `p50 ${Math.round(s.p50)} ms, over 5× the ${Math.round(calmP50)} ms at ${STEPS[0]}/s` : undefined;
  if (why) {
    knee = { offeredPerSecond: offered, why };
    break;
  }
}

// The per-tenant budget: 60 a minute, sent 90 within seconds.
stack.secrets.put('causeway/tenants/budgeted/webhooks', JSON.stringify({ alertmanager: { bearerToken: TOKEN } }));
await putTenant(stack, { tenantId: 'budgeted', webhookSecretRef: 'causeway/tenants/budgeted/webhooks', enabledSources: ['alertmanager'], ingestRatePerMinute: 60 } as never);
const budgeted = await drive('budgeted', 15, 6);
const throttle = { budgetPerMinute: 60, sent: budgeted.length, accepted: budgeted.filter((r) => r.status === 202).length, answered429: budgeted.filter((r) => r.status === 429).length };

await stack.stop();

console.log(JSON.stringify({ bench: 'capacity', perStart, perDuplicate, steps, knee: knee ?? { offeredPerSecond: null, why: `kept up to ${STEPS.at(-1)}/s` }, tenantBudget: throttle, started }));
