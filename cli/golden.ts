import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { type InvestigationRecord, SignalSource, TenantConfig } from '../functions/contracts/index.js';
import { getSourceAdapter } from '../functions/ingest/sources/index.js';
import { createRecord, readRecord } from '../functions/shared/records.js';
import { fetchTransport, recordingTransport, replayTransport, setTransport, type RecordedExchange } from '../functions/shared/http-client.js';
import type { LocalStack } from '../local/stack.js';
import { FileError } from './file-error.js';
import { putTenant } from '../local/tenants.js';

/**
 * A golden run: one investigation against live backends with every backend HTTP exchange
 * recorded, so the same investigation replays offline, byte for byte, through the real
 * translators and normalizers. Secret values are never written, only their shape.
 */
export const GoldenRun = z.object({
  format: z.literal('causeway.golden/v1'),
  capturedAt: z.iso.datetime({ offset: true }),
  tenant: TenantConfig,
  secretShapes: z.record(z.string(), z.unknown()).default({}),
  signal: z.object({ source: SignalSource, body: z.unknown(), receivedAt: z.iso.datetime({ offset: true }) }),
  exchanges: z.array(z.object({ request: z.object({ method: z.enum(['GET', 'POST', 'PATCH', 'PUT']), url: z.string(), headers: z.record(z.string(), z.string()).optional(), body: z.string().optional() }), response: z.object({ status: z.number(), headers: z.record(z.string(), z.string()), body: z.string() }) })),
  result: z.object({
    rootCause: z.object({ service: z.string(), kind: z.string() }).optional(),
    suspects: z.array(z.object({ service: z.string(), kind: z.string(), score: z.number() })),
    providers: z.array(z.object({ planId: z.string(), status: z.string(), itemCount: z.number() })),
  }),
});
export type GoldenRun = z.infer<typeof GoldenRun>;

/** Keeps a secret's keys and replaces every value, so a replay's providers parse the same shape. */
export function secretShape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(secretShape);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, secretShape(v)]));
  return typeof value === 'number' ? 0 : '[redacted]';
}

/** Runs one live signal through ingest's normalizer and the state machine (authentication is the sender's, skipped here as in replays). */
async function investigateSignal(stack: LocalStack, tenant: TenantConfig, signal: GoldenRun['signal'], name: string): Promise<InvestigationRecord> {
  const normalized = getSourceAdapter(signal.source).normalize(signal.body, { tenantId: tenant.tenantId, receivedAt: new Date(signal.receivedAt), catalog: tenant.catalog });
  const first = normalized.find((s) => s.status === 'firing') ?? normalized[0];
  if (!first) throw new Error('the signal holds no alert');
  const investigationId = `${name}-${Date.now().toString(36)}`;
  const now = new Date().toISOString();
  await createRecord(stack.tableName, { tenantId: tenant.tenantId, investigationId, executionName: investigationId, status: 'investigating', createdAt: now, updatedAt: now, signal: first, relatedSignals: [] });
  stack.sfn.startExecution(investigationId, JSON.stringify({ tenantId: tenant.tenantId, investigationId, signal: first, replay: null }));
  await stack.sfn.settled(investigationId);
  await stack.sfn.stopExecution(investigationId);
  const record = await readRecord(stack.tableName, tenant.tenantId, investigationId, stack.db);
  if (!record) throw new Error(`no record was written for ${investigationId}`);
  return record;
}

function resultOf(record: InvestigationRecord): GoldenRun['result'] {
  return {
    rootCause: record.rca ? { service: record.rca.rootCause.service, kind: record.rca.rootCause.kind } : undefined,
    suspects: (record.scored?.suspects ?? []).map((s) => ({ service: s.service, kind: s.kind, score: s.score })),
    providers: (record.scored?.providers ?? []).map((p) => ({ planId: p.planId, status: p.status, itemCount: p.itemCount })),
  };
}

/** `causeway capture`: the tenant (already holding its real secrets) against its live backends, recorded. */
export async function capture(stack: LocalStack, tenant: TenantConfig, signal: GoldenRun['signal'], out: string): Promise<GoldenRun> {
  await putTenant(stack, tenant);
  const exchanges: RecordedExchange[] = [];
  const previous = setTransport(recordingTransport(fetchTransport, exchanges));
  try {
    const record = await investigateSignal(stack, tenant, signal, 'capture');
    const refs = [...new Set(tenant.backends.map((b) => b.secretRef).filter((r): r is string => r !== undefined))];
    const secretShapes = Object.fromEntries(refs.map((ref) => [ref, secretShape(JSON.parse(stack.secrets.get(ref) ?? 'null'))]));
    const golden: GoldenRun = { format: 'causeway.golden/v1', capturedAt: new Date().toISOString(), tenant, secretShapes, signal, exchanges, result: resultOf(record) };
    writeFileSync(out, `${JSON.stringify(golden, null, 1)}\n`);
    return golden;
  } finally {
    setTransport(previous);
  }
}

/** Reads and checks a golden run; a {@link FileError} naming the file when it cannot be used. */
export function readGoldenRun(path: string): GoldenRun {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new FileError(path, `not a readable JSON file (${(error as Error).message})`);
  }
  const parsed = GoldenRun.safeParse(raw);
  if (!parsed.success) throw new FileError(path, `not a causeway.golden/v1 file: ${parsed.error.issues[0]?.path.join('.') || '(root)'}: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** `causeway replay`: the same investigation offline; any request the capture did not make fails loudly. */
export async function replay(stack: LocalStack, golden: GoldenRun): Promise<{ record: InvestigationRecord; matches: boolean }> {
  await putTenant(stack, golden.tenant);
  for (const [ref, shape] of Object.entries(golden.secretShapes)) stack.secrets.put(ref, JSON.stringify(shape));
  const previous = setTransport(replayTransport(golden.exchanges));
  try {
    const record = await investigateSignal(stack, golden.tenant, golden.signal, 'replay');
    return { record, matches: JSON.stringify(resultOf(record)) === JSON.stringify(golden.result) };
  } finally {
    setTransport(previous);
  }
}
