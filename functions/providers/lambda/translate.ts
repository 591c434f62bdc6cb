import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { EvidencePlan } from '../../contracts/index.js';
import { consoleOrigin } from '../../shared/aws-console.js';
import { listSome, plannedServices } from '../../shared/point-events.js';
import type { LambdaOptions } from './options.js';

/*
 * Canonical plan → Lambda reads: per function, CloudWatch Throttles, Errors and
 * ConcurrentExecutions (the alias's and each routed version's through the `Resource`
 * dimension), and the alias and versions for what was deployed.
 */

/** Functions read per plan. */
export const MAX_TARGETS = 50;

export interface Target {
  service: string;
  functionName: string;
  alias?: string;
}

export function targetsOf(plan: EvidencePlan, options: LambdaOptions): { targets: Target[]; dropped: number } {
  const targets = plannedServices(plan, Object.keys(options.services)).map((service) => ({ service, ...(options.services[service] ?? { functionName: service }) }));
  return { targets: targets.slice(0, MAX_TARGETS), dropped: Math.max(0, targets.length - MAX_TARGETS) };
}

/** A period of at least a minute giving at most 1,440 points. */
export function periodFor(window: { from: string; to: string }): number {
  const span = (Date.parse(window.to) - Date.parse(window.from)) / 1000;
  return Math.max(60, Math.ceil(span / 1440 / 60) * 60);
}

export interface PlannedMetric {
  id: string;
  target: Target;
  metric: 'Throttles' | 'Errors' | 'ConcurrentExecutions';
  /** The alias or version (`live`, `13`) the metric is scoped to through `Resource`; absent for the whole function. */
  qualifier?: string;
}

/** The metrics per target: throttles and errors of the alias (or function), errors per routed version, peak concurrency. */
export function plannedMetrics(targets: readonly Target[], versions: ReadonlyMap<Target, string[]>): PlannedMetric[] {
  const out: PlannedMetric[] = [];
  targets.forEach((target, i) => {
    const scope = target.alias ? { qualifier: target.alias } : {};
    out.push({ id: `t${i}_throttles`, target, metric: 'Throttles', ...scope }, { id: `t${i}_errors`, target, metric: 'Errors', ...scope }, { id: `t${i}_concurrency`, target, metric: 'ConcurrentExecutions' });
    for (const v of versions.get(target) ?? []) out.push({ id: `t${i}_errors_v${v}`, target, metric: 'Errors', qualifier: v });
  });
  return out;
}

export function toMetricDataQueries(metrics: readonly PlannedMetric[], period: number): MetricDataQuery[] {
  return metrics.map((m) => ({
    Id: m.id,
    ReturnData: true,
    MetricStat: {
      Metric: {
        Namespace: 'AWS/Lambda',
        MetricName: m.metric,
        Dimensions: [{ Name: 'FunctionName', Value: m.target.functionName }, ...(m.qualifier ? [{ Name: 'Resource', Value: `${m.target.functionName}:${m.qualifier}` }] : [])],
      },
      Period: period,
      Stat: m.metric === 'ConcurrentExecutions' ? 'Maximum' : 'Sum',
    },
  }));
}

const enc = encodeURIComponent;

/** The Lambda console: the alias's (or function's) monitoring tab, or one version. */
export function consoleLink(region: string, t: Target, version?: string): string {
  const base = `${consoleOrigin(region)}/lambda/home?region=${region}#/functions/${enc(t.functionName)}`;
  if (version) return `${base}/versions/${enc(version)}?tab=configure`;
  return t.alias ? `${base}/aliases/${enc(t.alias)}?tab=monitoring` : `${base}?tab=monitoring`;
}

const hhmm = (iso: string) => iso.slice(11, 16);

export function describeRequest(plan: EvidencePlan, targets: readonly Target[]): string {
  const fns = targets.map((t) => (t.alias ? `${t.functionName}:${t.alias}` : t.functionName));
  const what = plan.evidenceClass === 'changes' ? 'GetAlias + ListVersionsByFunction (what the alias serves, versions published)' : 'CloudWatch GetMetricData AWS/Lambda Throttles, Errors (per alias and routed version), ConcurrentExecutions';
  return `Lambda ${what} for ${listSome(fns, 20) || '(no function)'} over ${hhmm(plan.window.from)}–${hhmm(plan.window.to)}Z`.slice(0, 4000);
}
