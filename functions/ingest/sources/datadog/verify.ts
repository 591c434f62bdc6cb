import type { WebhookCredentials } from '../credentials.js';
import type { InboundRequest } from '../types.js';
import { checkHeaderToken, requireEntry } from '../shared/auth.js';

/**
 * Datadog webhooks carry no signature; the webhook's Custom Headers (JSON) carry a shared
 * secret instead, e.g. `{"X-Causeway-Token": "<token>"}`, compared in constant time.
 */
export async function verifyDatadog(request: InboundRequest, credentials: WebhookCredentials): Promise<void> {
  checkHeaderToken(request.headers, requireEntry(credentials, 'datadog'));
}
