import { type IncidentSignal, InvestigationInput, type InvestigationRecord, type LifecycleEntry, SignalSource, type TenantConfig } from '../contracts/index.js';
import { CausewayError, ConfigurationError, MalformedRequestError, NotFoundError, PayloadTooLargeError, UnauthorizedError } from '../shared/errors.js';
import { createLogger } from '../shared/logger.js';
import type { TenantSecretReader } from '../shared/secrets.js';
import { createRecord, markSignalResolved, type NewRecord, readRecord } from '../shared/records.js';
import { archiveRequest, credentialHeaderNames } from './archive.js';
import { type Claim, claimInvestigation, investigationFor, markResolved, markStarted, redirectClaim } from './dedup.js';
import { lifecycleEntry, lifecycleRole, recordLifecycle } from './lifecycle.js';
import { withStartLock } from './start-lock.js';
import { takeIngestToken } from './throttle.js';
import { adjacentServices, appendRelatedSignalWhenCreated, claimGroup, closeForGrouping, neighbourhoodOpenKeys, relatedInvestigation } from './grouping.js';
import { parseWebhookCredentials } from './sources/credentials.js';
import { getSourceAdapter } from './sources/index.js';
import type { Door, InboundRequest, VerifyDeps } from './sources/types.js';

export const MAX_BODY_BYTES = 256 * 1024;

export interface IngestRequest {
  tenantId: string;
  source: string;
  /** Which door the request came through; a source arriving through any other is refused. */
  door: Door;
  requestId: string;
  headers: Record<string, string>;
  rawBody: string;
  receivedAt: Date;
}

export interface IngestDeps {
  tableName: string;
  loadTenant: (tenantId: string) => Promise<TenantConfig | undefined>;
  /** Reads a secret of the given tenant; refuses (SecretScopeError) a name outside its prefix. */
  readSecret: TenantSecretReader;
  startExecution: (input: InvestigationInput) => Promise<void>;
  /** GETs an SNS SubscribeURL (the adapter has already checked it is an SNS host). */
  confirmSubscription: (url: string) => Promise<void>;
  verify: VerifyDeps;
  /** Tells the tenant's approval channel that an alert resolved while its approval waits (ingest/resolved-while-pending.ts). */
  announceResolvedWhilePending?: (tenant: TenantConfig, record: InvestigationRecord, entry: LifecycleEntry) => Promise<unknown>;
}

export interface SignalOutcome {
  investigationId?: string;
  dedupKey: string;
  /** `updated`: a lifecycle event written to the alert's investigation; `unmatched`: an update or resolve for an alert that has none. */
  status: 'started' | 'duplicate' | 'joined' | 'resolved' | 'updated' | 'unmatched';
}

export interface IngestResponse {
  status: number;
  body: { accepted?: number; signals?: SignalOutcome[]; error?: string; field?: string; subscription?: string };
  /** Why a request was refused, for the operator's log only: a sender never learns it. */
  logReason?: string;
  retryAfterSeconds?: number;
}

const logger = createLogger('ingest');

function errorResponse(error: CausewayError): IngestResponse {
  const field = (error as { field?: string }).field;
  return { status: error.status, body: { error: error.message, ...(field ? { field } : {}) } };
}

/** The record an investigation starts with, before any stage has run. */
function firstRecord(signal: IncidentSignal, investigationId: string): NewRecord {
  const now = new Date().toISOString();
  return { tenantId: signal.tenantId, investigationId, executionName: investigationId, status: 'investigating', createdAt: now, updatedAt: now, signal, relatedSignals: [] };
}

/**
 * Which investigation a signal belongs to: an open one on its service or a neighbour, or its
 * own, claimed on its service (and its record written) before anyone next door can decide.
 * A service with neighbours decides under its start lock while no neighbour holds theirs,
 * reading their locks and open investigations in one batch; alerts arriving together on
 * adjacent services thus start one investigation and the rest find it. A service with none needs no
 * lock: only alerts on that very service could join it, and its group claim, one
 * conditional write, already picks one of them (the others wait for its record).
 */
async function decideInvestigation(deps: IngestDeps, signal: IncidentSignal, topology: Record<string, string[]>, own: NewRecord): Promise<{ target: string; recorded: boolean; released: () => Promise<void> }> {
  const neighbourhood = signal.service ? adjacentServices(signal.service, topology) : [];
  let recorded = false;
  const claimAndRecord = async (target: string) => {
    if (target === own.investigationId) {
      await createRecord(deps.tableName, own);
      recorded = true;
    }
    return target;
  };
  if (neighbourhood.length <= 1) {
    const target = await claimAndRecord(await claimGroup(deps.tableName, signal, own.investigationId));
    return { target, recorded, released: async () => undefined };
  }
  const decided = await withStartLock(deps.tableName, signal.tenantId, signal.service!, neighbourhood, neighbourhoodOpenKeys(signal, topology), async (items) =>
    claimAndRecord(relatedInvestigation(items, signal, topology) ?? (await claimGroup(deps.tableName, signal, own.investigationId))),
  );
  return { target: decided.value, recorded, released: decided.released };
}

