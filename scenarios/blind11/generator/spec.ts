/** What one scenario is made of: the story for the README, and the facts the builder turns into evidence. */
export type Source = 'alertmanager' | 'cloudwatch' | 'cloudwatch-sns' | 'datadog' | 'generic' | 'grafana' | 'opsgenie' | 'pagerduty';
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
export type EvidenceClass = 'metrics' | 'logs' | 'traces' | 'changes' | 'runtime' | 'exceptions' | 'alerts';
export type MetricKey = 'rate' | 'errors' | 'latency' | string;

/** A change to one series from `from` (an offset) on: multiply, add, or hold near a value; `ramp` seconds to reach it. */
export interface Effect {
  service: string;
  metric: MetricKey;
  from: string;
  to?: string;
  op: 'mult' | 'add' | 'set';
  value: number;
  ramp?: number;
}

export interface ExtraMetric {
  service: string;
  name: string;
  unit: string;
  base: number;
  noise: number;
  /** Follows the service's diurnal load. */
  diurnal?: boolean;
}

/** Log lines: once at `at`, or every `every` seconds (jittered) from `from` to `to` (default: the alert). */
export interface LogSpec {
  service: string;
  level: 'debug' | 'info' | 'warn' | 'error' | 'fatal';
  message: string;
  at?: string;
  from?: string;
  to?: string;
  every?: number;
  attributes?: Record<string, unknown>;
}

/** One request path, sampled every `every` seconds; from `failFrom` on the hop `failAt` errs (or is slow), and its callers with it. */
export interface TraceSpec {
  path: string[];
  /** The last hop is a client span of the path's last service toward this third party or managed service. */
  peer?: string;
  names?: string[];
  every: number;
  failFrom?: string;
  failAt?: number;
  slowMs?: number;
  errorShare?: number;
  /** The failing hop is slow but answers: spans stay ok. */
  slowOnly?: boolean;
}

export interface AlertSpec {
  service: string;
  name: string;
  summary: string;
  description?: string;
  startedAt: string;
  severity?: 'critical' | 'warning' | 'high';
  /** CloudWatch alarms: the metric and its dimensions. */
  namespace?: string;
  metricName?: string;
  dimensions?: Record<string, string>;
  threshold?: number;
  /** Extra labels or tags (namespace, team, env…). */
  labels?: Record<string, string>;
}

export interface Change {
  at: string;
  service: string;
  kind: 'deployment' | 'config' | 'feature_flag' | 'infrastructure' | 'scaling';
  summary: string;
  version?: string;
  previousVersion?: string;
  author?: string;
  commit?: string;
  source?: string;
}

export interface Spec {
  name: string;
  shop: string;
  models: string;
  story: string;
  tempting: string[];
  description: string;
  at: string;
  source: Source;
  alert: AlertSpec;
  topology: Record<string, string[]>;
  /** Third parties and managed AWS services: in the topology, never with series of their own. */
  external?: string[];
  expected: { service: string; kind: Kind; action: Action; mustCite: EvidenceClass[] };
  /** CloudWatch shops: 5-minute points over three hours. */
  cloudwatchMetrics?: boolean;
  windowMinutes?: number;
  baseRps?: Record<string, number>;
  baseLatency?: Record<string, number>;
  noisy?: Record<string, string[]>;
  extraMetrics?: ExtraMetric[];
  effects: Effect[];
  logs?: LogSpec[];
  /** Logs that also appear a week earlier (a third party named in logs but healthy, a standing warning). */
  standingLogs?: LogSpec[];
  traces?: TraceSpec[];
  changes?: Change[];
  runtime?: Array<{ at: string; service: string; kind: 'restart' | 'oom_killed' | 'crash_loop' | 'unhealthy' | 'throttled' | 'evicted' | 'node_pressure'; count?: number; message?: string }>;
  exceptions?: Array<{ at: string; service: string; type: string; message: string; count?: number; culprit?: string }>;
  alerts?: Array<{ at: string; service: string; name: string; status: 'firing' | 'resolved' }>;
  noReference?: boolean;
  noTraces?: boolean;
  noLogs?: boolean;
  /** The hour of day the diurnal curve peaks (UTC), by the shop's time zone. */
  peakHourUtc?: number;
}
