import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, keys, ttlAfter } from '../shared/table.js';

export const ARCHIVE_TTL_SECONDS = 30 * 24 * 3600;

/** Headers that carry credentials are never stored. */
const SECRET_HEADERS = /^(authorization|cookie|x-api-key|x-pagerduty-signature|x-grafana-alerting-signature|x-causeway-signature|x-hub-signature.*|dd-api-key|x-.*-token|x-.*-secret)$/i;

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, SECRET_HEADERS.test(k) ? '[redacted]' : v]));
}

export interface ArchiveEntry {
  tenantId: string;
  source: string;
  requestId: string;
  receivedAt: string;
  headers: Record<string, string>;
  rawBody: string;
  outcome: { status: number; error?: string; investigations?: string[] };
}

/** Keeps the request as received, before it is acknowledged, so nothing a sender sent is lost. */
export async function archiveRequest(tableName: string, entry: ArchiveEntry): Promise<void> {
  await documentClient.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        ...keys.archive(entry.tenantId, entry.receivedAt, entry.requestId),
        ...entry,
        headers: redactHeaders(entry.headers),
        expiresAt: ttlAfter(ARCHIVE_TTL_SECONDS),
      },
    }),
  );
}
