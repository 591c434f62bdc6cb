/* Shorthands the specs share: standard series, log lines, spans. */
import type { Effect, LogSpec, SeriesSpec, SpanTpl, TraceSpec } from '../lib.js';

export const rate = (service: string, base: number, fx?: Effect[], name = 'http_requests_per_second'): SeriesSpec => ({ service, name, unit: 'req/s', base, diurnal: 0.35, noise: 0.05, fx });
export const lat = (service: string, base: number, fx?: Effect[], name = 'http_latency_p99_ms'): SeriesSpec => ({ service, name, unit: 'ms', base, diurnal: 0.08, noise: 0.1, fx });
export const err = (service: string, base: number, fx?: Effect[], name = 'http_error_ratio'): SeriesSpec => ({ service, name, unit: 'ratio', base, noise: 0.35, max: 1, fx });
export const gauge = (service: string, name: string, unit: string, base: number, fx?: Effect[], extra: Partial<SeriesSpec> = {}): SeriesSpec => ({ service, name, unit, base, noise: 0.04, fx, ...extra });

export const log = (service: string, level: LogSpec['level'], msg: string, every: number, from?: number, to?: number, attrs?: Record<string, unknown>): LogSpec => ({ service, level, msg, every, from, to, attrs });
/** A line the service writes every day, so the reference has it too. */
export const always = (service: string, level: LogSpec['level'], msg: string, every: number, attrs?: Record<string, unknown>): LogSpec => ({ service, level, msg, every, attrs, always: true });

export const span = (service: string, name: string, ms: number, children?: SpanTpl[], status: 'ok' | 'error' = 'ok', attrs?: Record<string, unknown>): SpanTpl => ({ service, name, ms, children, status, attrs });
/** A client span the caller records for a callee it cannot trace (a third party or a managed service). */
export const client = (service: string, peer: string, name: string, ms: number, status: 'ok' | 'error' = 'ok', attrs: Record<string, unknown> = {}): SpanTpl => ({ service, name, ms, status, attrs: { 'span.kind': 'client', 'peer.service': peer, ...attrs } });
export const tr = (every: number, tpl: SpanTpl, from?: number, to?: number): TraceSpec => ({ every, tpl, from, to });
/** Healthy traffic, before onset and in the reference. */
export const trOk = (every: number, tpl: SpanTpl, to: number): TraceSpec => ({ every, tpl, to, always: true });
