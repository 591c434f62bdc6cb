/* Shorthands the specs share: RED metrics, noise logs, CloudWatch-shaped series. */
import type { Fault, LogDef, MetricDef } from '../lib.js';

export interface RedFault {
  at: number;
  rps?: number;
  p99?: number;
  err?: number;
  ramp?: boolean;
}

/** Request rate, p99 latency and error ratio of one service, with optional steps from `f.at`. */
export function red(svc: string, rps: number, p99: number, err: number, f?: RedFault, diurnal = 0.25): MetricDef[] {
  const step = (to: number | undefined): Fault[] | undefined => (f && to !== undefined ? [{ at: f.at, to, ramp: f.ramp }] : undefined);
  return [
    { svc, name: 'http_requests_per_second', unit: 'req/s', base: rps, diurnal, noise: 0.05, faults: step(f?.rps) },
    { svc, name: 'http_request_duration_p99_ms', unit: 'ms', base: p99, noise: 0.08, faults: step(f?.p99) },
    { svc, name: 'http_error_ratio', unit: 'ratio', base: err, noise: 0.3, faults: step(f?.err) },
  ];
}

/** The same for a CloudWatch shop: ALB target metrics per 5-minute period. */
export function alb(svc: string, count: number, rtSec: number, e5xx: number, f?: { at: number; count?: number; rt?: number; e5xx?: number; ramp?: boolean }, diurnal = 0.3): MetricDef[] {
  const step = (to: number | undefined): Fault[] | undefined => (f && to !== undefined ? [{ at: f.at, to, ramp: f.ramp }] : undefined);
  const labels = { TargetGroup: `targetgroup/${svc}/${svc.length.toString(16)}e3f0a91c2b7d45` };
  return [
    { svc, name: 'RequestCount', unit: 'Count', base: count, diurnal, noise: 0.05, int: true, labels, faults: step(f?.count) },
    { svc, name: 'TargetResponseTime', unit: 'Seconds', base: rtSec, noise: 0.08, labels, faults: step(f?.rt) },
    { svc, name: 'HTTPCode_Target_5XX_Count', unit: 'Count', base: e5xx, noise: 0.5, int: true, labels, faults: step(f?.e5xx) },
  ];
}

/** A gauge with an optional step or ramp. */
export function g(svc: string, name: string, unit: string, base: number, faults?: Fault[], extra: Partial<MetricDef> = {}): MetricDef {
  return { svc, name, unit, base, faults, ...extra };
}

/** A log line every service of this kind writes all day, healthy or not (also in the reference). */
export function noise(svc: string, msg: string, level: LogDef['level'] = 'warn', every = 240): LogDef {
  return { svc, level, msg, every, bg: true, max: 30 };
}

/** Log lines that start at `from`. */
export function burst(svc: string, level: LogDef['level'], msg: string, from: number, every = 20, extra: Partial<LogDef> = {}): LogDef {
  return { svc, level, msg, from, every, max: 40, ...extra };
}

/** Attributes of a client span to a dependency we do not run. */
export function peer(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { 'span.kind': 'client', 'peer.service': name, ...extra };
}
