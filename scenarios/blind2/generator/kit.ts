import type { Builder, Effect, Time } from './builder.js';
import type { Rng } from './rng.js';

/*
 * Shorthands shared by the scenario modules: RED metrics in the naming style of a given
 * backend, CloudWatch metrics at their 5-minute periods, and the background log lines every
 * service writes whether or not anything is wrong.
 */

export type Style = 'prom' | 'otel' | 'dd';

export interface Step {
  from: Time;
  to?: Time;
  until?: Time;
}

export interface RedSpec {
  style: Style;
  rps: number;
  /** Baseline error ratio. */
  err: number;
  /** Baseline p95 latency in ms. */
  p95: number;
  diurnal?: number;
  step?: number;
  labels?: Record<string, string>;
  /** Error ratio reached during each step. */
  errTo?: Array<Step & { value: number; jitter?: number }>;
  /** Latency multiplier during each step. */
  latTo?: Array<Step & { mul: number; jitter?: number }>;
  /** Request-rate multiplier during each step. */
  rateTo?: Array<Step & { mul: number }>;
  noise?: number;
  gaps?: number;
  ref?: boolean;
}

const NAMES: Record<Style, { rate: string; err: string; lat: string; latUnit: string; latScale: number }> = {
  prom: { rate: 'http_requests_per_second', err: 'http_error_ratio', lat: 'http_request_duration_seconds_p95', latUnit: 's', latScale: 0.001 },
  otel: { rate: 'http.server.request.rate', err: 'http.server.error_ratio', lat: 'http.server.request.duration.p95', latUnit: 'ms', latScale: 1 },
  dd: { rate: 'trace.http.request.hits', err: 'trace.http.request.errors', lat: 'trace.http.request.duration.by.service.95p', latUnit: 's', latScale: 0.001 },
};

/** Request rate, errors and p95 latency of one service. Datadog style counts errors per second; the others give a ratio. */
export function red(b: Builder, service: string, spec: RedSpec): void {
  const names = NAMES[spec.style];
  const common = { service, step: spec.step ?? (b.to - b.from > 9000 ? 120 : 60), diurnal: spec.diurnal ?? 0, gaps: spec.gaps, ...(spec.labels ? { labels: spec.labels } : {}), ref: spec.ref };
  const rateEffects: Effect[] = (spec.rateTo ?? []).map((s) => ({ from: s.from, to: s.to, until: s.until, mul: s.mul }));
  b.series({ ...common, name: names.rate, unit: 'req/s', base: spec.rps, noise: spec.noise ?? 0.06, effects: rateEffects });
  const perSecond = spec.style === 'dd';
  const errBase = perSecond ? spec.rps * spec.err : spec.err;
  b.series({
    ...common,
    name: names.err,
    unit: perSecond ? 'errors/s' : 'ratio',
    base: errBase,
    noise: 0.35,
    max: perSecond ? undefined : 1,
    effects: (spec.errTo ?? []).map((s) => ({ from: s.from, to: s.to, until: s.until, set: perSecond ? s.value * spec.rps : s.value, jitter: s.jitter })),
  });
  b.series({
    ...common,
    diurnal: (spec.diurnal ?? 0) / 3,
    name: names.lat,
    unit: names.latUnit,
    base: spec.p95 * names.latScale,
    noise: 0.12,
    effects: (spec.latTo ?? []).map((s) => ({ from: s.from, to: s.to, until: s.until, mul: s.mul, jitter: s.jitter })),
  });
}

/** A CloudWatch metric at a 5-minute period with the odd missing period; labels name namespace, dimension and statistic. */
export function cw(
  b: Builder,
  service: string,
  namespace: string,
  name: string,
  dimensions: Record<string, string>,
  stat: string,
  spec: { base: number; unit?: string; diurnal?: number; noise?: number; effects?: Effect[]; integer?: boolean; min?: number; max?: number; gaps?: number; step?: number; ref?: boolean; driftPerHour?: number; from?: Time },
): void {
  b.series({
    service,
    name,
    unit: spec.unit,
    labels: { namespace, ...dimensions, stat },
    base: spec.base,
    diurnal: spec.diurnal,
    noise: spec.noise ?? 0.08,
    effects: spec.effects,
    integer: spec.integer,
    min: spec.min,
    max: spec.max,
    step: spec.step ?? 300,
    gaps: spec.gaps ?? 0.07,
    ref: spec.ref,
    driftPerHour: spec.driftPerHour,
    from: spec.from,
  });
}

export type Lang = 'go' | 'java' | 'node' | 'python' | 'ruby' | 'rust' | 'dotnet';

const ROUTES = ['/healthz', '/v1/items', '/v2/search', '/api/users/me', '/v1/orders', '/metrics', '/v1/session'];

