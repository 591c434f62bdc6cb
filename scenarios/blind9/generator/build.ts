/**
 * Turns one scenario spec (the story, told as effects on series, log lines, changes and
 * traces) into a causeway.scenario/v1 document.
 */
import {
  type Baseline,
  type Effect,
  type LogLine,
  type LogSpec,
  type Series,
  type Trace,
  type TraceSpec,
  type Window,
  offset,
  repeatLogs,
  rngFor,
  routineLogs,
  series,
  traces as sampleTraces,
} from './lib.js';
import { alertBody, type AlertSpec, type Source } from './sources.js';

export type Kind = 'deployment' | 'config_change' | 'feature_flag' | 'resource_exhaustion' | 'dependency_failure' | 'infrastructure' | 'traffic_surge' | 'code_defect';
export type Action = 'rollback' | 'restart' | 'scale_out' | 'revert_config' | 'disable_flag' | 'none';
type Cls = 'metrics' | 'logs' | 'traces' | 'changes' | 'runtime' | 'exceptions' | 'alerts';

/** Times in these lists are minutes from `at`. */
export interface ChangeSpec {
  at: number;
  svc: string;
  kind: 'deployment' | 'config' | 'feature_flag' | 'infrastructure' | 'scaling';
  summary: string;
  version?: string;
  previousVersion?: string;
  author?: string;
  source?: string;
}
export interface RuntimeSpec {
  at: number;
  svc: string;
  kind: 'restart' | 'oom_killed' | 'crash_loop' | 'unhealthy' | 'throttled' | 'evicted' | 'node_pressure';
  count?: number;
  message?: string;
}
export interface ExceptionSpec {
  at: number;
  svc: string;
  type: string;
  message: string;
  count?: number;
  culprit?: string;
}
export interface OtherAlert {
  at: number;
  svc: string;
  name: string;
  status?: 'firing' | 'resolved';
}

export interface Spec {
  name: string;
  shop: string;
  /** The public postmortem or incident class it models. */
  models: string;
  at: string;
  source: Source;
  alarmName: string;
  alert: AlertSpec;
  topology: Record<string, string[]>;
  /** Services with golden-signal series; default every topology node that is not `external`. */
  services?: string[];
  /** Third parties and managed services: no series of ours, seen through client spans or their own metrics. */
  external?: string[];
  /** Always noisy (errors, warnings) in the reference too. */
  noisy?: string[];
  /** Always slow, in the reference too. */
  slow?: string[];
  /** CloudWatch shop: 5-minute points and AWS metric names. */
  cw?: boolean;
  window?: Partial<Window>;
  /** Series beyond the golden signals: saturation, queue depth, a managed service's own metrics. */
  extra?: Baseline[];
  effects: Effect[];
  logs?: LogSpec[];
  noLogs?: boolean;
  trace?: TraceSpec;
  changes?: ChangeSpec[];
  runtime?: RuntimeSpec[];
  exceptions?: ExceptionSpec[];
  alerts?: OtherAlert[];
  noReference?: boolean;
  expected: { service: string; kind: Kind; action: Action; mustCite: Cls[] };
  story: string;
  tempting: string[];
}

export const ERR = 'http_error_ratio';
export const LAT = 'latency_p99_ms';
export const RPS = 'request_rate';
export const CW_ERR = 'HTTPCode_Target_5XX_Ratio';
export const CW_LAT = 'TargetResponseTime_p99';
export const CW_RPS = 'RequestCount';

/** Golden signals for one service: errors, p99 latency and request rate. */
function golden(spec: Spec, svc: string, rngBase: () => number): Baseline[] {
  const noisy = spec.noisy?.includes(svc);
  const slow = spec.slow?.includes(svc);
  const rate = 40 + Math.floor(rngBase() * 400);
  const latency = slow ? 1600 + Math.floor(rngBase() * 900) : 60 + Math.floor(rngBase() * 180);
  const errors = noisy ? 0.035 + rngBase() * 0.03 : 0.001 + rngBase() * 0.003;
  const names = spec.cw ? [CW_ERR, CW_LAT, CW_RPS] : [ERR, LAT, RPS];
  return [
    { svc, name: names[0]!, unit: 'ratio', base: errors, noise: noisy ? 0.45 : 0.3, spikes: noisy ? 0.06 : 0, digits: 5, max: 1 },
    { svc, name: names[1]!, unit: 'ms', base: latency, noise: slow ? 0.25 : 0.12, diurnal: 0.08, spikes: slow ? 0.04 : 0, digits: 0 },
    { svc, name: names[2]!, unit: spec.cw ? 'count/5m' : 'req/s', base: spec.cw ? rate * 300 : rate, noise: 0.06, diurnal: 0.3, digits: spec.cw ? 0 : 1 },
  ];
}

const offMin = (minutes: number) => offset(Math.round(minutes * 60));

