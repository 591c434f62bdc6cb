import type { WebhookCredentials } from '../credentials.js';
import type { InboundRequest } from '../types.js';
import { checkBasic, checkBearer, requireEntry } from '../shared/auth.js';

/**
 * Alertmanager's `webhook_configs.http_config` sends either `authorization` (Bearer credentials)
 * or `basic_auth`; the tenant's secret says which one to expect.
 */
export async function verifyAlertmanager(request: InboundRequest, credentials: WebhookCredentials): Promise<void> {
  const entry = requireEntry(credentials, 'alertmanager');
  if ('bearerToken' in entry) checkBearer(request.headers, entry.bearerToken);
  else checkBasic(request.headers, entry.basic);
}
