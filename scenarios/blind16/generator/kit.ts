/*
 * Shorthands the specs share: the golden signals of a request-serving service in the naming of
 * its shop's metrics backend, and the routine noise every production system carries.
 */
import type { Change, LogSpec, SeriesSpec } from './lib.js';

export type Style = 'prom' | 'cw' | 'dd';

export interface GoldenFault {
  from: number;
  rampS?: number;
  rps?: number;
  p99?: number;
  err?: number;
}

/**
 * Request rate (diurnal), p99 latency (seconds) and error ratio of a service. `fault` moves each
 * to its new level; `fault2` is a later stage (a partial recovery, a hotfix that did not help).
 */
export function golden(style: Style, service: string, o: { rps: number; p99: number; err: number; fault?: GoldenFault; fault2?: GoldenFault; diurnal?: number }): SeriesSpec[] {
  const d = o.diurnal ?? 0.35;
  const stage = (f: GoldenFault | undefined, key: 'rps' | 'p99' | 'err', scale: number) =>
    f && f[key] !== undefined ? { from: f.from, to: f[key]! * scale, rampS: f.rampS } : undefined;
  const names =
    style === 'prom'
      ? { rps: 'http_requests_per_second', p99: 'http_request_duration_seconds_p99', err: 'http_error_ratio', pu: 's', eu: 'ratio', ps: 1, es: 1, ru: 'req/s', rs: 1 }
      : style === 'cw'
        ? { rps: 'RequestCount', p99: 'Latency', err: '5XXErrorRate', pu: 'Milliseconds', eu: 'Percent', ps: 1000, es: 100, ru: 'Count', rs: 300 }
        : { rps: 'trace.http.request.hits', p99: 'trace.http.request.duration.by.service.99p', err: 'trace.http.request.errors.ratio', pu: 's', eu: 'ratio', ps: 1, es: 1, ru: 'hits/s', rs: 1 };
  return [
    { service, name: names.rps, unit: names.ru, base: o.rps * names.rs, diurnal: d, noise: 0.06, fault: stage(o.fault, 'rps', names.rs), fault2: stage(o.fault2, 'rps', names.rs), digits: 1 },
    { service, name: names.p99, unit: names.pu, ...(style === 'cw' ? { labels: { stat: 'p99' } } : {}), base: o.p99 * names.ps, noise: 0.12, fault: stage(o.fault, 'p99', names.ps), fault2: stage(o.fault2, 'p99', names.ps), digits: 3 },
    { service, name: names.err, unit: names.eu, base: o.err * names.es, noise: 0.4, fault: stage(o.fault, 'err', names.es), fault2: stage(o.fault2, 'err', names.es), digits: 5, max: names.es },
  ];
}

/** A line a service logs all day long, healthy or not: it belongs in the reference too. */
export function chatter(service: string, level: 'info' | 'warn' | 'error', message: string, everyS: number, from: number): LogSpec {
  return { service, level, message, from, everyS };
}

/** Lines that only the fault produces. */
export function faultLog(service: string, level: 'info' | 'warn' | 'error' | 'fatal', message: string, everyS: number, from: number, to?: number, attributes?: Record<string, unknown>): LogSpec {
  return { service, level, message, from, everyS, fault: true, ...(to !== undefined ? { to } : {}), ...(attributes ? { attributes } : {}) };
}

export function deploy(at: number, service: string, version: string, previousVersion: string, summary: string, author = 'ci-bot'): Change {
  return { at, service, kind: 'deployment', summary, version, previousVersion, author, commit: hash(`${service}${version}`), source: 'argo-cd' };
}

/** A short commit-like hash from text, so specs need not invent one. */
export function hash(text: string): string {
  let h = 2166136261;
  let out = '';
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i) + round;
      h = Math.imul(h, 16777619) >>> 0;
    }
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 12);
}

/** A gauge or counter series with an optional fault stage. */
export function gauge(service: string, name: string, unit: string, base: number, o: { noise?: number; diurnal?: number; labels?: Record<string, string>; from?: number; to?: number; rampS?: number; from2?: number; to2?: number; rampS2?: number; digits?: number; max?: number; integer?: boolean } = {}): SeriesSpec {
  return {
    service,
    name,
    unit,
    base,
    noise: o.noise ?? 0.05,
    ...(o.diurnal ? { diurnal: o.diurnal } : {}),
    ...(o.labels ? { labels: o.labels } : {}),
    ...(o.from !== undefined && o.to !== undefined ? { fault: { from: o.from, to: o.to, rampS: o.rampS } } : {}),
    ...(o.from2 !== undefined && o.to2 !== undefined ? { fault2: { from: o.from2, to: o.to2, rampS: o.rampS2 } } : {}),
    ...(o.digits !== undefined ? { digits: o.digits } : {}),
    ...(o.max !== undefined ? { max: o.max } : {}),
    ...(o.integer ? { integer: true } : {}),
  };
}
