import type { WebhookCredentials } from '../ingest/sources/credentials.js';
import { anyHmacMatches, checkFreshTimestamp, deny, versionedSignatures } from '../ingest/sources/shared/auth.js';
import type { LaunchDarklySettings } from './launchdarkly.js';

export type ChangeLogEntry = NonNullable<WebhookCredentials['changes']>;

/** Which format a request was signed in, once its signature checked out. */
export type Verified =
  | { format: 'causeway'; timestamp: number }
  | { format: 'launchdarkly'; settings: LaunchDarklySettings; maxAgeSeconds: number };

/**
 * Authenticates a change-log request. A request carrying `x-ld-signature` is a LaunchDarkly
 * webhook: the hex HMAC-SHA256 of the raw body under the webhook's secret. Anything else must
 * carry Causeway's generic signature, `x-causeway-signature: v1=<hex HMAC-SHA256 of
 * "${x-causeway-timestamp}.${rawBody}">`, with the timestamp within the tolerance either way.
 * Every failure is the same `unauthorized`; the reason stays in `cause` for the log.
 */
export function verifyChangeRequest(headers: Record<string, string>, rawBody: string, entry: ChangeLogEntry | undefined, now: Date): Verified {
  if (!entry) throw deny('no changes credentials configured');
  const ldSignature = headers['x-ld-signature']?.trim();
  if (ldSignature !== undefined) {
    const ld = entry.launchDarkly;
    if (!ld) throw deny('a LaunchDarkly signature, but no launchDarkly secret is configured');
    if (!/^[0-9a-fA-F]{64}$/.test(ldSignature)) throw deny('malformed x-ld-signature');
    if (!anyHmacMatches([ld.secret], rawBody, [ldSignature])) throw deny('x-ld-signature does not match');
    return { format: 'launchdarkly', settings: { flagServices: ld.flagServices, environments: ld.environments, appUrl: ld.appUrl }, maxAgeSeconds: ld.maxAgeSeconds };
  }
  if (!entry.hmacSecret) throw deny('no hmacSecret configured for the Causeway change format');
  const timestamp = headers['x-causeway-timestamp']?.trim();
  checkFreshTimestamp(timestamp, now, entry.toleranceSeconds);
  const offered = versionedSignatures(headers['x-causeway-signature'], 'v1');
  if (offered.length === 0) throw deny('missing x-causeway-signature v1 signature');
  if (!anyHmacMatches([entry.hmacSecret], `${timestamp}.${rawBody}`, offered)) throw deny('signature does not match');
  return { format: 'causeway', timestamp: Number(timestamp) };
}
