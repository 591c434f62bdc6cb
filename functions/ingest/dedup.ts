import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { currentOr, putIf, updateIf } from '../shared/conditional-write.js';
import { pack, unpack } from '../shared/packed.js';
import type { IncidentSignal, InvestigationInput } from '../contracts/index.js';
import { documentClient, isExpired, keys, ttlAfter } from '../shared/table.js';

/** How long an open alert holds its investigation before a new firing counts as a new incident. */
export const DEDUP_TTL_SECONDS = 24 * 3600;

/**
 * How long a claim item is kept once written, whatever its state: as long as Step Functions
 * keeps a closed execution's name (90 days). Its generation counter lives in it; were TTL to
 * delete it after the 24 h window, the alert's next firing would start again at g1, name an
 * execution that already ran, and be dropped as ExecutionAlreadyExists.
 */
export const CLAIM_RETENTION_SECONDS = 90 * 24 * 3600;

interface DedupItem {
  /** `released`: its investigation failed, so the next firing starts a new one. */
  status: 'open' | 'resolved' | 'released';
  generation: number;
  investigationId: string;
  started: boolean;
  /** The execution input, packed (it carries the whole alert); its `investigationId` is the item's, which a redirect moves. */
  input: Uint8Array;
  repeats: number;
  /** Epoch seconds the alert counts as open until; claims written before it existed use `expiresAt`. */
  openUntil?: number;
  expiresAt: number;
}

/** Whether a claim still holds its alert: open, and within its window. */
function holdsAlert(item: DedupItem, nowMs: number): boolean {
  return item.status === 'open' && (item.openUntil ?? item.expiresAt) * 1000 > nowMs;
}

export type Claim = { outcome: 'new'; investigationId: string; input: InvestigationInput } | { outcome: 'duplicate'; investigationId: string; started: boolean; input: InvestigationInput };

/** Execution names are derived from the dedup key, so a retried StartExecution is the same execution. */
export function investigationIdFor(dedupKey: string, generation: number): string {
  return `${dedupKey}-g${generation}`;
}

async function read(tableName: string, tenantId: string, dedupKey: string): Promise<DedupItem | undefined> {
  const out = await documentClient.send(new GetCommand({ TableName: tableName, Key: keys.dedup(tenantId, dedupKey), ConsistentRead: true }));
  return out.Item as DedupItem | undefined;
}

/**
 * Claims the right to start an investigation for a firing signal. One conditional write
 * decides among any number of concurrent repeats: the first wins, the others see it open.
 * The first write assumes a new alert (its most common start), so a new alert's claim is one
 * request; when the alert is known, the failed write hands back its claim (dynalite does not:
 * it is read again) and the claim goes on from there.
 */
export async function claimInvestigation(tableName: string, signal: IncidentSignal, nowMs = Date.now()): Promise<Claim> {
  let current: DedupItem | undefined;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (current && holdsAlert(current, nowMs)) {
      await documentClient.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.dedup(signal.tenantId, signal.dedupKey),
          UpdateExpression: 'ADD repeats :one',
          ExpressionAttributeValues: { ':one': 1 },
        }),
      );
      return { outcome: 'duplicate', investigationId: current.investigationId, started: current.started, input: { ...(unpack(current.input) as InvestigationInput), investigationId: current.investigationId } };
    }
    const generation = (current?.generation ?? 0) + 1;
    const investigationId = investigationIdFor(signal.dedupKey, generation);
    const input: InvestigationInput = { tenantId: signal.tenantId, investigationId, signal, replay: null };
    const outcome = await putIf(
      {
        TableName: tableName,
        Item: {
          ...keys.dedup(signal.tenantId, signal.dedupKey),
          status: 'open',
          generation,
          investigationId,
          started: false,
          input: pack(input),
          repeats: 0,
          openUntil: ttlAfter(DEDUP_TTL_SECONDS, nowMs),
          expiresAt: ttlAfter(CLAIM_RETENTION_SECONDS, nowMs),
        },
        ConditionExpression: current ? 'generation = :previous' : 'attribute_not_exists(pk)',
        ExpressionAttributeValues: current ? { ':previous': current.generation } : undefined,
      },
      { current: true },
    );
    if (outcome.written) return { outcome: 'new', investigationId, input };
    current = await currentOr<DedupItem>(outcome, () => read(tableName, signal.tenantId, signal.dedupKey));
  }
  throw new Error(`dedup claim for ${signal.dedupKey} kept conflicting`);
}

export async function markStarted(tableName: string, tenantId: string, dedupKey: string, investigationId: string): Promise<void> {
  await documentClient.send(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.dedup(tenantId, dedupKey),
      UpdateExpression: 'SET started = :true',
      ConditionExpression: 'investigationId = :id',
      ExpressionAttributeValues: { ':true': true, ':id': investigationId },
    }),
  );
}

/**
 * Points a claimed, not yet started alert at the investigation it joined instead, so its
 * repeats answer with that investigation. A failed condition means a concurrent copy of the
 * same alert already redirected it.
 */
export async function redirectClaim(tableName: string, tenantId: string, dedupKey: string, from: string, to: string): Promise<void> {
  await updateIf({
    TableName: tableName,
    Key: keys.dedup(tenantId, dedupKey),
    UpdateExpression: 'SET investigationId = :to, started = :true',
    ConditionExpression: 'investigationId = :from',
    ExpressionAttributeValues: { ':to': to, ':from': from, ':true': true },
  });
}

/** A resolved notification closes the open alert; returns the investigation it belonged to, if any. */
export async function markResolved(tableName: string, signal: IncidentSignal): Promise<string | undefined> {
  const outcome = await updateIf({
    TableName: tableName,
    Key: keys.dedup(signal.tenantId, signal.dedupKey),
    UpdateExpression: 'SET #status = :resolved',
    ConditionExpression: '#status = :open',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':resolved': 'resolved', ':open': 'open' },
    ReturnValues: 'ALL_NEW',
  });
  return outcome.written ? (outcome.attributes as DedupItem | undefined)?.investigationId : undefined;
}

/**
 * The investigation an alert's dedup key last belonged to, open, resolved or released, while
 * its claim is retained: where an acknowledgement, a note or a late resolve is written.
 * Undefined when the alert never started one (or its claim is gone).
 */
export async function investigationFor(tableName: string, tenantId: string, dedupKey: string, nowMs = Date.now()): Promise<string | undefined> {
  const current = await read(tableName, tenantId, dedupKey);
  return current && !isExpired(current, nowMs) ? current.investigationId : undefined;
}

/**
 * Gives up a failed investigation's claim on its alert, so the alert's next firing starts
 * a new investigation instead of answering "duplicate" for a day. Conditional on the claim
 * still naming this investigation and being open: a newer generation or a resolution is
 * left as it is. Returns whether the claim was released.
 */
export async function releaseClaim(tableName: string, tenantId: string, dedupKey: string, investigationId: string): Promise<boolean> {
  const outcome = await updateIf({
    TableName: tableName,
    Key: keys.dedup(tenantId, dedupKey),
    UpdateExpression: 'SET #status = :released',
    ConditionExpression: 'investigationId = :id AND #status = :open',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':released': 'released', ':open': 'open', ':id': investigationId },
  });
  return outcome.written;
}
