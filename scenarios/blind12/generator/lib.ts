/*
 * The world model behind every blind12 scenario: services with a diurnal baseline of
 * rate, error ratio and p99 latency, faults overlaid on one service and spreading to its
 * callers along the topology, and the evidence the backends would return for it.
 * Everything random comes from a PRNG seeded by the scenario name.
 */
import type { SignalSource } from '../../../functions/contracts/signal.js';

export type Kind = 'deployment' | 'config_change' | 'feature_flag' | 'resource_exhaustion' | 'dependency_failure' | 'infrastructure' | 'traffic_surge' | 'code_defect';
export type Action = 'rollback' | 'restart' | 'scale_out' | 'revert_config' | 'disable_flag' | 'none';
export type EvidenceClass = 'metrics' | 'logs' | 'traces' | 'changes' | 'runtime' | 'exceptions' | 'alerts';
export type Level = 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** Seconds relative to the alert (`at`); negative is before it. */
export type Sec = number;
export const m = (n: number): Sec => n * 60;
export const h = (n: number): Sec => n * 3600;

export function prng(seedText: string): () => number {
  let seed = 2166136261;
  for (const c of seedText) seed = Math.imul(seed ^ c.charCodeAt(0), 16777619) >>> 0;
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;
export const gauss = (r: Rng) => Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());
export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
export const hex = (r: Rng, n: number) => Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join('');
export const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

/** `-3725` → `"-1h2m5s"`, the format's offset syntax. */
export function off(sec: Sec): string {
  const s = Math.round(sec);
  if (s === 0) return '-0s';
  const a = Math.abs(s);
  const parts = `${Math.floor(a / 3600) ? `${Math.floor(a / 3600)}h` : ''}${Math.floor((a % 3600) / 60) ? `${Math.floor((a % 3600) / 60)}m` : ''}${a % 60 ? `${a % 60}s` : ''}`;
  return `${s < 0 ? '-' : '+'}${parts}`;
}

/** Fills `{int:a-b}`, `{hex:n}`, `{pick:a|b}` in a message template. */
export function fill(r: Rng, template: string): string {
  return template.replace(/\{(int|hex|pick):([^}]+)\}/g, (_all, kind: string, arg: string) => {
    if (kind === 'int') {
      const [lo, hi] = arg.split('-').map(Number);
      return String(int(r, lo!, hi!));
    }
    if (kind === 'hex') return hex(r, Number(arg));
    return pick(r, arg.split('|'));
  });
}

/** A fault's shape on one series: from `at`, the value moves to `to` (a step, a ramp over `over` seconds), until `until`. */
export interface Effect {
  /** A service, or `caller>peer` for what the caller's client sees of one external peer. */
  svc: string;
  metric: string;
  at: Sec;
  to: number;
  over?: Sec;
  until?: Sec;
  /** `to` multiplies the baseline instead of replacing it. */
  factor?: boolean;
}

export interface ServiceBase {
  rps: number;
  err: number;
  p99: number;
  /** Relative day/night swing of the request rate (0.3 = ±30 %). */
  diurnal?: number;
}

export interface SeriesSpec {
  name: string;
  svc: string;
  unit?: string;
  labels?: Record<string, string>;
  base: number;
  noise?: number;
  diurnal?: number;
  effects?: Array<Omit<Effect, 'svc' | 'metric'>>;
  round?: number;
  /** Also present in the reference window (default true). */
  ref?: boolean;
}

export interface LogSpec {
  svc: string;
  level: Level;
  msg: string;
  from: Sec;
  to: Sec;
  /** Mean seconds between lines. */
  every: Sec;
  attrs?: Record<string, unknown>;
  /** Always-on noise: also written into the reference window. */
  ref?: boolean;
}

export interface ChangeSpec {
  at: Sec;
  svc: string;
  kind: 'deployment' | 'config' | 'feature_flag' | 'infrastructure' | 'scaling';
  summary: string;
  version?: string;
  previousVersion?: string;
  author?: string;
  source?: string;
}
export interface RuntimeSpec {
  at: Sec;
  svc: string;
  kind: 'restart' | 'oom_killed' | 'crash_loop' | 'unhealthy' | 'throttled' | 'evicted' | 'node_pressure';
  count?: number;
  message?: string;
}
export interface ExceptionSpec {
  at: Sec;
  svc: string;
  type: string;
  message: string;
  count?: number;
  culprit?: string;
}
export interface AlertItemSpec {
  at: Sec;
  svc: string;
  name: string;
  status: 'firing' | 'resolved';
}

/** The alert as its sender delivers it; `start` is when the alert began firing (what normalization must read). */
export interface AlertSpec {
  svc: string;
  title: string;
  description: string;
  start: Sec;
  severity?: 'critical' | 'high' | 'warning';
  labels?: Record<string, string>;
  /** CloudWatch: the metric the alarm watches. */
  cw?: { namespace: string; metric: string; dimensions: Record<string, string>; threshold: number; stat?: string };
  /** PagerDuty/Opsgenie/Datadog: a later lifecycle event of an alert that has fired for a while. */
  renotify?: boolean;
}

export interface Spec {
  name: string;
  description: string;
  postmortem: string;
  at: string;
  source: SignalSource;
  alert: AlertSpec;
  topology: Record<string, string[]>;
  /** Third parties and managed AWS services in the topology: they own no series, logs or spans. */
  external?: string[];
  /** Platform components (network, DNS, nodes): evidence of their own, but no request metrics or spans. */
  platform?: string[];
  style?: 'prom' | 'cw' | 'dd';
  /** Window start (default 2 h before the alert) and metric step (default 60 s, 300 s for CloudWatch). */
  from?: Sec;
  step?: Sec;
  reference?: boolean;
  base: Record<string, ServiceBase>;
  effects?: Effect[];
  series?: SeriesSpec[];
  logs?: LogSpec[];
  /** Request paths to trace, caller first; external names become client spans of their caller. */
  paths?: string[][];
  traceCount?: number;
  changes?: ChangeSpec[];
  runtime?: RuntimeSpec[];
  exceptions?: ExceptionSpec[];
  alerts?: AlertItemSpec[];
  expected: { svc: string; kind: Kind; action: Action; mustCite: EvidenceClass[] };
  /** One line for the README: what in the evidence tells an SRE the answer. */
  tell: string;
  /** Where the kind is debatable, which variant this is. */
  variant?: string;
}
