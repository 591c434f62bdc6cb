import type { SignalSource } from '../../../../functions/contracts/signal.js';

export type Kind =
  | 'deployment'
  | 'config_change'
  | 'feature_flag'
  | 'resource_exhaustion'
  | 'dependency_failure'
  | 'infrastructure'
  | 'traffic_surge'
  | 'code_defect';
export type Action = 'rollback' | 'restart' | 'scale_out' | 'revert_config' | 'disable_flag' | 'none';
export type Cite = 'metrics' | 'logs' | 'traces' | 'changes' | 'runtime' | 'exceptions' | 'alerts';
export type Level = 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** The alert as its sender raised it. `since` is when it started firing (an offset from `at`). */
export interface AlertSpec {
  service: string;
  name: string;
  summary: string;
  since: string;
  severity: 'critical' | 'high' | 'warning';
  /** CloudWatch alarms: the metric the alarm watches and the dimensions that name the service. */
  cw?: { namespace: string; metric: string; dims: Record<string, string>; threshold: number; stat: string; value: number };
  labels?: Record<string, string>;
}

/** A change to one series from `at` on: multiply it (`x`), move it to a level (`to`), reached linearly over `ramp`. */
export interface Effect {
  svc: string;
  m: string;
  from: string;
  x?: number;
  to?: number;
  ramp?: string;
  until?: string;
}

export interface LogSpec {
  svc: string;
  level: Level;
  msg: string;
  from: string;
  until?: string;
  every: number;
  attrs?: Record<string, unknown>;
}

/** One span of a chain: service, operation, status, duration, attributes; each span is the child of the one before unless `parent` says. */
export type SpanSpec = [service: string, name: string, status: 'ok' | 'error', ms: number, attrs?: Record<string, unknown>, parent?: number];

export interface TraceSpec {
  from: string;
  every: number;
  until?: string;
  chain: SpanSpec[];
}

export interface SeriesSpec {
  svc: string;
  name: string;
  unit: string;
  base: number;
  noise?: number;
  /** Does the series follow the day's load curve? */
  diurnal?: boolean;
  labels?: Record<string, string>;
}

export interface Spec {
  name: string;
  at: string;
  shop: string;
  models: string;
  description: string;
  story: string;
  wrong: string[];
  source: SignalSource;
  alert: AlertSpec;
  topology: Record<string, string[]>;
  /** Third parties and managed services: seen only in callers' spans and logs, never with series. */
  external?: string[];
  /** A CloudWatch shop: 5-minute points over three hours, CloudWatch metric names. */
  cloudwatch?: boolean;
  windowMinutes?: number;
  peakHourUtc?: number;
  /** Per-service baseline requests/s, p99 ms, error ratio; defaults drawn from the PRNG. */
  base?: Record<string, { rps?: number; p99?: number; err?: number }>;
  series?: SeriesSpec[];
  /** Services without the default request series (batch jobs, agents, datastores with their own series). */
  noDefaultSeries?: string[];
  effects: Effect[];
  /** Always-noisy services: these lines recur in the window and in the reference. */
  noisy?: LogSpec[];
  logs?: LogSpec[];
  traces?: TraceSpec[];
  changes?: Array<{ at: string; service: string; kind: 'deployment' | 'config' | 'feature_flag' | 'infrastructure' | 'scaling'; summary: string; version?: string; previousVersion?: string; author?: string; commit?: string; source?: string }>;
  runtime?: Array<{ at: string; service: string; kind: 'restart' | 'oom_killed' | 'crash_loop' | 'unhealthy' | 'throttled' | 'evicted' | 'node_pressure'; count?: number; message?: string }>;
  exceptions?: Array<{ at: string; service: string; type: string; message: string; count?: number; culprit?: string }>;
  alerts?: Array<{ at: string; service: string; name: string; status: 'firing' | 'resolved' }>;
  withoutLogs?: boolean;
  withoutTraces?: boolean;
  withoutReference?: boolean;
  expected: { service: string; kind: Kind; action: Action; mustCite: Cite[] };
}
