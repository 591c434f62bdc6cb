/*
 * Shorthands for evidence most services have: the rate / errors / duration trio in the naming
 * style of the backend that stores it, and background log chatter that was there all along.
 */
import type { Effect, Rand, Scenario } from './lib.js';
import { int, pick } from './lib.js';

export type Style = 'prom' | 'datadog' | 'otel' | 'alb' | 'apigw';

export interface Red {
  rps: number;
  errRatio: number;
  p99: number;
  rpsEffect?: Effect;
  errEffect?: Effect;
  latEffect?: Effect;
  labels?: Record<string, string>;
  step?: number;
  noReference?: boolean;
}

/** Request rate, error ratio and p99 latency for one service. */
export function red(s: Scenario, service: string, style: Style, o: Red): void {
  const common = { service, labels: o.labels, step: o.step, noReference: o.noReference };
  const names: Record<Style, [string, string, string, string, string, string]> = {
    prom: ['http_requests_per_second', 'req/s', 'http_error_ratio', 'ratio', 'http_request_duration_p99_seconds', 's'],
    datadog: ['trace.http.request.hits', 'req/s', 'trace.http.request.errors', 'req/s', 'trace.http.request.duration.by.service.99p', 's'],
    otel: ['http.server.request.rate', 'req/s', 'http.server.error_rate', 'ratio', 'http.server.request.duration.p99', 'ms'],
    alb: ['RequestCount', 'Count', 'HTTPCode_Target_5XX_Count', 'Count', 'TargetResponseTime', 'Seconds'],
    apigw: ['Count', 'Count', '5XXError', 'Count', 'Latency', 'Milliseconds'],
  };
  const [rn, ru, en, eu, ln, lu] = names[style];
  const perStep = style === 'alb' || style === 'apigw' ? (o.step ?? 60) : 1;
  s.metric({ ...common, name: rn, unit: ru, base: o.rps * perStep, noise: 0.06, diurnal: 0.3, effect: o.rpsEffect, round: 0 });
  const errIsCount = style === 'datadog' || style === 'alb' || style === 'apigw';
  s.metric({
    ...common,
    name: en,
    unit: eu,
    base: errIsCount ? o.rps * o.errRatio * perStep : o.errRatio,
    noise: 0.5,
    diurnal: errIsCount ? 0.3 : 0,
    min: 0,
    effect: o.errEffect,
    round: errIsCount ? (o.rps * o.errRatio * perStep >= 5 ? 0 : 2) : 5,
  });
  const latScale = lu === 'ms' || lu === 'Milliseconds' ? 1000 : 1;
  s.metric({ ...common, name: ln, unit: lu, base: o.p99 * latScale, noise: 0.12, diurnal: 0.08, effect: o.latEffect, round: latScale > 1 ? 0 : 3 });
}

/** Chatter every healthy service logs. */
export function chatter(s: Scenario, service: string, kind: 'http' | 'worker' | 'jvm' | 'node' | 'go', every = 40): void {
  const routes = ['/v1/items', '/v1/health', '/v2/search', '/v1/accounts/me', '/v1/orders', '/v1/quotes'];
  const lines: Record<string, Array<(r: Rand) => string>> = {
    http: [(r) => `GET ${pick(r, routes)} 200 ${int(r, 3, 80)}ms`, (r) => `POST ${pick(r, routes)} 201 ${int(r, 9, 140)}ms`],
    worker: [(r) => `processed batch size=${int(r, 40, 500)} in ${int(r, 30, 900)}ms`, (r) => `committed offset partition=${int(r, 0, 11)} offset=${int(r, 100000, 999999)}`],
    jvm: [(r) => `GC pause (G1 Evacuation Pause) young ${int(r, 4, 38)}ms`, (r) => `HikariPool-1 - stats (total=${20}, active=${int(r, 1, 7)}, idle=${int(r, 10, 19)}, waiting=0)`],
    node: [(r) => `request completed status=200 duration_ms=${int(r, 4, 120)} route=${pick(r, routes)}`],
    go: [(r) => `served request method=GET path=${pick(r, routes)} status=200 dur=${int(r, 1, 60)}ms`],
  };
  for (const make of lines[kind]!) s.logs(service, 'info', make, every * 2);
}
