import { createHash, randomBytes } from 'node:crypto';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { SessionIdentity } from '../shared/explorer-session.js';
import { documentClient, isExpired, keys, ttlAfter } from '../shared/table.js';
import { deleteIf } from '../shared/conditional-write.js';

/** Long enough to click a link printed in a terminal, short enough that a copy in scrollback is useless. */
export const LOGIN_CODE_SECONDS = 300;

const StoredLoginCode = z.object({ tenantId: z.string(), next: z.string(), by: SessionIdentity, expiresAt: z.number().int() });

function codeHash(code: string): string {
  return createHash('sha256').update(code, 'utf8').digest('base64url');
}

/**
 * Mints a single-use, short-lived login code for a tenant's explorer, bound to the page it
 * opens. Only its SHA-256 is stored, so the table never holds a usable code.
 */
export async function mintLoginCode(
  tableName: string,
  request: { tenantId: string; next: string; by: SessionIdentity; seconds?: number },
  client: DynamoDBDocumentClient = documentClient,
): Promise<string> {
  const code = randomBytes(32).toString('base64url');
  await client.send(
    new PutCommand({
      TableName: tableName,
      Item: { ...keys.loginCode(request.tenantId, codeHash(code)), tenantId: request.tenantId, next: request.next, by: request.by, expiresAt: ttlAfter(request.seconds ?? LOGIN_CODE_SECONDS) },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
  return code;
}

/**
 * Redeems a code once: one conditional delete both reads and consumes it, so two
 * concurrent clicks cannot both sign in. Undefined when unknown, used or expired.
 */
export async function redeemLoginCode(tableName: string, tenantId: string, code: string, client: DynamoDBDocumentClient = documentClient): Promise<{ next: string; by: SessionIdentity } | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(code)) return undefined;
  const outcome = await deleteIf({ TableName: tableName, Key: keys.loginCode(tenantId, codeHash(code)), ConditionExpression: 'attribute_exists(pk)', ReturnValues: 'ALL_OLD' }, { client });
  if (!outcome.written) return undefined;
  const stored = StoredLoginCode.safeParse(outcome.attributes);
  if (!stored.success || isExpired(stored.data) || stored.data.tenantId !== tenantId) return undefined;
  return { next: stored.data.next, by: stored.data.by };
}
