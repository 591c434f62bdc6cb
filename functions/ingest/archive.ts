import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, keys, ttlAfter } from '../shared/table.js';
import type { WebhookCredentials } from './sources/credentials.js';

export const ARCHIVE_TTL_SECONDS = 30 * 24 * 3600;

/** What an archived header's value is replaced with: the name stays, so an operator sees what was sent. */
export const REDACTED = '[redacted]';

/**
 * Headers whose values are kept in the archive: transport metadata and the senders' own
 * delivery ids, none of which authorizes anything. Every other header keeps its name and
 * loses its value, so a credential in a header nobody foresaw (a tenant's custom token
 * header, a cookie, a signature that would let a reader replay the body) is never stored.
 */
const KEPT_HEADERS = new Set([
  'content-type',
  'content-length',
  'content-encoding',
  'user-agent',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-amzn-trace-id',
  'x-request-id',
  // PagerDuty v3: the webhook and subscription ids.
  'x-webhook-id',
  'x-webhook-subscription',
  // SNS HTTP(S) deliveries: the message type and ids; the signature is in the body and is public-key.
  'x-amz-sns-message-type',
  'x-amz-sns-message-id',
  'x-amz-sns-topic-arn',
  'x-amz-sns-subscription-arn',
  'x-amz-sns-rawdelivery',
  // Causeway's generic signature timestamp (the signature itself is redacted).
  'x-causeway-timestamp',
]);

/** The header names a tenant's webhook credentials tell senders to put a secret or signature in. */
export function credentialHeaderNames(credentials: WebhookCredentials): string[] {
  const names = [credentials.datadog?.headerName, credentials.opsgenie?.headerName, credentials.grafana?.hmacHeader];
  return names.filter((name): name is string => name !== undefined).map((name) => name.toLowerCase());
}

/**
 * The headers as archived: allowlisted values kept, everything else `[redacted]`, and any
 * header the tenant configured as a credential redacted even when its name is allowlisted.
 */
export function archivedHeaders(headers: Record<string, string>, credentialHeaders: readonly string[] = []): Record<string, string> {
  const secret = new Set(credentialHeaders.map((name) => name.toLowerCase()));
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, KEPT_HEADERS.has(name.toLowerCase()) && !secret.has(name.toLowerCase()) ? value : REDACTED]));
}

export interface ArchiveEntry {
  tenantId: string;
  source: string;
  requestId: string;
  receivedAt: string;
  headers: Record<string, string>;
  /** Header names the tenant's credentials use: redacted whatever they are called. */
  credentialHeaders: readonly string[];
  rawBody: string;
  outcome: { status: number; error?: string; investigations?: string[] };
}

/** Keeps the request as received, before it is acknowledged, so nothing a sender sent is lost; no credential is kept. */
export async function archiveRequest(tableName: string, entry: ArchiveEntry): Promise<void> {
  const { credentialHeaders, headers, ...kept } = entry;
  await documentClient.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        ...keys.archive(entry.tenantId, entry.receivedAt, entry.requestId),
        ...kept,
        headers: archivedHeaders(headers, credentialHeaders),
        expiresAt: ttlAfter(ARCHIVE_TTL_SECONDS),
      },
    }),
  );
}
