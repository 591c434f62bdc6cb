import { Builder, type PromAlertSpec } from './lib.js';

/** What one scenario module returns; generate.ts turns it into a file, a manifest row and a README line. */
export interface Built {
  source: 'alertmanager' | 'pagerduty' | 'cloudwatch' | 'cloudwatch-sns' | 'grafana' | 'datadog' | 'opsgenie' | 'generic';
  body: Record<string, unknown>;
  headers?: Record<string, string>;
  topology: Record<string, string[]>;
  expected: { service: string; kind: Kind; action: Action; mustCite: string[] };
  story: string;
  modeledOn: string;
}

export type Kind = 'deployment' | 'config_change' | 'feature_flag' | 'resource_exhaustion' | 'dependency_failure' | 'infrastructure' | 'traffic_surge' | 'code_defect';
export type Action = 'rollback' | 'restart' | 'scale_out' | 'revert_config' | 'disable_flag' | 'none';

export interface Def {
  file: string;
  description: string;
  at: string;
  build: (b: Builder) => Built;
}

/** Rate, errors, duration for one HTTP service; the X functions bend the healthy shape (live only when they say so). */
export function red(
  b: Builder,
  service: string,
  o: {
    rps: number;
    err: number;
    p99: number;
    rpsX?: (t: number, live: boolean) => number;
    errX?: (t: number, live: boolean) => number;
    p99X?: (t: number, live: boolean) => number;
    step?: number;
    gaps?: number;
    labels?: Record<string, string>;
  },
): void {
  const opts = { step: o.step ?? 60, gaps: o.gaps, labels: o.labels };
  b.metric('http_requests_per_second', service, 'req/s', (t, live, d) => o.rps * d * (o.rpsX?.(t, live) ?? 1), { ...opts, noise: 0.06, digits: 1 });
  b.metric('http_error_ratio', service, 'ratio', (t, live) => o.err * (1 + 0.5 * b.noise()) + (o.errX?.(t, live) ?? 0), { ...opts, noise: 0.1, min: 0, max: 1, digits: 5 });
  b.metric('http_latency_p99', service, 'ms', (t, live, d) => o.p99 * (0.85 + 0.15 * d) * (o.p99X?.(t, live) ?? 1), { ...opts, noise: 0.08, digits: 1 });
}

export function promSpec(b: Builder, labels: Record<string, string>, annotations: Record<string, string>, startsAt: number, expr: string): PromAlertSpec {
  return {
    labels,
    annotations,
    startsAt: b.iso(startsAt).replace(/\.\d{3}Z$/, `.${String(Math.floor(b.rng() * 1000)).padStart(3, '0')}Z`),
    generatorURL: `http://prometheus-k8s-0:9090/graph?g0.expr=${encodeURIComponent(expr)}&g0.tab=1`,
    fingerprint: b.hex(16),
  };
}

export const AM_HEADERS = { 'content-type': 'application/json', 'user-agent': 'Alertmanager/0.27.0' };
export const GRAFANA_HEADERS = { 'content-type': 'application/json', 'user-agent': 'Grafana' };
export const PD_HEADERS = { 'content-type': 'application/json', 'user-agent': 'PagerDuty-Webhook/V3.0', 'x-webhook-id': 'PWHK4Q7' };
export const SNS_HEADERS = { 'content-type': 'text/plain; charset=UTF-8', 'x-amz-sns-message-type': 'Notification', 'user-agent': 'Amazon Simple Notification Service Agent' };
export const DD_HEADERS = { 'content-type': 'application/json', 'user-agent': 'Datadog Webhook' };
export const OG_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'Opsgenie-Webhook/1.0' };
export const EB_HEADERS = { 'content-type': 'application/json' };

/** Ordinary chatter from a JVM/Go/Node web service that is always there. */
export const CHATTER = {
  http: ['GET /healthz 200', 'request completed', 'cache refresh done', 'served request'],
  warnHttp: ['slow request: exceeded 1000ms budget', 'client closed connection before response', 'retrying idempotent request after reset'],
  worker: ['batch processed', 'poll: 0 messages', 'committed offsets', 'job finished'],
  warnWorker: ['message redelivered (visibility timeout)', 'batch took longer than expected', 'lag above soft limit'],
};

/**
 * The rest of a large estate: services that are healthy through the incident, each with its
 * own rate/error/latency series (every `step` seconds) and a little ordinary chatter, some of
 * it warnings that were always there.
 */
export function healthyEstate(b: Builder, services: ReadonlyArray<readonly [name: string, rps: number, p99: number]>, step = 120): void {
  for (const [name, rps, p99] of services) {
    red(b, name, { rps, err: 0.001 + b.rng() * 0.004, p99, step });
    b.background(name, 'info', CHATTER.http, 4 + Math.floor(b.rng() * 8));
    if (b.rng() < 0.4) b.background(name, 'warn', CHATTER.warnHttp, 2 + Math.floor(b.rng() * 4));
  }
}
