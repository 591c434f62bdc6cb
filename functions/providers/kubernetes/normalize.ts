import type { ChangeEvent, EvidencePlan, RuntimeEvent } from '../../contracts/index.js';
import { clip, inWindow, type RuntimeObservation } from '../../shared/point-events.js';
import type { Container, Deployment, KubeEvent, Pod, ReplicaSet } from './model.js';
import type { Target } from './translate.js';

/*
 * Kubernetes objects → change and runtime evidence: ReplicaSet revisions as rollouts,
 * container statuses and events as restarts, OOM kills, crash loops, probe failures,
 * evictions and node pressure.
 */

const SOURCE = 'kubernetes';
const REVISION = 'deployment.kubernetes.io/revision';
const ms = (iso: string | null | undefined) => (iso ? Date.parse(iso) : Number.NaN);

/** The tag of an image reference (`registry:5000/shop/orders:2.4.1` → `2.4.1`), its digest, or `latest`. */
export function imageTag(image: string): string {
  const at = image.indexOf('@');
  if (at >= 0) return image.slice(at + 1, at + 20);
  const last = image.slice(image.lastIndexOf('/') + 1);
  const colon = last.lastIndexOf(':');
  return colon >= 0 ? last.slice(colon + 1) : 'latest';
}

/** One version string for a pod template: the tag of its only container, else `name=tag` per container. */
export function templateVersion(containers: readonly Container[]): string | undefined {
  const tagged = containers.filter((c) => c.image);
  if (tagged.length === 0) return undefined;
  if (tagged.length === 1) return imageTag(tagged[0]!.image!).slice(0, 200);
  return tagged.map((c) => `${c.name}=${imageTag(c.image!)}`).join(', ').slice(0, 200);
}

/** The ReplicaSets a Deployment owns, oldest revision first. */
export function ownedRevisions(deployment: Deployment, replicaSets: readonly ReplicaSet[]): { rs: ReplicaSet; revision: number }[] {
  const uid = deployment.metadata?.uid;
  const name = deployment.metadata?.name;
  return replicaSets
    .filter((rs) => (rs.metadata?.ownerReferences ?? []).some((o) => o.kind === 'Deployment' && (uid ? o.uid === uid : o.name === name)))
    .map((rs) => ({ rs, revision: Number(rs.metadata?.annotations?.[REVISION] ?? Number.NaN) }))
    .filter((r) => Number.isFinite(r.revision))
    .sort((a, b) => a.revision - b.revision);
}

