import type { Effect, Hop, LogSpec, MetricSpec, Spec, TraceSpec } from '../core.js';

export type { Spec };

export const step = (from: string, to: number): Effect => ({ shape: 'step', from, to });
export const ramp = (from: string, until: string, to: number): Effect => ({ shape: 'ramp', from, until, to });
export const win = (from: string, until: string, to: number): Effect => ({ shape: 'window', from, until, to });

interface GoldenFx {
  rps?: Effect[];
  p95?: Effect[];
  err?: Effect[];
}

/** Request rate, p95 latency and error ratio of a service, Prometheus style. */
export function golden(service: string, rps: number, p95: number, err: number, fx: GoldenFx = {}, diurnal = 0.3): MetricSpec[] {
  return [
    { service, name: 'http_requests_per_second', unit: 'req/s', base: rps, diurnal, noise: 0.06, digits: 1, fx: fx.rps },
    { service, name: 'http_request_duration_p95_ms', unit: 'ms', base: p95, diurnal: diurnal / 3, noise: 0.08, digits: 0, fx: fx.p95 },
    { service, name: 'http_error_ratio', unit: 'ratio', base: err, noise: 0.35, digits: 4, fx: fx.err },
  ];
}

/** The same three series as CloudWatch gives them per 5-minute period. */
export function cwGolden(service: string, perPeriod: number, p95: number, errCount: number, fx: GoldenFx = {}, diurnal = 0.35): MetricSpec[] {
  return [
    { service, name: 'RequestCount', unit: 'Count', base: perPeriod, diurnal, noise: 0.05, digits: 0, fx: fx.rps },
    { service, name: 'TargetResponseTime_p95', unit: 'Milliseconds', base: p95, diurnal: diurnal / 3, noise: 0.07, digits: 0, fx: fx.p95 },
    { service, name: 'HTTPCode_Target_5XX_Count', unit: 'Count', base: errCount, noise: 0.5, digits: 0, fx: fx.err },
  ];
}

export function metric(service: string, name: string, base: number, opts: Partial<MetricSpec> = {}): MetricSpec {
  return { service, name, base, noise: 0.05, digits: 2, ...opts };
}

export function log(service: string, level: LogSpec['level'], message: string, from: string, to?: string, every?: string, attributes?: Record<string, unknown>): LogSpec {
  return { service, level, message, from, ...(to ? { to } : {}), ...(every ? { every } : {}), ...(attributes ? { attributes } : {}) };
}

/** A line the service always logs, in the reference too. */
export function chronic(service: string, level: LogSpec['level'], message: string, every: string, from = '-8h'): LogSpec {
  return { service, level, message, from, to: '-0s', every, chronic: true };
}

export function hop(service: string, name: string, ms: number, status: 'ok' | 'error' = 'ok', attributes?: Record<string, unknown>, parent?: number): Hop {
  return { service, name, ms, status, ...(attributes ? { attributes } : {}), ...(parent !== undefined ? { parent } : {}) };
}

export function trace(from: string, to: string, every: string, hops: Hop[], ref = false): TraceSpec {
  return { from, to, every, hops, ref };
}

/** A client span to a third party: owned by the caller, naming the peer. */
export function peer(caller: string, peerService: string, name: string, ms: number, status: 'ok' | 'error' = 'ok', extra: Record<string, unknown> = {}, parent?: number): Hop {
  return hop(caller, name, ms, status, { 'span.kind': 'client', 'peer.service': peerService, ...extra }, parent);
}

export const deploy = (at: string, service: string, version: string, previousVersion: string, summary: string, author = 'ci-bot', source = 'argocd') => ({
  at,
  service,
  kind: 'deployment' as const,
  summary,
  version,
  previousVersion,
  author,
  commit: nameHash(`${service}@${version}`).toString(16).padStart(8, '0').slice(0, 7),
  source,
});
export const config = (at: string, service: string, summary: string, author = 'platform-bot', source = 'gitops') => ({ at, service, kind: 'config' as const, summary, author, source });
export const flag = (at: string, service: string, summary: string, author: string) => ({ at, service, kind: 'feature_flag' as const, summary, author, source: 'launchdarkly' });
export const infra = (at: string, service: string, summary: string, source = 'terraform') => ({ at, service, kind: 'infrastructure' as const, summary, source });
export const scaling = (at: string, service: string, summary: string) => ({ at, service, kind: 'scaling' as const, summary, source: 'hpa' });

