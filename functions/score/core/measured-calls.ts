import { metricFamily } from './metrics.js';
import { peerOfSeries } from './peers.js';
import type { Evidence } from './types.js';

/**
 * The calls callers counted the failures of themselves, as caller → callees: a caller's
 * client error series labelled by the peer it called (`http_client_error_ratio` with
 * `peer_service="statements-s3"`) is proof that it called that peer and would have seen
 * it fail, as a traced call is. A caller whose own such series stayed flat while another
 * caller failed on the same peer called it without failing (`clearedByHealthyCallers`):
 * the storage that served one caller fine all along did not fail the other, whose own
 * way of calling it broke (a skewed clock, a bad credential).
 */
export function measuredCalls(evidence: readonly Evidence[], graph: Map<string, Set<string>>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of evidence) {
    if (e.class !== 'metrics' || metricFamily(e.name, e.unit, e.labels) !== 'errors') continue;
    const peer = peerOfSeries(e, graph);
    if (peer && !(out[e.service] ??= []).includes(peer)) out[e.service]!.push(peer);
  }
  return out;
}

/** Calls from several sources merged, caller → callees, each callee once. */
export function mergeCalls(...sources: Record<string, string[]>[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const source of sources) for (const [caller, callees] of Object.entries(source)) out[caller] = [...new Set([...(out[caller] ?? []), ...callees])];
  return out;
}