/**
 * Starts the investigation for a signal that won its dedup claim, or resumes one whose start
 * was interrupted; or joins it to the open investigation of its service or a neighbour.
 */
async function startIfNeeded(deps: IngestDeps, signal: IncidentSignal, topology: Record<string, string[]>): Promise<SignalOutcome> {
  const claim = await claimInvestigation(deps.tableName, signal, Date.now());
  if (claim.outcome === 'duplicate' && claim.started) {
    return { investigationId: claim.investigationId, dedupKey: signal.dedupKey, status: 'duplicate' };
  }
  const record = firstRecord(claim.input.signal, claim.investigationId);
  const { target, recorded, released } = await decideInvestigation(deps, signal, topology, record);
  // The start locks are let go while the alert goes on: its decision and record are written.
  const [outcome] = await Promise.all([startOrJoin(deps, signal, claim, record, target, recorded), released()]);
  return outcome;
}

/** Joins the investigation decided on, or starts this one (writing its record if the decision did not). */
async function startOrJoin(deps: IngestDeps, signal: IncidentSignal, claim: Claim, record: NewRecord, target: string, recorded: boolean): Promise<SignalOutcome> {
  if (target !== claim.investigationId) {
    if (await appendRelatedSignalWhenCreated(deps.tableName, target, signal)) {
      await redirectClaim(deps.tableName, signal.tenantId, signal.dedupKey, claim.investigationId, target);
      return { investigationId: target, dedupKey: signal.dedupKey, status: 'joined' };
    }
    logger.warn('the open investigation this alert belongs to was never written; starting one of its own', { tenantId: signal.tenantId, service: signal.service, target });
  }
  if (!recorded) await createRecord(deps.tableName, record);
  await deps.startExecution(claim.input);
  await markStarted(deps.tableName, signal.tenantId, signal.dedupKey, claim.investigationId);
  return { investigationId: claim.investigationId, dedupKey: signal.dedupKey, status: claim.outcome === 'new' ? 'started' : 'duplicate' };
}

async function resolve(deps: IngestDeps, signal: IncidentSignal, tenant: TenantConfig): Promise<SignalOutcome> {
  const closed = await markResolved(deps.tableName, signal);
  if (closed) {
    await closeForGrouping(deps.tableName, signal, closed);
    await markSignalResolved(deps.tableName, signal.tenantId, closed);
  }
  const investigationId = closed ?? (await investigationFor(deps.tableName, signal.tenantId, signal.dedupKey));
  if (!investigationId) return { dedupKey: signal.dedupKey, status: 'unmatched' };
  if ((await recordLifecycle(deps.tableName, investigationId, signal)) && deps.announceResolvedWhilePending) {
    const record = await readRecord(deps.tableName, signal.tenantId, investigationId);
    if (record?.approval?.status === 'pending') {
      await deps.announceResolvedWhilePending(tenant, record, lifecycleEntry(signal)).catch((error: Error) =>
        logger.warn('could not tell the approval channel that the alert resolved', { tenantId: signal.tenantId, investigationId, error: error.name }),
      );
    }
  }
  return { investigationId, dedupKey: signal.dedupKey, status: 'resolved' };
}

/** An acknowledgement, escalation, note…: written to the alert's investigation, and never the start of one. */
async function update(deps: IngestDeps, signal: IncidentSignal): Promise<SignalOutcome> {
  const investigationId = await investigationFor(deps.tableName, signal.tenantId, signal.dedupKey);
  if (!investigationId) return { dedupKey: signal.dedupKey, status: 'unmatched' };
  await recordLifecycle(deps.tableName, investigationId, signal);
  return { investigationId, dedupKey: signal.dedupKey, status: 'updated' };
}

/** A firing alert starts or joins an investigation; a sender's own "opened" event is also written to its lifecycle. */
async function open(deps: IngestDeps, signal: IncidentSignal, topology: Record<string, string[]>): Promise<SignalOutcome> {
  const outcome = await startIfNeeded(deps, signal, topology);
  if (signal.lifecycle && outcome.investigationId) await recordLifecycle(deps.tableName, outcome.investigationId, signal);
  return outcome;
}

/** Each signal of a request in turn: opened, updated or closed as its lifecycle says. */
async function handleSignals(deps: IngestDeps, signals: IncidentSignal[], tenant: TenantConfig): Promise<SignalOutcome[]> {
  const outcomes: SignalOutcome[] = [];
  for (const signal of signals) {
    const role = lifecycleRole(signal);
    outcomes.push(role === 'open' ? await open(deps, signal, tenant.topology) : role === 'update' ? await update(deps, signal) : await resolve(deps, signal, tenant));
  }
  return outcomes;
}

