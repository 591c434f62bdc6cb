import type { SourceAdapter } from '../types.js';
import { normalizeGrafana } from './normalize.js';
import { verifyGrafana } from './verify.js';

/** Grafana unified alerting webhook contact points. */
export const grafanaAdapter: SourceAdapter = {
  source: 'grafana',
  door: 'http',
  verify: verifyGrafana,
  normalize: normalizeGrafana,
};
