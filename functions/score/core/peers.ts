import { distinctPart } from './callee-names.js';
import { namesService } from './logs.js';
import type { Evidence, Signal } from './types.js';

/** Labels by which a caller's client metrics name the peer they measured (OpenTelemetry, mesh and Envoy conventions). */
const PEER_LABEL = /^(server[._]address|peer[._]service|net[._]peer[._]name|destination_(service|service_name|workload|app))$/i;

/** Failure and latency families: what a caller's client series can say about the peer it called. */
const SAID_OF_PEER: readonly Signal['family'][] = ['errors', 'latency'];

/**
 * A caller's client series labelled by the peer it called (`http.client.request.error_ratio`
 * with `server.address="api.stripe.com"`, a sidecar's counts for
 * `destination_service="inventory.shop.svc.cluster.local"`) measures that peer as the
 * caller saw it: its rise is positive evidence against the peer, as an error line naming
 * it is. Each such signal is repeated on the callee the label names (a callee of the
 * series' service whose name is a whole part of the address), as the caller reporting
 * failures calling it. Linear in series times callees.
 */
export function peerSeriesSignals(evidence: readonly Evidence[], signals: readonly Signal[], graph: Map<string, Set<string>>, observed?: ReadonlySet<string>): Signal[] {
  const peerOf = new Map<string, string>();
  for (const e of evidence) {
    const callee = peerOfSeries(e, graph, observed);
    if (callee) peerOf.set(e.id, callee);
  }
  const out: Signal[] = [];
  for (const s of signals) {
    const peer = peerOf.get(s.evidenceId);
    if (!peer || !SAID_OF_PEER.includes(s.family) || s.service === peer) continue;
    out.push({ service: peer, family: 'dependency_mention', strength: 0.7 * s.strength, onsetMs: s.onsetMs, evidenceId: s.evidenceId, local: true, text: `${s.service} measured its calls into ${peer}: ${s.text}`.slice(0, 300), ...(s.stepMs !== undefined ? { stepMs: s.stepMs } : {}) });
  }
  return out;
}

/**
 * The callee a caller's client series is labelled with, if it is one of the series'
 * service's callees: named in a peer label (`PEER_LABEL`), or, for a callee we have no
 * telemetry of (not in `observed`: a third party, a cloud's API), the whole value of any
 * other label being its name or the part of it that tells it from the caller's other
 * callees (`aws_service="sts"` on a caller of `aws-sts`, `carrier="freightline"` beside
 * `carrier="northbay"` on a caller of `freightline-rates` and `northbay-rates`): a series
 * split by which dependency it measured. Without `observed`, only peer labels count.
 */
export function peerOfSeries(e: Evidence, graph: Map<string, Set<string>>, observed?: ReadonlySet<string>): string | undefined {
  if (e.class !== 'metrics') return undefined;
  const callees = [...(graph.get(e.service) ?? [])];
  let peer: string | undefined;
  for (const [key, value] of Object.entries(e.labels)) {
    if (PEER_LABEL.test(key)) peer = callees.find((c) => namesService(value, c)) ?? peer;
    else if (observed) peer ??= callees.find((c) => !observed.has(c) && labelledAs(value, c, e.service, callees));
  }
  return peer;
}

/** Whether a label's whole value is a callee's name, or the part of it that tells it from the caller's other callees (`distinctPart`). */
const labelledAs = (value: string, callee: string, caller: string, callees: readonly string[]) => {
  const v = value.trim().toLowerCase();
  return v === callee.toLowerCase() || v === distinctPart(callee, caller, callees);
};
