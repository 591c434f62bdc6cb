import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureScenarioTenant, loadScenarioFile } from '../cli/scenario-run.js';
import { ingest, type IngestDeps } from '../functions/ingest/core.js';
import { readRecord } from '../functions/shared/records.js';
import { documentClient } from '../functions/shared/table.js';
import { loadTenantConfig } from '../functions/shared/tenants.js';
import { startLocalOidcIssuer } from '../local/oidc-issuer.js';
import { startLocalStack, type LocalStack } from '../local/stack.js';
import { putTenant } from '../local/tenants.js';
import { decide, linksFor } from '../test/helpers/approvals.js';
import { identityFor } from '../test/helpers/oidc-issuer.js';
import { meterDynamo } from './dynamo-meter.js';

const SCENARIO = fileURLToPath(new URL('../scenarios/shop-storefront-checkout-5xx.json', import.meta.url));
const TOKEN = 'wru-bench-token-0123456789abcdef';

export interface WruRun {
  /** The tenant's call graph when the alert came in: none, or the scenario's (the alerting service has five neighbours). */
  topology: 'none' | 'scenario';
  investigationId: string;
  status: string;
  /** Write capacity units billed from the alert's arrival to the end of Finish: every write of every function, the list index's included. */
  wru: number;
  requests: number;
  wruByKind: Record<string, number>;
  /** Every write that billed, in order: what it addressed, the command, its WRU. */
  writes: string[];
}

/**
 * One approved investigation end to end on the local stack, its DynamoDB writes metered: the
 * alert through ingest (as the webhook route runs it), the real state machine replaying the
 * shop scenario, an approver signing in through the tenant's OIDC provider and approving, the
 * dry-run remediation, the outcome check and Finish's deliveries.
 */
export async function approvedInvestigationWru(stack: LocalStack, issuer: Awaited<ReturnType<typeof startLocalOidcIssuer>>, topology: WruRun['topology']): Promise<WruRun> {
  const scenario = loadScenarioFile(SCENARIO);
  const tenantId = `wru-${topology}`;
  const base = await ensureScenarioTenant(stack, tenantId);
  const webhookSecretRef = `causeway/tenants/${tenantId}/webhooks`;
  stack.secrets.put(webhookSecretRef, JSON.stringify({ alertmanager: { bearerToken: TOKEN } }));
  await putTenant(stack, { ...base, webhookSecretRef, topology: topology === 'scenario' ? (scenario.topology ?? {}) : {}, identity: identityFor(stack, tenantId, issuer) });

  const meter = meterDynamo(documentClient);
  const deps: IngestDeps = {
    tableName: stack.tableName,
    loadTenant: (id) => loadTenantConfig(stack.tableName, id),
    readSecret: async (_tenant, ref) => JSON.parse(stack.secrets.get(ref) ?? 'null') as unknown,
    startExecution: async (input) => void stack.sfn.startExecution(input.investigationId, JSON.stringify({ ...input, replay: { file: SCENARIO, topology: scenario.topology ?? {} } })),
    confirmSubscription: async () => undefined,
    verify: { fetchCertificate: async () => '', now: () => new Date() },
  };
  meter.reset();
  const response = await ingest(
    { tenantId, source: 'alertmanager', door: 'http', requestId: `wru-${topology}`, headers: { authorization: `Bearer ${TOKEN}` }, rawBody: JSON.stringify(scenario.signal.body), receivedAt: new Date(scenario.at) },
    deps,
  );
  const investigationId = response.body.signals?.[0]?.investigationId;
  if (response.status !== 202 || response.body.signals?.[0]?.status !== 'started' || !investigationId) throw new Error(`ingest did not start an investigation: ${JSON.stringify(response.body)}`);
  await stack.sfn.settled(investigationId);
  const waiting = await readRecord(stack.tableName, tenantId, investigationId, stack.db);
  const approvalId = waiting?.approval?.approvalId;
  if (waiting?.status !== 'awaiting_approval' || !approvalId) throw new Error(`the investigation did not ask for approval: ${waiting?.status}`);
  const page = await decide(issuer, linksFor(stack, approvalId).approve);
  if (page.status !== 200) throw new Error(`approval answered ${page.status}`);
  await stack.sfn.listExecutions().find((e) => e.name === investigationId)!.done;
  const final = await readRecord(stack.tableName, tenantId, investigationId, stack.db);
  return { topology, investigationId, status: final?.status ?? 'missing', wru: meter.wru(), requests: meter.count(), wruByKind: meter.wruByKind(), writes: meter.requests.filter((r) => r.wru > 0).map((r) => `${r.sk ?? r.kind} ${r.command.replace('Command', '')} ${r.wru}`) };
}

/** What `npm run bench` calls (bench/measure.ts): the figures, without the list of writes (`npx tsx bench/wru.ts` prints it). */
export const measure = async (): Promise<Omit<WruRun, 'writes'>[]> => (await measureWru()).map(({ writes: _writes, ...figures }) => figures);

/** Both runs on one local stack (a stack is one per process). */
export async function measureWru(): Promise<WruRun[]> {
  const stack = await startLocalStack({ retryIntervalMs: 5, waitTimeMs: 5 });
  const issuer = await startLocalOidcIssuer();
  try {
    return [await approvedInvestigationWru(stack, issuer, 'none'), await approvedInvestigationWru(stack, issuer, 'scenario')];
  } finally {
    await stack.stop();
    await issuer.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const run of await measureWru()) console.log(JSON.stringify({ bench: 'wru', ...run }));
}
