import type { BackendConfig, EvidenceClass, EvidencePlan, IncidentSignal } from '../contracts/index.js';

const MINUTE = 60_000;

/** How far back the baseline reaches before the alert, and how far past it evidence is read. */
export const WINDOW_BEFORE_MS = 60 * MINUTE;
export const WINDOW_AFTER_MS = 5 * MINUTE;
/** However long an alert has been firing, a window never spans more than this. */
const MAX_WINDOW_MS = 6 * 60 * MINUTE;

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

export function investigationWindow(signal: IncidentSignal): { from: string; to: string; alertAt: string } {
  const alertAt = Date.parse(signal.receivedAt);
  const started = Math.min(Date.parse(signal.startedAt), alertAt);
  const from = Math.max(started - WINDOW_BEFORE_MS, alertAt - MAX_WINDOW_MS);
  return { from: new Date(from).toISOString(), to: new Date(alertAt + WINDOW_AFTER_MS).toISOString(), alertAt: new Date(alertAt).toISOString() };
}

/**
 * The services worth querying: the alerting one, everything it depends on (a fault
 * two hops down still shows), and its direct callers (who else is hurting). Empty
 * means "all": for alerts that name no service, or one the topology does not know (a
 * load balancer or a queue named by a CloudWatch dimension), there is no neighbourhood
 * to narrow to.
 */
export function relatedServices(service: string | undefined, topology: Record<string, string[]>): string[] {
  const known = service !== undefined && (service in topology || Object.values(topology).some((callees) => callees.includes(service)));
  if (!known) return [];
  const related = new Set<string>([service]);
  const queue = [service];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const callee of topology[current] ?? []) {
      if (!related.has(callee)) {
        related.add(callee);
        queue.push(callee);
      }
    }
  }
  for (const [caller, callees] of Object.entries(topology)) {
    if (callees.includes(service)) related.add(caller);
  }
  return [...related].sort();
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
}

/** One plan per backend and evidence class it serves; backends whose provider is not deployed are reported back, not planned. */
export function buildPlans(inputs: PlanInputs): { plans: EvidencePlan[]; unplanned: string[] } {
  const { from, to, alertAt } = investigationWindow(inputs.signal);
  const services = relatedServices(inputs.signal.service, inputs.topology);
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
        focusService: inputs.signal.service,
        services,
        correlation: inputs.signal.correlation,
        limits: { maxItems: 200, maxBytes: CLASS_BYTE_BUDGET[evidenceClass] },
      });
    }
  }
  return { plans, unplanned };
}