/**
 * Why a source is refused at a door it does not use. Said before the tenant is looked up, so
 * it tells a caller nothing about any tenant.
 */
function wrongDoor(source: SignalSource, door: Door): string {
  if (door === 'eventbridge') return `source "${source}" is delivered by EventBridge, not over HTTP; to post CloudWatch alarms, subscribe this route to their SNS topic as cloudwatch-sns`;
  return `source "${source}" is accepted only over HTTP`;
}

/**
 * The ingest pipeline: verify → throttle → parse → normalize → archive → dedup → group → start,
 * or, for an alert's lifecycle events, → the investigation it belongs to (ingest/lifecycle.ts). A source
 * at the wrong door is a 404 before anything else is read (the CloudWatch EventBridge source is
 * never accepted over HTTP: its events carry no credential). A wrong credential, an unknown
 * tenant and a disabled source all get the same 401. Rejections
 * after authentication are archived too, so a sender's bad payload can be inspected.
 */
export async function ingest(request: IngestRequest, deps: IngestDeps): Promise<IngestResponse> {
  const source = SignalSource.safeParse(request.source);
  if (!source.success) return errorResponse(new NotFoundError(`unknown source "${request.source}"; known: ${SignalSource.options.join(', ')}`));
  const size = Buffer.byteLength(request.rawBody, 'utf8');
  if (size > MAX_BODY_BYTES) return errorResponse(new PayloadTooLargeError(MAX_BODY_BYTES, size));

  const adapter = getSourceAdapter(source.data);
  if (adapter.door !== request.door) return errorResponse(new NotFoundError(wrongDoor(source.data, adapter.door)));
  const tenant = await deps.loadTenant(request.tenantId);
  const refuse = (logReason: string): IngestResponse => ({ status: 401, body: { error: 'unauthorized' }, logReason });
  if (!tenant) return refuse('unknown tenant');
  if (!tenant.enabledSources.includes(source.data)) return refuse(`source ${source.data} is not enabled for the tenant`);
  if (!tenant.webhookSecretRef) return refuse('the tenant has no webhook secret');
  let credentialHeaders: string[];
  try {
    const credentials = parseWebhookCredentials((await deps.readSecret(tenant.tenantId, tenant.webhookSecretRef)) ?? {});
    credentialHeaders = credentialHeaderNames(credentials);
    const inbound: InboundRequest = { headers: request.headers, rawBody: request.rawBody, receivedAt: request.receivedAt };
    await adapter.verify(inbound, credentials, deps.verify);
  } catch (error) {
    if (error instanceof UnauthorizedError || error instanceof ConfigurationError) {
      const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
      return refuse(`${error.message}${cause}`);
    }
    throw error;
  }

  const budget = await takeIngestToken(deps.tableName, request.tenantId, tenant.ingestRatePerMinute, request.receivedAt);
  if (!budget.allowed) {
    return { status: 429, body: { error: `over ${tenant.ingestRatePerMinute} requests a minute; retry after ${budget.retryAfterSeconds}s` }, retryAfterSeconds: budget.retryAfterSeconds };
  }

  const archive = (status: number, extra: { error?: string; investigations?: string[] } = {}) =>
    archiveRequest(deps.tableName, {
      tenantId: request.tenantId,
      source: source.data,
      requestId: request.requestId,
      receivedAt: request.receivedAt.toISOString(),
      headers: request.headers,
      credentialHeaders,
      rawBody: request.rawBody,
      outcome: { status, ...extra },
    });

  let signals: IncidentSignal[];
  try {
    let body: unknown;
    try {
      body = JSON.parse(request.rawBody);
    } catch (error) {
      throw new MalformedRequestError(`body is not valid JSON: ${(error as Error).message}`);
    }
    const handshake = adapter.handshake?.(body);
    if (handshake) {
      if (handshake.kind === 'sns-subscription-confirmation') await deps.confirmSubscription(handshake.subscribeUrl);
      await archive(200);
      return { status: 200, body: { subscription: `${handshake.kind === 'sns-subscription-confirmation' ? 'confirmed' : 'unsubscribed'} ${handshake.topicArn}` } };
    }
    signals = adapter.normalize(body, { tenantId: request.tenantId, receivedAt: request.receivedAt, catalog: tenant.catalog });
  } catch (error) {
    if (!(error instanceof CausewayError)) throw error;
    await archive(error.status, { error: error.message });
    return errorResponse(error);
  }
  // Archived alongside the first signal's dedup claim rather than before it: the answer still
  // waits for both, and a failed archive still gets a 503 (the sender's retry is deduplicated).
  const [, outcomes] = await Promise.all([archive(202), handleSignals(deps, signals, tenant)]);
  return { status: 202, body: { accepted: signals.length, signals: outcomes } };
}
