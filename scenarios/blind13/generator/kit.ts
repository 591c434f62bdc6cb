import type { Builder, Fx, SpanDef } from './builder.js';

/*
 * Series in the shapes each shop's backend really has: Prometheus recording rules, Datadog APM
 * trace metrics, CloudWatch (ALB target groups, Lambda, ECS, RDS) at 5-minute periods.
 */

export type Style = 'prom' | 'dd' | 'cw';

export interface Golden {
  rps: number;
  /** p95 latency, ms. */
  p95: number;
  /** Error ratio. */
  err: number;
  diurnal?: number;
  fx?: { rps?: Fx[]; lat?: Fx[]; err?: Fx[] };
  always?: { rps?: Fx[]; lat?: Fx[]; err?: Fx[] };
  labels?: Record<string, string>;
  step?: number;
}

/** Rate, p95 latency and errors of one service, in the backend's own names and units. */
export function golden(b: Builder, svc: string, style: Style, g: Golden): void {
  const d = g.diurnal ?? 0.3;
  const labels = g.labels;
  const scaleFx = (fx: Fx[] | undefined, k: number) => fx?.map((f) => ({ ...f, ...(f.to !== undefined ? { to: f.to * k } : {}), ...(f.add !== undefined ? { add: f.add * k } : {}) }));
  if (style === 'prom') {
    b.series(svc, 'http_requests:rate5m', { unit: 'req/s', base: g.rps, diurnal: d, noise: 0.06, fx: g.fx?.rps, always: g.always?.rps, labels, step: g.step });
    b.series(svc, 'http_request_duration_seconds:p95', { unit: 's', base: g.p95 / 1000, noise: 0.08, fx: scaleFx(g.fx?.lat, 1 / 1000), always: scaleFx(g.always?.lat, 1 / 1000), labels, step: g.step });
    b.series(svc, 'http_requests_errors:ratio_rate5m', { unit: 'ratio', base: g.err, noise: 0.3, fx: g.fx?.err, always: g.always?.err, labels, step: g.step });
  } else if (style === 'dd') {
    const tags = { env: 'prod', ...(labels ?? {}) };
    b.series(svc, 'trace.http.request.hits', { unit: 'hit/s', base: g.rps, diurnal: d, noise: 0.06, fx: g.fx?.rps, always: g.always?.rps, labels: tags, step: g.step });
    b.series(svc, 'trace.http.request.duration.by.service.95p', { unit: 's', base: g.p95 / 1000, noise: 0.08, fx: scaleFx(g.fx?.lat, 1 / 1000), always: scaleFx(g.always?.lat, 1 / 1000), labels: tags, step: g.step });
    b.series(svc, 'trace.http.request.errors', {
      unit: 'error/s',
      base: g.rps * g.err,
      diurnal: d,
      noise: 0.3,
      fx: scaleFx(g.fx?.err, g.rps),
      always: scaleFx(g.always?.err, g.rps),
      labels: tags,
      step: g.step,
    });
  } else {
    const per = (g.step ?? 300);
    b.series(svc, 'RequestCount', { unit: 'Count', base: g.rps * per, diurnal: d, noise: 0.05, int: true, fx: scaleFx(g.fx?.rps, per), always: scaleFx(g.always?.rps, per), labels: { Statistic: 'Sum', ...(labels ?? {}) }, step: g.step });
    b.series(svc, 'TargetResponseTime', { unit: 'Seconds', base: g.p95 / 1000, noise: 0.08, fx: scaleFx(g.fx?.lat, 1 / 1000), always: scaleFx(g.always?.lat, 1 / 1000), labels: { Statistic: 'p95', ...(labels ?? {}) }, step: g.step });
    b.series(svc, 'HTTPCode_Target_5XX_Count', { unit: 'Count', base: g.rps * per * g.err, diurnal: d, noise: 0.4, int: true, fx: scaleFx(g.fx?.err, g.rps * per), always: scaleFx(g.always?.err, g.rps * per), labels: { Statistic: 'Sum', ...(labels ?? {}) }, step: g.step });
  }
}

