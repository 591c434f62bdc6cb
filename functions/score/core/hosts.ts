import type { MetricSeries } from '../../contracts/index.js';
import { graphServices } from './platform.js';
import { CLEAR_STRENGTH, type Evidence, type Signal } from './types.js';

/** Labels by which a service's own series name the host or node it ran on (Prometheus, Kubernetes and agent conventions). */
const HOST_LABEL = /^(?:node|node_?name|host|host_?name|kubernetes_node|k8s[._]node[._]name)$/i;

/**
 * Failures confined to one host: a service's failure series labelled by the host it ran
 * on (`node="ip-10-3-8-21…"`), where that host is a piece we have telemetry of its own
 * (its node exporter's series) outside the call graph, while the same series on another
 * of the service's hosts did not fail. Requests that fail on one node
 * and not on the others (signatures rejected for a clock that drifted, a disk, a network
 * card) failed because of that node, not the code every node runs: each such failure
 * becomes the host's own evidence, pointing at the platform, and the service gets an edge
 * to the host, so propagation can read the service as its victim. A failure seen on more
 * than one host, or on the only host we have the series of, is the service's own, wherever
 * it ran. Linear in series and signals.
 */
export function hostLinks(evidence: readonly Evidence[], signals: readonly Signal[], graph: Map<string, Set<string>>, observed: ReadonlySet<string>): { edges: Record<string, string[]>; signals: Signal[] } {
  const inGraph = graphServices(graph);
  const hostOf = new Map<string, { series: string; host: string }>();
  for (const e of evidence) {
    if (e.class !== 'metrics') continue;
    const m = e as MetricSeries & { id: string };
    const host = Object.entries(m.labels).find(([key]) => HOST_LABEL.test(key))?.[1];
    if (host && host !== m.service) hostOf.set(m.id, { series: `${m.service}\u0000${m.name}`, host });
  }
  const failing = signals.filter((s) => s.family === 'errors' && s.strength >= CLEAR_STRENGTH && hostOf.has(s.evidenceId));
  const failedHosts = new Map<string, Set<string>>();
  for (const s of failing) {
    const { series, host } = hostOf.get(s.evidenceId)!;
    failedHosts.set(series, (failedHosts.get(series) ?? new Set()).add(host));
  }
  const hostsOf = new Map<string, Set<string>>();
  for (const { series, host } of hostOf.values()) hostsOf.set(series, (hostsOf.get(series) ?? new Set()).add(host));
  const edges: Record<string, string[]> = {};
  const out: Signal[] = [];
  for (const s of failing) {
    const { series, host } = hostOf.get(s.evidenceId)!;
    if (!observed.has(host) || inGraph.has(host)) continue;
    const confined = failedHosts.get(series)!.size === 1 && hostsOf.get(series)!.size > 1;
    if (!confined) continue;
    if (!edges[s.service]?.includes(host)) (edges[s.service] ??= []).push(host);
    out.push({ service: host, family: 'dependency_mention', strength: s.strength, onsetMs: s.onsetMs, evidenceId: s.evidenceId, local: true, hint: 'infrastructure', text: `${s.service} failed on ${host} alone of its hosts: ${s.text}`.slice(0, 300), ...(s.stepMs !== undefined ? { stepMs: s.stepMs } : {}) });
  }
  return { edges, signals: out };
}