function rolloutState(deployment: Deployment): string {
  const s = deployment.status ?? {};
  const stalled = (s.conditions ?? []).find((c) => c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded');
  const ready = `${s.readyReplicas ?? 0}/${deployment.spec?.replicas ?? s.replicas ?? 0} ready, ${s.updatedReplicas ?? 0} updated`;
  return stalled ? `rollout stalled (${clip(stalled.message ?? 'progress deadline exceeded', 200)}); ${ready}` : ready;
}

/** A rollout per ReplicaSet created in the window, with the image tag it brought and the one it replaced. */
export function rolloutChanges(plan: EvidencePlan, t: Target, deployment: Deployment, replicaSets: readonly ReplicaSet[], link?: string): ChangeEvent[] {
  const revisions = ownedRevisions(deployment, replicaSets);
  const newest = revisions.at(-1)?.revision;
  const out: ChangeEvent[] = [];
  revisions.forEach(({ rs, revision }, i) => {
    const at = ms(rs.metadata?.creationTimestamp);
    if (!Number.isFinite(at) || !inWindow(plan, at)) return;
    const containers = rs.spec?.template?.spec?.containers ?? [];
    const version = templateVersion(containers);
    const previous = revisions[i - 1];
    const previousVersion = previous ? templateVersion(previous.rs.spec?.template?.spec?.containers ?? []) : undefined;
    const cause = rs.metadata?.annotations?.['kubernetes.io/change-cause'];
    const images = containers.map((c) => c.image).filter(Boolean).join(', ');
    const parts = [
      `Deployment ${t.namespace}/${t.deployment} rolled out revision ${revision}: ReplicaSet ${rs.metadata?.name ?? '?'} with ${images || 'no image'}`,
      previous ? `was ${previousVersion ?? '?'} (revision ${previous.revision})` : 'first revision',
      ...(cause ? [`change-cause: ${cause}`] : []),
      ...(revision === newest ? [rolloutState(deployment)] : [`superseded by revision ${newest}`]),
    ];
    out.push({
      class: 'changes',
      at: new Date(at).toISOString(),
      service: t.service,
      kind: 'deployment',
      summary: clip(parts.join('; '), 1000),
      ...(version ? { version } : {}),
      ...(previousVersion ? { previousVersion } : {}),
      source: SOURCE,
      ...(link ? { link } : {}),
    });
  });
  return out;
}

/** Container statuses: CrashLoopBackOff, a last termination by OOMKilled, other restarts; evicted pods. */
export function podObservations(plan: EvidencePlan, t: Target, pods: readonly Pod[], link?: string): RuntimeObservation[] {
  const out: RuntimeObservation[] = [];
  const from = Date.parse(plan.window.from);
  const to = Date.parse(plan.window.to);
  for (const pod of pods) {
    const subject = pod.metadata?.name ?? '?';
    const base = { service: t.service, subject, source: SOURCE, ...(link ? { link } : {}) };
    if (pod.status?.reason === 'Evicted') {
      const at = Math.max(...(pod.status.conditions ?? []).map((c) => ms(c.lastTransitionTime)).filter(Number.isFinite), ms(pod.status.startTime));
      if (at >= from && at <= to) out.push({ ...base, at, kind: 'evicted', count: 1, message: clip(`pod evicted: ${pod.status.message ?? 'no message'}`, 300) });
    }
    for (const cs of pod.status?.containerStatuses ?? []) {
      const last = cs.lastState?.terminated;
      const lastAt = ms(last?.finishedAt);
      const recent = Number.isFinite(lastAt) && lastAt >= from && lastAt <= to;
      const exit = last ? `last exit code ${last.exitCode ?? '?'} (${last.reason ?? 'no reason'})` : 'no previous termination recorded';
      const restarts = cs.restartCount ?? 0;
      if (cs.state?.waiting?.reason === 'CrashLoopBackOff' && (recent || !last)) {
        out.push({ ...base, at: recent ? lastAt : to, kind: 'crash_loop', count: Math.max(1, restarts), message: clip(`container ${cs.name}: CrashLoopBackOff after ${restarts} restarts, ${exit}`, 300) });
      }
      if (last?.reason === 'OOMKilled' && recent) out.push({ ...base, at: lastAt, kind: 'oom_killed', count: 1, message: clip(`container ${cs.name}: OOMKilled (exit code ${last.exitCode ?? 137})`, 300) });
      else if (restarts > 0 && recent) out.push({ ...base, at: lastAt, kind: 'restart', count: restarts, message: clip(`container ${cs.name}: ${restarts} restarts, ${exit}`, 300) });
    }
  }
  return out;
}

/** An event's span: first and last time it was seen, and how often. */
function seen(e: KubeEvent): { first: number; last: number; count: number } {
  const created = e.metadata?.creationTimestamp;
  const first = ms(e.firstTimestamp ?? e.eventTime ?? created);
  const last = ms(e.lastTimestamp ?? e.series?.lastObservedTime ?? e.eventTime ?? created);
  return { first: Number.isFinite(first) ? first : last, last, count: e.series?.count ?? e.count ?? 1 };
}

/** The runtime kind a Pod event reports, and how many occurrences it stands for. */
function podEventKind(e: KubeEvent, count: number): { kind: RuntimeEvent['kind']; count: number } | undefined {
  const message = e.message ?? '';
  switch (e.reason) {
    case 'BackOff':
      return /restarting failed container/i.test(message) ? { kind: 'crash_loop', count } : undefined;
    case 'OOMKilling':
      return { kind: 'oom_killed', count };
    case 'Unhealthy':
      return { kind: 'unhealthy', count };
    case 'Evicted':
      return { kind: 'evicted', count };
    case 'Killing':
      return /will be restarted/i.test(message) ? { kind: 'restart', count } : undefined;
    case 'Started':
      return count > 1 ? { kind: 'restart', count: count - 1 } : undefined;
    default:
      return undefined;
  }
}

/** Pod events of the namespace that concern the Deployment's pods (by pod name or ReplicaSet name prefix). */
export function eventObservations(plan: EvidencePlan, t: Target, events: readonly KubeEvent[], owns: (podName: string) => boolean, link?: string): RuntimeObservation[] {
  const out: RuntimeObservation[] = [];
  for (const e of events) {
    const pod = e.involvedObject?.name;
    if (e.involvedObject?.kind !== 'Pod' || !pod || !owns(pod)) continue;
    const { first, last, count } = seen(e);
    const kind = podEventKind(e, count);
    if (!kind || !(last >= Date.parse(plan.window.from)) || first > Date.parse(plan.window.to)) continue;
    out.push({ at: first, service: t.service, subject: pod, ...kind, message: clip(`${e.reason}: ${e.message ?? ''}`, 300), source: SOURCE, ...(link ? { link } : {}) });
  }
  return out;
}

const NODE_PRESSURE = new Set(['NodeNotReady', 'NodeHasDiskPressure', 'NodeHasMemoryPressure', 'NodeHasPIDPressure', 'EvictionThresholdMet', 'NodeHasInsufficientMemory', 'FreeDiskSpaceFailed']);

/** Node condition events, charged to every service with a pod on that node. */
export function nodeObservations(plan: EvidencePlan, events: readonly KubeEvent[], podsOnNode: (node: string) => { service: string; link?: string }[]): RuntimeObservation[] {
  const out: RuntimeObservation[] = [];
  for (const e of events) {
    const node = e.involvedObject?.name;
    if (e.involvedObject?.kind !== 'Node' || !node || !NODE_PRESSURE.has(e.reason ?? '')) continue;
    const { first, last, count } = seen(e);
    if (!(last >= Date.parse(plan.window.from)) || first > Date.parse(plan.window.to)) continue;
    for (const { service, link } of podsOnNode(node)) {
      out.push({ at: first, service, subject: `node ${node}`, kind: 'node_pressure', count, message: clip(`${e.reason} on node ${node}: ${e.message ?? ''}`, 300), source: SOURCE, ...(link ? { link } : {}) });
    }
  }
  return out;
}