/** CPU and memory of a workload: Prometheus (cAdvisor), Datadog (container check) or CloudWatch (ECS). */
export function usage(b: Builder, svc: string, style: Style, u: { cpu: number; mem: number; cpuFx?: Fx[]; memFx?: Fx[]; memAlways?: Fx[]; cpuAlways?: Fx[]; step?: number; memUnit?: 'bytes' | 'percent'; memFrom?: string }): void {
  if (style === 'prom') {
    b.series(svc, 'container_cpu_usage:ratio', { unit: 'ratio', base: u.cpu, diurnal: 0.2, noise: 0.07, max: 1, fx: u.cpuFx, always: u.cpuAlways, step: u.step });
    b.series(svc, 'container_memory_working_set_bytes', { unit: 'bytes', base: u.mem, noise: 0.01, fx: u.memFx, always: u.memAlways, step: u.step, from: u.memFrom, int: true });
  } else if (style === 'dd') {
    b.series(svc, 'container.cpu.usage.pct', { unit: 'percent', base: u.cpu * 100, diurnal: 0.2, noise: 0.07, max: 100, fx: u.cpuFx, always: u.cpuAlways, step: u.step, labels: { env: 'prod' } });
    b.series(svc, 'container.memory.usage', { unit: 'byte', base: u.mem, noise: 0.01, fx: u.memFx, always: u.memAlways, step: u.step, from: u.memFrom, int: true, labels: { env: 'prod' } });
  } else {
    b.series(svc, 'CPUUtilization', { unit: 'Percent', base: u.cpu * 100, diurnal: 0.2, noise: 0.07, max: 100, fx: u.cpuFx, always: u.cpuAlways, step: u.step, labels: { Statistic: 'Average' } });
    b.series(svc, 'MemoryUtilization', { unit: 'Percent', base: u.mem, noise: 0.02, max: 100, fx: u.memFx, always: u.memAlways, step: u.step, from: u.memFrom, labels: { Statistic: 'Average' } });
  }
}

/** A Lambda function's CloudWatch metrics at 5-minute periods. */
export function lambda(b: Builder, fn: string, l: { inv: number; err: number; dur: number; fx?: { inv?: Fx[]; err?: Fx[]; dur?: Fx[]; thr?: Fx[] }; diurnal?: number }): void {
  const labels = { FunctionName: fn };
  b.series(fn, 'Invocations', { unit: 'Count', base: l.inv, diurnal: l.diurnal ?? 0.3, int: true, fx: l.fx?.inv, labels: { ...labels, Statistic: 'Sum' } });
  b.series(fn, 'Errors', { unit: 'Count', base: l.inv * l.err, diurnal: l.diurnal ?? 0.3, noise: 0.5, int: true, fx: l.fx?.err, labels: { ...labels, Statistic: 'Sum' } });
  b.series(fn, 'Duration', { unit: 'Milliseconds', base: l.dur, noise: 0.08, fx: l.fx?.dur, labels: { ...labels, Statistic: 'p95' } });
  b.series(fn, 'Throttles', { unit: 'Count', base: 0, noise: 0, int: true, fx: l.fx?.thr, labels: { ...labels, Statistic: 'Sum' } });
}

/** A client span to something we do not run (third party or managed AWS service). */
export function client(caller: string, peer: string, name: string, d: number, a: Record<string, unknown> = {}, e = false): SpanDef {
  return { s: caller, n: name, d, e, a: { 'span.kind': 'client', 'peer.service': peer, ...a } };
}

/** A server span with children. */
export function srv(s: string, n: string, d: number, c: SpanDef[] = [], e = false, a?: Record<string, unknown>): SpanDef {
  return { s, n, d, e, c, ...(a ? { a } : {}) };
}

/** A database client span. */
export function db(caller: string, dbService: string, stmt: string, d: number, e = false, system = 'postgresql'): SpanDef {
  const verb = stmt.split(' ')[0]!.toUpperCase();
  const table = /(?:FROM|INTO|UPDATE|TABLE)\s+([\w.]+)/i.exec(stmt)?.[1];
  return { s: caller, n: table ? `${verb} ${table}` : verb, d, e, a: { 'span.kind': 'client', 'db.system': system, 'peer.service': dbService, 'db.statement': stmt } };
}

export const GiB = 1024 ** 3;
export const MiB = 1024 ** 2;
