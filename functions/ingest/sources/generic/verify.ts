import type { WebhookCredentials } from '../credentials.js';
import type { InboundRequest, VerifyDeps } from '../types.js';
import { anyHmacMatches, checkFreshTimestamp, deny, requireEntry, versionedSignatures } from '../shared/auth.js';

/**
 * Causeway's generic signature: `x-causeway-timestamp` is unix seconds, `x-causeway-signature`
 * is `v1=<hex HMAC-SHA256 of "${timestamp}.${rawBody}">` (several comma-separated during a
 * rotation). The timestamp must be within the tolerance (default 5 minutes) either way, so a
 * captured request cannot be replayed later.
 */
export async function verifyGeneric(request: InboundRequest, credentials: WebhookCredentials, deps: VerifyDeps): Promise<void> {
  const entry = requireEntry(credentials, 'generic');
  const timestamp = request.headers['x-causeway-timestamp']?.trim();
  checkFreshTimestamp(timestamp, deps.now(), entry.toleranceSeconds);
  const offered = versionedSignatures(request.headers['x-causeway-signature'], 'v1');
  if (offered.length === 0) throw deny('missing x-causeway-signature v1 signature');
  if (!anyHmacMatches([entry.hmacSecret], `${timestamp}.${request.rawBody}`, offered)) throw deny('signature does not match');
}
