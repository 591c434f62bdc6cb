import type { SourceAdapter } from '../types.js';
import { normalizeOpsgenie } from './normalize.js';
import { verifyOpsgenie } from './verify.js';

/** Opsgenie outgoing Webhook integrations. */
export const opsgenieAdapter: SourceAdapter = {
  source: 'opsgenie',
  door: 'http',
  verify: (request, credentials) => verifyOpsgenie(request, credentials),
  normalize: normalizeOpsgenie,
};
