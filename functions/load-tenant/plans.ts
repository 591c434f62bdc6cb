import { MAX_INVESTIGATION_WINDOW_MS, ReferenceSetting, referenceOffsetMs, type BackendConfig, type EvidenceClass, type EvidencePlan, type IncidentSignal, type TimeWindow } from '../contracts/index.js';

const MINUTE = 60_000;

/** How far back the baseline reaches before the alert's start, and how far past the alert evidence is read. */
export const WINDOW_BEFORE_MS = 60 * MINUTE;
export const WINDOW_AFTER_MS = 5 * MINUTE;

/**
 * Per-class output budgets. Their sum (≈180 KiB) leaves room for the signal and plans
 * inside Step Functions' 256 KiB state limit.
 */
export const CLASS_BYTE_BUDGET: Record<EvidenceClass, number> = {
  metrics: 56 * 1024,
  logs: 40 * 1024,
  traces: 48 * 1024,
  changes: 12 * 1024,
  runtime: 8 * 1024,
  exceptions: 8 * 1024,
  alerts: 8 * 1024,
};

/**
 * The window every provider reads. It always starts an hour before the alert's own start
 * (Alertmanager `startsAt`, PagerDuty `created_at`, CloudWatch's transition to ALARM…),
 * however late the notification arrives, so the onset and the change before it are in
 * view with history before them to compare against. It ends five minutes after the alert
 * was received, or {@link MAX_INVESTIGATION_WINDOW_MS} after its start when the alert has
 * fired longer than that; then `alertAt` is the alert's start, the moment the window is
 * about, rather than a notification time outside it.
 */
export function investigationWindow(signal: IncidentSignal): { from: string; to: string; alertAt: string } {
  const received = Date.parse(signal.receivedAt);
  const started = Math.min(Date.parse(signal.startedAt), received);
  const from = started - WINDOW_BEFORE_MS;
  const to = Math.min(received + WINDOW_AFTER_MS, from + MAX_INVESTIGATION_WINDOW_MS);
  const alertAt = received + WINDOW_AFTER_MS <= to ? received : started;
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), alertAt: new Date(alertAt).toISOString() };
}

/** The classes whose readings have a "normal": their reference tells what this service usually looks like. */
const REFERENCE_CLASSES: ReadonlySet<EvidenceClass> = new Set(['metrics', 'logs', 'traces']);

/**
 * The investigation window shifted back by each of the tenant's offsets, nearest first.
 * An offset shorter than the window itself would overlap the incident and is skipped
 * (the setting's bounds already rule that out; this holds whatever the window).
 */
export function referenceWindows(window: TimeWindow, setting: ReferenceSetting): TimeWindow[] {
  if (!setting.enabled) return [];
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  return setting.offsets
    .map(referenceOffsetMs)
    .filter((offset) => offset >= to - from)
    .sort((a, b) => a - b)
    .map((offset) => ({ from: new Date(from - offset).toISOString(), to: new Date(to - offset).toISOString() }));
}

/**
 * The alert's call neighbourhood: the alerting service, everything it depends on (a
 * fault two hops down still shows), and its direct callers (who else is hurting). Empty
 * means "all": for alerts that name no service, or one the topology does not know (a
 * load balancer or a queue named by a CloudWatch dimension), there is no neighbourhood
 * to narrow to.
 */
export function relatedServices(service: string | undefined, topology: Record<string, string[]>): string[] {
  const known = service !== undefined && (service in topology || Object.values(topology).some((callees) => callees.includes(service)));
  if (!known) return [];
  const callers = Object.keys(topology).filter((caller) => topology[caller]!.includes(service));
  return [...new Set([service, ...dependenciesOf(service, topology), ...callers])].sort();
}

/** Everything `service` calls, directly or through other services. */
function dependenciesOf(service: string, topology: Record<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const queue = [service];
  while (queue.length > 0) {
    for (const callee of topology[queue.shift()!] ?? []) {
      if (callee === service || seen.has(callee)) continue;
      seen.add(callee);
      queue.push(callee);
    }
  }
  return seen;
}

/**
 * The services an evidence class is asked about. Beyond the neighbourhood, the other
 * callers of anything the alerting service depends on: a shared database or queue can
 * be exhausted by a neighbour's new load (a noisy neighbour), and that neighbour is the
 * cause though it never calls the alerting service. Runtime events are asked about for
 * every service: they are few, and the platform under the services (cluster DNS, a
 * node, an ingress controller) is rarely in the call graph though its trouble reaches
 * every service on it. So are related alerts: the platform's own (an AWS Health event on
 * a managed service, a facility on battery power) name pieces no call graph holds, and
 * they are account-wide evidence, not the alert's neighbourhood. A topology small
 * enough to plan whole ({@link WHOLE_TOPOLOGY_MAX_NODES}) is asked about in full.
 */
