import type { WebhookCredentials } from '../credentials.js';
import type { InboundRequest } from '../types.js';
import { checkHeaderToken, requireEntry } from '../shared/auth.js';

/**
 * Opsgenie's outgoing Webhook integration signs nothing; its "Custom Headers" carry a shared
 * secret instead (e.g. `X-Causeway-Token`), compared in constant time.
 */
export async function verifyOpsgenie(request: InboundRequest, credentials: WebhookCredentials): Promise<void> {
  checkHeaderToken(request.headers, requireEntry(credentials, 'opsgenie'));
}
