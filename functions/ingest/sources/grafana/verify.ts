import type { WebhookCredentials } from '../credentials.js';
import type { InboundRequest, VerifyDeps } from '../types.js';
import { anyHmacMatches, checkBasic, checkBearer, checkFreshTimestamp, deny, requireEntry } from '../shared/auth.js';

/**
 * Grafana webhook contact point (Grafana docs "Configure webhook notifications", HMAC signature;
 * grafana/alerting `HMACRoundTripper`): the signature header (default
 * `X-Grafana-Alerting-Signature`) is the bare lowercase hex HMAC-SHA256 of the body, or of
 * `<unix seconds>:<body>` when a timestamp header is configured (it has no default name).
 * Authorization/basic auth are checked too when configured: every configured check must pass.
 */
export async function verifyGrafana(request: InboundRequest, credentials: WebhookCredentials, deps: VerifyDeps): Promise<void> {
  const entry = requireEntry(credentials, 'grafana');
  if (entry.bearerToken) checkBearer(request.headers, entry.bearerToken);
  if (entry.basic) checkBasic(request.headers, entry.basic);
  if (!entry.hmacSecret) return;

  const signature = request.headers[entry.hmacHeader]?.trim();
  if (!signature || !/^[0-9a-fA-F]{64}$/.test(signature)) throw deny(`missing ${entry.hmacHeader} signature`);
  let signed = request.rawBody;
  if (entry.hmacTimestampHeader) {
    const timestamp = request.headers[entry.hmacTimestampHeader]?.trim();
    checkFreshTimestamp(timestamp, deps.now(), entry.toleranceSeconds);
    signed = `${timestamp}:${request.rawBody}`;
  }
  if (!anyHmacMatches([entry.hmacSecret], signed, [signature])) throw deny('Grafana signature does not match');
}
