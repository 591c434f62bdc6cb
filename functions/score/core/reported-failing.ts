import type { Signal } from './types.js';

/**
 * Whether a signal is the platform's own report that a managed service is failing (an
 * operational issue with its error rates, felt by the tenant: `platformEventSignals`
 * with the `dependency_failure` reading). The provider saw the service fail where we
 * cannot: requests that fail in its callers are its failures as much as an error series
 * of its own would make them, not a slowdown that could only partly explain them.
 */
export const reportedFailing = (s: Signal) => s.family === 'platform_event' && s.local && s.hint === 'dependency_failure';
