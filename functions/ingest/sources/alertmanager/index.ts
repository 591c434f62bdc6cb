import type { SourceAdapter } from '../types.js';
import { normalizeAlertmanager } from './normalize.js';
import { verifyAlertmanager } from './verify.js';

/** Prometheus Alertmanager `webhook_configs` receivers. */
export const alertmanagerAdapter: SourceAdapter = {
  source: 'alertmanager',
  door: 'http',
  verify: (request, credentials) => verifyAlertmanager(request, credentials),
  normalize: normalizeAlertmanager,
};
