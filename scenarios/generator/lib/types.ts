import type { Rng } from './prng.js';
import type { Sec, When } from './time.js';

/** The output shapes of shared/scenario-format.md, as the generator writes them. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'fatal';
export type SignalSource =
  | 'alertmanager'
  | 'pagerduty'
  | 'cloudwatch'
  | 'cloudwatch-sns'
  | 'grafana'
  | 'datadog'
  | 'opsgenie'
  | 'generic';
export type RootCauseKind =
  | 'deployment'
  | 'config_change'
  | 'feature_flag'
  | 'resource_exhaustion'
  | 'dependency_failure'
  | 'infrastructure'
  | 'traffic_surge'
  | 'code_defect';
export type ActionKind = 'rollback' | 'restart' | 'scale_out' | 'revert_config' | 'disable_flag' | 'none';
export type EvidenceClass = 'metrics' | 'logs' | 'traces' | 'changes' | 'runtime' | 'exceptions' | 'alerts';
export type Attributes = Record<string, unknown>;

export interface MetricOut {
  name: string;
  service: string;
  labels?: Record<string, string>;
  unit?: string;
  points: [string, number][];
}

export interface LogOut {
  at: string;
  service: string;
  level: LogLevel;
  message: string;
  attributes?: Attributes;
  traceId?: string;
}

export interface SpanOut {
  spanId: string;
  parentSpanId?: string;
  service: string;
  name: string;
  at: string;
  durationMs: number;
  status: 'ok' | 'error';
  attributes?: Attributes;
}

export interface TraceOut {
  traceId: string;
  spans: SpanOut[];
}

export interface Signal {
  source: SignalSource;
  headers?: Record<string, string>;
  body: unknown;
}

export interface Expected {
  rootCause: { service: string; kind: RootCauseKind };
  action: ActionKind;
  mustCite: EvidenceClass[];
}

/** A level function: the noiseless value of a series at a time (seconds from `at`). */
export type Level = (t: Sec) => number;
/** An incident shape applied over a baseline level. */
export type Shape = (base: Level) => Level;

export interface SeriesDef {
  key: string;
  name: string;
  unit?: string;
  labels?: Record<string, string>;
  base: number;
  /** Relative standard deviation of the noise. */
  noise: number;
  step?: number;
  integer?: boolean;
  max?: number;
  /** Relative amplitude of the slow (diurnal) drift over the window. */
  drift?: number;
}

export interface LogTemplate {
  level: LogLevel;
  perHour: number;
  message: (r: Rng) => string;
  attributes?: (r: Rng) => Attributes;
}

export type ServiceKind =
  | 'http'
  | 'worker'
  | 'postgres'
  | 'redis'
  | 'elasticsearch'
  | 'lambda'
  | 'dynamodb'
  | 'dns'
  | 'external';

export interface ServiceDef {
  name: string;
  kind: ServiceKind;
  series: SeriesDef[];
  logs: LogTemplate[];
  /** Replica (pod, task or instance) names, used in log attributes and metric labels. */
  replicas: string[];
}

/** One call in a trace template: a server span, optionally preceded by the caller's client span. */
export interface Call {
  service: string;
  op: string;
  selfMs: number;
  kind?: 'server' | 'client' | 'internal' | 'consumer' | 'producer';
  attributes?: Attributes;
  children?: Call[];
  /** Children run concurrently instead of one after another. */
  parallel?: boolean;
  /** Emit a client span in the caller before this call's server span. */
  client?: boolean;
  /** This call is repeated this many times (a loop over items). */
  repeat?: number;
}

export interface Flow {
  name: string;
  weight: number;
  root: Call;
}

export interface System {
  name: string;
  topology: Record<string, string[]>;
  services: ServiceDef[];
  flows: Flow[];
}

export interface Effect {
  service: string;
  key: string;
  shape: Shape;
}

export interface ExtraSeries {
  def: SeriesDef;
  service: string;
  shape?: Shape;
  from?: Sec;
}

export interface LogPattern {
  service: string;
  level: LogLevel;
  from: Sec;
  to?: Sec;
  perMin: number;
  max?: number;
  message: (r: Rng, i: number) => string;
  attributes?: (r: Rng) => Attributes;
  /** Attach the ids of incident traces through this service. */
  linkTraces?: boolean;
}

export interface TraceFault {
  service: string;
  /** Substring of the operation name; all operations of the service when absent. */
  op?: string;
  from: Sec;
  to?: Sec;
  errorRate: number;
  addMs?: number;
  /** Multiplies the span's own time. */
  slowFactor?: number;
  errorAttributes?: Attributes;
  /** The caller handles the error (fallback); it does not propagate. */
  absorbed?: boolean;
  /** On error the span's remaining children are not called. */
  skipChildren?: boolean;
  /** Extra repeats of matching calls (an N+1 regression). */
  repeat?: number;
  /** The caller invoked asynchronously (an event, a queued Lambda invoke): its client span succeeds regardless. */
  detached?: boolean;
  /** On error the request never reaches the server (TLS, DNS, connection refused): only the caller's client span. */
  unreachable?: boolean;
  /** The caller gives up after this many ms: the client span errors, the server span runs on. */
  clientTimeoutMs?: number;
}

export interface TraceSpec {
  baseline: number;
  incident: number;
  faults: TraceFault[];
  flows?: string[];
  /** Tail sampling: candidate traces per incident slot, keeping the first with an error (default 3). */
  tailSample?: number;
}

export interface ChangeSpec {
  at: When;
  service: string;
  kind: 'deployment' | 'config' | 'feature_flag' | 'infrastructure' | 'scaling';
  summary: string;
  version?: string;
  previousVersion?: string;
  author?: string;
  commit?: string;
  source?: string;
}

export interface RuntimeSpec {
  at: When;
  service: string;
  kind: 'restart' | 'oom_killed' | 'crash_loop' | 'unhealthy' | 'throttled' | 'evicted' | 'node_pressure';
  count?: number;
  message?: string;
}

export interface ExceptionSpec {
  at: When;
  service: string;
  type: string;
  message: string;
  count?: number;
  culprit?: string;
}

export interface AlertSpec {
  at: When;
  service: string;
  name: string;
  status: 'firing' | 'resolved';
}

export interface ScenarioSpec {
  name: string;
  seed: number;
  at: string;
  description: string;
  system: System;
  /** Services whose telemetry the backends return; all of the system's when absent. */
  services?: string[];
  signal: Signal;
  onset: Sec;
  /** Multiplies baseline noise and adds stray spikes and warnings (a noisy baseline). */
  noise?: number;
  effects?: Effect[];
  extraSeries?: ExtraSeries[];
  /** Scrape gaps: [service, from, to, series key?] ranges with no points. */
  gaps?: [string, Sec, Sec, string?][];
  logs?: LogPattern[] | false;
  traces?: TraceSpec | false;
  changes?: ChangeSpec[];
  runtime?: RuntimeSpec[];
  exceptions?: ExceptionSpec[];
  alerts?: AlertSpec[];
  expected: Expected;
}
