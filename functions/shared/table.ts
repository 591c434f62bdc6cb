import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { traced } from './tracing.js';
import { createdOnFirstUse } from './lazy.js';

/**
 * The single table's key layout. Every key starts with the tenant, so no query for
 * tenant A can address tenant B's items.
 */
export const keys = {
  tenantConfig: (tenantId: string) => ({ pk: `TENANT#${tenantId}`, sk: 'CONFIG' }),
  dedup: (tenantId: string, dedupKey: string) => ({ pk: `TENANT#${tenantId}`, sk: `DEDUP#${dedupKey}` }),
  rate: (tenantId: string, minute: string) => ({ pk: `TENANT#${tenantId}`, sk: `RATE#${minute}` }),
  openByService: (tenantId: string, service: string) => ({ pk: `TENANT#${tenantId}`, sk: `OPEN#${service}` }),
  /** Held on a service and its neighbours while an alert there decides between joining an open investigation and starting its own. */
  startLock: (tenantId: string, service: string) => ({ pk: `TENANT#${tenantId}`, sk: `STARTLOCK#${service}` }),
  archive: (tenantId: string, receivedAt: string, requestId: string) => ({
    pk: `TENANT#${tenantId}#ARCHIVE#${receivedAt.slice(0, 10)}`,
    sk: `${receivedAt}#${requestId}`,
  }),
  /** The investigation record's status item: the small, changing part (functions/shared/records.ts). */
  investigation: (tenantId: string, investigationId: string) => ({ pk: `TENANT#${tenantId}#INV#${investigationId}`, sk: 'RECORD' }),
  /** A part of the record written once beside its status item (`SIGNAL`, `DIAGNOSIS`, `DECISION`, `POLICY`…) or appended to (`QUESTIONS`); every part's key starts with `RECORD`. */
  investigationPart: (tenantId: string, investigationId: string, part: 'SIGNAL' | 'DIAGNOSIS' | 'DECISION' | 'POLICY' | 'REMEDIATION' | 'OUTCOME' | 'QUESTIONS') => ({ pk: `TENANT#${tenantId}#INV#${investigationId}`, sk: `RECORD#${part}` }),
  auditPrefix: (tenantId: string, investigationId: string) => ({ pk: `TENANT#${tenantId}#INV#${investigationId}`, skPrefix: 'AUDIT#' }),
  /** A single-use explorer login code, by the SHA-256 of the code. */
  loginCode: (tenantId: string, codeHash: string) => ({ pk: `TENANT#${tenantId}#LOGIN#${codeHash}`, sk: 'LOGIN' }),
  /** One delivery target of one investigation (`slack-summary`, `pagerduty#PABC123`…): claimed once, so a retried Finish never posts twice. */
  delivery: (tenantId: string, investigationId: string, target: string) => ({ pk: `TENANT#${tenantId}#INV#${investigationId}`, sk: `DELIVERY#${target}` }),
  /**
   * A concluded investigation as remembered for recall, one item per service it concerns,
   * sorted by time: recall reads the few services of a new incident over a bounded window.
   */
  memory: (tenantId: string, service: string, at: string, investigationId: string) => ({ pk: `TENANT#${tenantId}#MEMORY#${service}`, sk: `${at}#${investigationId}` }),
  memoryOf: (tenantId: string, service: string) => ({ pk: `TENANT#${tenantId}#MEMORY#${service}` }),
  approval: (tenantId: string, approvalId: string) => ({ pk: `TENANT#${tenantId}#APPROVAL#${approvalId}`, sk: 'APPROVAL' }),
  /** One browser sign-in in flight on the approval page, keyed by a hash of its `state`; consumed by the callback. */
  signIn: (tenantId: string, stateHash: string) => ({ pk: `TENANT#${tenantId}#SIGNIN#${stateHash}`, sk: 'SIGNIN' }),
  /** A change posted to the change log, partitioned by UTC day so a window reads one partition per day. */
  change: (tenantId: string, at: string, changeId: string) => ({ pk: `TENANT#${tenantId}#CHANGES#${at.slice(0, 10)}`, sk: `${at}#${changeId}` }),
  changeDay: (tenantId: string, day: string) => ({ pk: `TENANT#${tenantId}#CHANGES#${day}` }),
};

/** Epoch seconds for the TTL attribute `expiresAt`; readers treat expired items as absent, since TTL deletion is lazy. */
export function ttlAfter(seconds: number, from = Date.now()): number {
  return Math.floor(from / 1000) + seconds;
}

export function isExpired(item: { expiresAt?: number } | undefined, now = Date.now()): boolean {
  return item?.expiresAt !== undefined && item.expiresAt * 1000 <= now;
}

/**
 * Created on first use and kept for the container's life; the endpoint comes from the
 * standard AWS_ENDPOINT_URL_DYNAMODB when running locally.
 */
export const documentClient: DynamoDBDocumentClient = createdOnFirstUse(() =>
  DynamoDBDocumentClient.from(traced(new DynamoDBClient({})), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  }),
);