export function buildScenario(spec: Spec): Record<string, unknown> {
  const rng = rngFor(spec.name);
  const window: Window = { minutes: spec.window?.minutes ?? (spec.cw ? 180 : 60), step: spec.window?.step ?? (spec.cw ? 300 : 30), after: spec.window?.after ?? 2 };
  const nodes = [...new Set([...Object.keys(spec.topology), ...Object.values(spec.topology).flat()])];
  const services = spec.services ?? nodes.filter((n) => !spec.external?.includes(n));
  const baselines = [...services.flatMap((svc) => golden(spec, svc, rng)), ...(spec.extra ?? [])];
  const metrics: Series[] = baselines.map((b) => series(rng, spec.at, b, window, spec.effects));
  const shift = -168 * 3600;

  const logs: LogLine[] = [];
  const refLogs: LogLine[] = [];
  if (!spec.noLogs) {
    const from = -Math.min(window.minutes, 90);
    for (const svc of services) {
      logs.push(...routineLogs(rng, svc, from, window.after, 150));
      refLogs.push(...routineLogs(rng, svc, from, window.after, 150, shift));
    }
    for (const svc of spec.noisy ?? []) {
      const noise: LogSpec[] = [
        { svc, level: 'warn', msg: 'retrying upstream call attempt=2 reason=connection reset by peer', from, to: window.after, every: 240 },
        { svc, level: 'error', msg: 'failed to refresh feature config cache: context deadline exceeded (served stale)', from, to: window.after, every: 420 },
      ];
      for (const n of noise) {
        logs.push(...repeatLogs(rng, n));
        refLogs.push(...repeatLogs(rng, n, shift));
      }
    }
    for (const l of spec.logs ?? []) logs.push(...repeatLogs(rng, l));
  }
  const sortByAt = <T extends { at: string }>(items: T[]) => items.sort((a, b) => secondsOf(a.at) - secondsOf(b.at));

  const traceList: Trace[] = spec.trace ? sampleTraces(rng, { ...spec.trace, slow: spec.slow }, Math.min(window.minutes, 60)) : [];
  const refTraces: Trace[] = spec.trace ? sampleTraces(rng, { ...spec.trace, slow: spec.slow }, 60, shift) : [];

  const evidence: Record<string, unknown> = {};
  if (!spec.noReference) {
    const reference: Record<string, unknown> = {
      from: offset(shift - window.minutes * 60),
      to: offset(shift + window.after * 60),
      metrics: baselines.map((b) => series(rng, spec.at, b, window, [], shift)),
    };
    if (refLogs.length) reference.logs = sortByAt(refLogs);
    if (refTraces.length) reference.traces = refTraces;
    evidence.reference = reference;
  }
  evidence.metrics = metrics;
  if (logs.length) evidence.logs = sortByAt(logs);
  if (traceList.length) evidence.traces = traceList;
  evidence.changes = (spec.changes ?? []).map((c) => ({
    at: offMin(c.at),
    service: c.svc,
    kind: c.kind,
    summary: c.summary,
    ...(c.version ? { version: c.version } : {}),
    ...(c.previousVersion ? { previousVersion: c.previousVersion } : {}),
    author: c.author ?? 'deploy-bot',
    ...(c.kind === 'deployment' ? { commit: hexOf(spec.name + c.summary) } : {}),
    source: c.source ?? (c.kind === 'deployment' ? 'argocd' : c.kind === 'feature_flag' ? 'launchdarkly' : c.kind === 'config' ? 'config-repo' : 'terraform'),
  }));
  if (spec.runtime) evidence.runtime = spec.runtime.map((r) => ({ at: offMin(r.at), service: r.svc, kind: r.kind, ...(r.count ? { count: r.count } : {}), ...(r.message ? { message: r.message } : {}) }));
  if (spec.exceptions) evidence.exceptions = spec.exceptions.map((e) => ({ at: offMin(e.at), service: e.svc, type: e.type, message: e.message, ...(e.count ? { count: e.count } : {}), ...(e.culprit ? { culprit: e.culprit } : {}) }));
  if (spec.alerts) evidence.alerts = spec.alerts.map((a) => ({ at: offMin(a.at), service: a.svc, name: a.name, status: a.status ?? 'firing' }));

  const signal = alertBody(spec.source, spec.alert, spec.at, rng, spec.alarmName);
  return {
    format: 'causeway.scenario/v1',
    name: spec.name,
    description: `${spec.alert.title}: ${spec.alert.summary}`,
    at: spec.at,
    tenant: 'blind9',
    signal: { source: spec.source, headers: signal.headers, body: signal.body },
    topology: spec.topology,
    evidence,
    expected: { rootCause: { service: spec.expected.service, kind: spec.expected.kind }, action: spec.expected.action, mustCite: spec.expected.mustCite },
  };
}

function secondsOf(text: string): number {
  const m = /^([+-])(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text)!;
  const s = Number(m[2] ?? 0) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  return m[1] === '-' ? -s : s;
}

function hexOf(text: string): string {
  const r = rngFor(text);
  return Array.from({ length: 7 }, () => Math.floor(r() * 16).toString(16)).join('');
}
