import type { SourceAdapter } from '../types.js';
import { normalizePagerDuty } from './normalize.js';
import { verifyPagerDuty } from './verify.js';

/** PagerDuty v3 webhook subscriptions. */
export const pagerDutyAdapter: SourceAdapter = {
  source: 'pagerduty',
  door: 'http',
  verify: (request, credentials) => verifyPagerDuty(request, credentials),
  normalize: normalizePagerDuty,
};
