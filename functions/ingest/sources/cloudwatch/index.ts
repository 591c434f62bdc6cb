import type { SourceAdapter } from '../types.js';
import { normalizeCloudWatchEvent } from './normalize.js';
import { verifyCloudWatchEvent } from './verify.js';

/** CloudWatch alarm state changes delivered by an EventBridge rule straight to the ingest Lambda. */
export const cloudWatchAdapter: SourceAdapter = {
  source: 'cloudwatch',
  door: 'eventbridge',
  verify: (request, credentials) => verifyCloudWatchEvent(request, credentials),
  normalize: (body, ctx) => normalizeCloudWatchEvent(body, ctx),
};
