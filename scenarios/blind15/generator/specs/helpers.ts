/* Shorthands the specs share: the usual RED series and log chatter of a service. */
import type { LogSpec, MetricSpec, Shape } from '../lib.js';

/** Requests per second with a daily cycle. */
export function rate(service: string, base: number, shapes: Shape[] = [], name = 'http_requests_per_second'): MetricSpec {
  return { service, name, unit: 'req/s', base, noise: 0.06, diurnal: 0.3, shapes, digits: 1 };
}

/** p99 latency in milliseconds. */
export function p99(service: string, base: number, shapes: Shape[] = [], name = 'http_request_duration_p99_ms'): MetricSpec {
  return { service, name, unit: 'ms', base, noise: 0.12, shapes, digits: 0 };
}

/** Share of requests answered with a server error. */
export function errs(service: string, base: number, shapes: Shape[] = [], name = 'http_error_ratio'): MetricSpec {
  return { service, name, unit: 'ratio', base, noise: 0.3, shapes, max: 1, digits: 4 };
}

/** A gauge (memory, CPU, connections, disk…). */
export function gauge(service: string, name: string, unit: string, base: number, shapes: Shape[] = [], extra: Partial<MetricSpec> = {}): MetricSpec {
  return { service, name, unit, base, noise: 0.04, shapes, digits: 2, ...extra };
}

/** A service that always logs this, in the reference too. */
export function chatter(service: string, level: LogSpec['level'], message: string, every = 6): LogSpec {
  return { service, level, message, from: -10000, every, always: true };
}

/** Lines that start with the fault. */
export function fault(service: string, level: LogSpec['level'], message: string, from: number, every = 1, to?: number): LogSpec {
  return { service, level, message, from, every, ...(to !== undefined ? { to } : {}) };
}

export const step = (at: number, to: number): Shape => ({ type: 'step', at, to });
export const ramp = (at: number, to: number, until?: number): Shape => ({ type: 'ramp', at, to, ...(until !== undefined ? { until } : {}) });
