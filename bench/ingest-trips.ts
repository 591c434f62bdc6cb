import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ingest, type IngestDeps } from '../functions/ingest/core.js';
import { documentClient } from '../functions/shared/table.js';
import { loadTenantConfig } from '../functions/shared/tenants.js';
import { startLocalStack, type LocalStack } from '../local/stack.js';
import { putTenant } from '../local/tenants.js';
import { meterDynamo } from './dynamo-meter.js';

const TOKEN = 'trips-bench-token-0123456789abcdef';

export interface StartTrips {
  /** Services next to the alerting one in the tenant's call graph, none of them with an open investigation. */
  neighbours: number;
  /** DynamoDB requests the start sent, the tenant's config read included. */
  requests: number;
  /** Of those, the ones the start waited for one after another (requests sent together count once). */
  roundTrips: number;
  /** The requests by operation and item kind (`GetItemCommand OPEN`…). */
  byOperation: Record<string, number>;
}

const fixture = JSON.parse(readFileSync(new URL('../test/fixtures/signals/alertmanager/firing-batch.json', import.meta.url), 'utf8')) as { alerts: { fingerprint: string; labels: Record<string, string> }[] };

/** An Alertmanager webhook carrying one firing alert on `service`. */
function alertOn(service: string, fingerprint: string): string {
  const alert = fixture.alerts[1]!;
  return JSON.stringify({ ...fixture, alerts: [{ ...alert, fingerprint, labels: { ...alert.labels, service } }] });
}

/**
 * The DynamoDB requests one firing alert makes to start an investigation, through the real
 * ingest pipeline (verify, throttle, normalize, archive, dedup, group, record, start) against
 * dynalite, StartExecution stubbed: on a service with no neighbour, and on one with four.
 */
export async function ingestTripsPerStart(stack: LocalStack): Promise<StartTrips[]> {
  const tenantId = 'trips';
  const webhookSecretRef = `causeway/tenants/${tenantId}/webhooks`;
  stack.secrets.put(webhookSecretRef, JSON.stringify({ alertmanager: { bearerToken: TOKEN } }));
  await putTenant(stack, { tenantId, webhookSecretRef, enabledSources: ['alertmanager'], topology: { hub: ['spoke-a', 'spoke-b', 'spoke-c', 'spoke-d'] } } as never);
  const deps: IngestDeps = {
    tableName: stack.tableName,
    loadTenant: (id) => loadTenantConfig(stack.tableName, id),
    readSecret: async (_tenant, ref) => JSON.parse(stack.secrets.get(ref) ?? 'null') as unknown,
    startExecution: async () => undefined,
    confirmSubscription: async () => undefined,
    verify: { fetchCertificate: async () => '', now: () => new Date() },
  };
  const meter = meterDynamo(documentClient);
  const out: StartTrips[] = [];
  for (const [service, neighbours] of [
    ['solo', 0],
    ['hub', 4],
  ] as const) {
    meter.reset();
    const response = await ingest(
      { tenantId, source: 'alertmanager', door: 'http', requestId: `trips-${service}`, headers: { authorization: `Bearer ${TOKEN}` }, rawBody: alertOn(service, `trips${service}`), receivedAt: new Date() },
      deps,
    );
    if (response.body.signals?.[0]?.status !== 'started') throw new Error(`the alert on ${service} did not start an investigation: ${JSON.stringify(response.body)}`);
    const byOperation: Record<string, number> = {};
    for (const r of meter.requests) byOperation[`${r.command} ${r.kind}`] = (byOperation[`${r.command} ${r.kind}`] ?? 0) + 1;
    out.push({ neighbours, requests: meter.count(), roundTrips: meter.roundTrips(), byOperation });
  }
  return out;
}

/** What `npm run bench` calls (bench/measure.ts). */
export const measure = (): Promise<StartTrips[]> => measureIngestTrips();

export async function measureIngestTrips(): Promise<StartTrips[]> {
  const stack = await startLocalStack();
  try {
    return await ingestTripsPerStart(stack);
  } finally {
    await stack.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const trips of await measureIngestTrips()) console.log(JSON.stringify({ bench: 'ingest-trips', ...trips }));
}