export function plannedServices(evidenceClass: EvidenceClass, service: string | undefined, topology: Record<string, string[]>): string[] {
  const related = relatedServices(service, topology);
  if (evidenceClass === 'runtime' || evidenceClass === 'alerts' || related.length === 0) return [];
  if (plansUnlisted(evidenceClass, service, topology)) return [...topologyNodes(topology)].sort();
  const dependencies = dependenciesOf(service!, topology);
  const neighbours = Object.entries(topology)
    .filter(([caller, callees]) => caller !== service && callees.some((callee) => dependencies.has(callee)))
    .map(([caller]) => caller);
  return [...new Set([...related, ...neighbours])].sort();
}

/**
 * The largest topology planned whole: every piece it lists, and `unlisted` set so the
 * backends answer for the pieces it does not list as well. Twenty is the service cap
 * the per-service providers (Prometheus, Tempo, Argo CD) default to, and about what one
 * plan's budget holds with each service's own evidence kept (~85 metric series at 3–4
 * a service); past it, services nobody listed would crowd the neighbourhood's out.
 */
export const WHOLE_TOPOLOGY_MAX_NODES = 20;

/** Every piece the topology names, as a caller or as a callee. */
function topologyNodes(topology: Record<string, string[]>): Set<string> {
  return new Set([...Object.keys(topology), ...Object.values(topology).flat()]);
}

/**
 * Whether a plan reaches past its listed services: when the alert's neighbourhood is
 * known and the topology is small enough to plan whole. The platform under the services
 * (a node group, a hub network, a DNS resolver) is rarely in a call graph, and the
 * scorer can only blame what came back; a small tenant's whole backend fits the budget.
 */
export function plansUnlisted(evidenceClass: EvidenceClass, service: string | undefined, topology: Record<string, string[]>): boolean {
  if (evidenceClass === 'runtime' || evidenceClass === 'alerts' || relatedServices(service, topology).length === 0) return false;
  return topologyNodes(topology).size <= WHOLE_TOPOLOGY_MAX_NODES;
}

export function mergeTopology(...graphs: Record<string, string[]>[]): Record<string, string[]> {
  const merged: Record<string, Set<string>> = {};
  for (const graph of graphs) {
    for (const [caller, callees] of Object.entries(graph)) {
      const set = (merged[caller] ??= new Set());
      for (const callee of callees) set.add(callee);
    }
  }
  return Object.fromEntries(Object.entries(merged).map(([k, v]) => [k, [...v].sort()]));
}

export interface PlanInputs {
  tenantId: string;
  investigationId: string;
  signal: IncidentSignal;
  backends: BackendConfig[];
  topology: Record<string, string[]>;
  providerFunctions: Record<string, string>;
  /** The tenant's reference setting; absent means the defaults. */
  reference?: ReferenceSetting;
}

/** One plan per backend and evidence class it serves; backends whose provider is not deployed are reported back, not planned. */
export function buildPlans(inputs: PlanInputs): { plans: EvidencePlan[]; unplanned: string[] } {
  const { from, to, alertAt } = investigationWindow(inputs.signal);
  const reference = referenceWindows({ from, to }, inputs.reference ?? ReferenceSetting.parse({}));
  const plans: EvidencePlan[] = [];
  const unplanned: string[] = [];
  for (const backend of inputs.backends) {
    const functionArn = inputs.providerFunctions[backend.type];
    if (!functionArn) {
      unplanned.push(`${backend.id} (${backend.type}): no provider of this type is deployed`);
      continue;
    }
    for (const evidenceClass of backend.classes) {
      plans.push({
        planId: `${backend.id}-${evidenceClass}`,
        tenantId: inputs.tenantId,
        investigationId: inputs.investigationId,
        evidenceClass,
        backend,
        functionArn,
        window: { from, to },
        alertAt,
        reference: REFERENCE_CLASSES.has(evidenceClass) ? reference : [],
        focusService: inputs.signal.service,
        services: plannedServices(evidenceClass, inputs.signal.service, inputs.topology),
        unlisted: plansUnlisted(evidenceClass, inputs.signal.service, inputs.topology),
        correlation: inputs.signal.correlation,
        limits: { maxItems: 200, maxBytes: CLASS_BYTE_BUDGET[evidenceClass] },
      });
    }
  }
  return { plans, unplanned };
}
