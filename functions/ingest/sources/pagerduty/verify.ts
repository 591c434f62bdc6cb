import type { WebhookCredentials } from '../credentials.js';
import type { InboundRequest } from '../types.js';
import { anyHmacMatches, deny, requireEntry, versionedSignatures } from '../shared/auth.js';

/**
 * PagerDuty "Verifying Signatures" (developer docs, webhooks/04-Signatures): `X-PagerDuty-Signature`
 * holds comma-separated `v1=<hex HMAC-SHA256 of the raw body>`, one per active secret during a
 * rotation; the delivery is authentic if any one matches any secret we hold.
 */
export async function verifyPagerDuty(request: InboundRequest, credentials: WebhookCredentials): Promise<void> {
  const entry = requireEntry(credentials, 'pagerduty');
  const offered = versionedSignatures(request.headers['x-pagerduty-signature'], 'v1');
  if (offered.length === 0) throw deny('missing X-PagerDuty-Signature v1 signature');
  if (!anyHmacMatches(entry.signingSecrets, request.rawBody, offered)) throw deny('no PagerDuty signature matched');
}