function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function servicesOf(topology: Record<string, string[]>): Set<string> {
  return new Set(Object.entries(topology).flatMap(([k, vs]) => [k, ...vs]));
}

/**
 * The rest of a shop: services around the incident that carry on as usual. Adds them to the
 * topology and gives each its request rate, latency and errors (per 5 minutes in CloudWatch
 * shops), sized from its name; their background logs come with every service.
 */
export function widen(spec: Spec, extra: Record<string, string[]>): Spec {
  const topology: Record<string, string[]> = { ...spec.topology };
  for (const [k, vs] of Object.entries(extra)) topology[k] = [...new Set([...(topology[k] ?? []), ...vs])];
  const before = servicesOf(spec.topology);
  const added = [...servicesOf(topology)].filter((s) => !before.has(s) && !(spec.external ?? []).includes(s)).sort();
  const metrics = added.flatMap((s) => {
    const h = nameHash(s);
    return spec.step === 300
      ? cwGolden(s, 1500 + (h % 40000), 40 + (h % 350), h % 5)
      : golden(s, 10 + (h % 900), 15 + (h % 280), 0.0005 + (h % 6) / 1000);
  });
  return { ...spec, topology, metrics: [...spec.metrics, ...metrics] };
}

/*
 * Compact specs: a compact spec where every service that runs our code gets its golden
 * signals by default (sized from its name), with per-service effects, so a spec only states
 * what the incident changes.
 */
export interface Compact extends Omit<Spec, 'metrics'> {
  metrics?: MetricSpec[];
  /** Effects on a service's default golden signals. */
  fx?: Record<string, GoldenFx>;
  /** [rate, p95 ms, error ratio or 5xx count] for a service's golden signals. */
  sizes?: Record<string, [number, number, number]>;
  /** Services that get no default golden signals (stores and workers with their own series). */
  noGolden?: string[];
}

export function shop(c: Compact): Spec {
  const step = c.step ?? 60;
  const all = new Set(Object.entries(c.topology).flatMap(([k, vs]) => [k, ...vs]));
  const services = [...all].filter((s) => !(c.external ?? []).includes(s)).sort();
  const golden_ = services
    .filter((s) => !(c.noGolden ?? []).includes(s))
    .flatMap((s) => {
      const h = nameHash(s);
      const size = c.sizes?.[s];
      return step === 300
        ? cwGolden(s, size?.[0] ?? 1500 + (h % 30000), size?.[1] ?? 40 + (h % 300), size?.[2] ?? h % 4, c.fx?.[s])
        : golden(s, size?.[0] ?? 10 + (h % 700), size?.[1] ?? 15 + (h % 250), size?.[2] ?? 0.0005 + (h % 6) / 1000, c.fx?.[s]);
    });
  const { fx: _fx, sizes: _sizes, noGolden: _ng, ...rest } = c;
  return { ...rest, metrics: [...golden_, ...(c.metrics ?? [])] };
}

/** An error (or warn) line logged every `every` from `from` to the notification. */
export const every = (service: string, level: LogSpec['level'], message: string, from: string, period = '1m', attributes?: Record<string, unknown>): LogSpec =>
  log(service, level, message, from, '-0s', period, attributes);

/** An alert around the incident. */
export const alert = (at: string, service: string, name: string, status: 'firing' | 'resolved' = 'firing') => ({ at, service, name, status });

/** A runtime event. */
export const rt = (at: string, service: string, kind: 'restart' | 'oom_killed' | 'crash_loop' | 'unhealthy' | 'throttled' | 'evicted' | 'node_pressure', message?: string, count?: number) => ({
  at,
  service,
  kind,
  ...(count ? { count } : {}),
  ...(message ? { message } : {}),
});

/** An exception group. */
export const exc = (at: string, service: string, type: string, message: string, count?: number, culprit?: string) => ({ at, service, type, message, ...(count ? { count } : {}), ...(culprit ? { culprit } : {}) });
