import type { WebhookCredentials } from '../credentials.js';
import type { InboundRequest } from '../types.js';
import { deny, requireEntry } from '../shared/auth.js';

function accountOf(rawBody: string): unknown {
  try {
    return (JSON.parse(rawBody) as { account?: unknown } | null)?.account;
  } catch {
    return undefined;
  }
}

/**
 * EventBridge delivers to the ingest Lambda under IAM, so nothing on the wire needs checking.
 * The tenant must still have opted in, and when it listed its accounts, the event must come
 * from one of them (a shared event bus must not let one tenant's alarms open another's runs).
 */
export async function verifyCloudWatchEvent(request: InboundRequest, credentials: WebhookCredentials): Promise<void> {
  const entry = requireEntry(credentials, 'cloudwatch');
  if (!entry.accountIds) return;
  const account = accountOf(request.rawBody);
  if (typeof account !== 'string' || !entry.accountIds.includes(account)) throw deny('event account is not allowed');
}