function infoLine(lang: Lang, r: Rng): string {
  const route = r.pick(ROUTES);
  const ms = r.int(2, 180);
  switch (lang) {
    case 'go':
      return `level=info msg="request completed" method=GET path=${route} status=200 duration=${ms}.${r.int(0, 9)}ms`;
    case 'java':
      return `INFO  [http-nio-8080-exec-${r.int(1, 64)}] c.s.web.AccessLog - GET ${route} 200 ${ms}ms`;
    case 'node':
      return `request completed GET ${route} 200 ${ms}ms`;
    case 'python':
      return `INFO gunicorn.access 10.${r.int(0, 9)}.${r.int(0, 255)}.${r.int(1, 254)} "GET ${route} HTTP/1.1" 200 ${r.int(80, 4000)}`;
    case 'ruby':
      return `I, [pid=${r.int(10, 99)}] Completed 200 OK in ${ms}ms (Views: ${r.int(0, 20)}.0ms | ActiveRecord: ${r.int(0, 40)}.${r.int(0, 9)}ms)`;
    case 'rust':
      return `INFO tower_http::trace: finished processing request latency=${ms} ms status=200`;
    case 'dotnet':
      return `info: Microsoft.AspNetCore.Hosting.Diagnostics[2] Request finished HTTP/1.1 GET ${route} - 200 - ${ms}.${r.int(100, 999)}ms`;
  }
}

const ALWAYS_WARN: Record<Lang, readonly string[]> = {
  go: ['level=warn msg="slow request" path=/v1/items duration=1.21s', 'level=warn msg="retrying request" attempt=1 err="connection reset by peer"'],
  java: ['WARN  [HikariPool-1 housekeeper] c.z.h.p.HikariPool - HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta=1m2s).', 'WARN  [main] o.h.e.j.e.i.JdbcEnvironmentInitiator - HHH000342: Could not obtain connection to query metadata'],
  node: ['(node:1) [DEP0005] DeprecationWarning: Buffer() is deprecated due to security and usability issues.', 'warn: upstream responded slowly duration=1402ms'],
  python: ['WARNING urllib3.connectionpool Retrying (Retry(total=2, connect=None, read=None, redirect=None, status=None)) after connection broken', 'WARNING celery.worker.consumer broker connection heartbeat missed'],
  ruby: ['W, [pid=41] WARN -- : Rack::Timeout: request exceeded 5000ms in middleware', 'W, [pid=41] WARN -- : DEPRECATION WARNING: Using legacy connection handling is deprecated'],
  rust: ['WARN hyper::proto::h1::io: read buffer exceeded 64KiB, backpressure applied', 'WARN sqlx::query: slow statement elapsed=1.102s'],
  dotnet: ['warn: Microsoft.EntityFrameworkCore.Query[20504] Compiling a query which loads related collections without QuerySplittingBehavior', 'warn: Polly[0] Retry 1 after 200ms: HttpRequestException'],
};

const ALWAYS_ERROR: Record<Lang, readonly string[]> = {
  go: ['level=error msg="token validation failed" err="token is expired" status=401', 'level=error msg="client closed request" status=499'],
  java: ['ERROR [http-nio-8080-exec-7] c.s.web.ErrorHandler - Request failed: org.apache.catalina.connector.ClientAbortException: java.io.IOException: Broken pipe'],
  node: ['error: request aborted by client code=ECONNRESET', 'error: validation failed: "email" must be a valid email status=400'],
  python: ['ERROR app.handlers Invalid payload from client: missing field "currency" (400)'],
  ruby: ['E, [pid=41] ERROR -- : ActionController::RoutingError (No route matches [GET] "/wp-login.php")'],
  rust: ['ERROR api::auth: rejected request: missing bearer token status=401'],
  dotnet: ['fail: Microsoft.AspNetCore.Server.Kestrel[13] Connection id "0HN1" bad request data: "Request line too long"'],
};

/** Lines a healthy service writes all day: access logs, long-standing warnings, the odd client error. */
export function background(b: Builder, service: string, lang: Lang, spec: { info?: number; warn?: number; error?: number; warnLines?: readonly string[]; errorLines?: readonly string[]; diurnal?: number } = {}): void {
  const diurnal = spec.diurnal ?? 0.3;
  b.logs({ service, level: 'info', perMin: spec.info ?? 0.3, diurnal, message: (r) => infoLine(lang, r) });
  if ((spec.warn ?? 0.08) > 0) b.logs({ service, level: 'warn', perMin: spec.warn ?? 0.08, diurnal, message: spec.warnLines ?? ALWAYS_WARN[lang] });
  if ((spec.error ?? 0.03) > 0) b.logs({ service, level: 'error', perMin: spec.error ?? 0.03, diurnal, message: spec.errorLines ?? ALWAYS_ERROR[lang] });
}

/** A short git sha. */
export function sha(r: Rng): string {
  return r.hex(7);
}
