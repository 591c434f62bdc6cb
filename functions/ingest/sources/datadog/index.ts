import type { SourceAdapter } from '../types.js';
import { normalizeDatadog } from './normalize.js';
import { verifyDatadog } from './verify.js';

/** Datadog monitors notifying a Webhooks-integration webhook with Causeway's payload template. */
export const datadogAdapter: SourceAdapter = {
  source: 'datadog',
  door: 'http',
  verify: (request, credentials) => verifyDatadog(request, credentials),
  normalize: normalizeDatadog,
};
