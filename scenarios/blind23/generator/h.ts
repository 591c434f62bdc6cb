/* Small helpers shared by the blind23 specs. */
import type { LogSpec, SpanTpl, TraceSpec } from './lib.js';

export function sp(service: string, name: string, ms: number, status: 'ok' | 'error' = 'ok', children: SpanTpl[] = [], attrs?: Record<string, unknown>): SpanTpl {
  const t: SpanTpl = { service, name, ms, status };
  if (children.length) t.children = children;
  if (attrs) t.attrs = attrs;
  return t;
}

/** A client span of `caller` to a third party or managed service, named only by peer.service. */
export function peer(caller: string, to: string, name: string, ms: number, status: 'ok' | 'error' = 'ok', extra: Record<string, unknown> = {}): SpanTpl {
  return sp(caller, name, ms, status, [], { 'peer.service': to, 'span.kind': 'client', ...extra });
}

export function tr(every: number, tpl: SpanTpl, from?: number, to?: number, always = false): TraceSpec {
  const t: TraceSpec = { every, tpl };
  if (from !== undefined) t.from = from;
  if (to !== undefined) t.to = to;
  if (always) t.always = true;
  return t;
}

/** A chronic line the service always logs (also in the reference). */
export function chronic(service: string, msg: string, every: number, level: LogSpec['level'] = 'warn'): LogSpec {
  return { service, level, msg, every, always: true };
}

export function log(service: string, level: LogSpec['level'], msg: string, from: number, to: number, every: number, attrs?: Record<string, unknown>): LogSpec {
  const l: LogSpec = { service, level, msg, from, to, every };
  if (attrs) l.attrs = attrs;
  return l;
}

export function deploy(at: number, service: string, version: string, previousVersion: string, summary: string, author = 'ci-bot', extra: Record<string, unknown> = {}) {
  return { at, service, kind: 'deployment', summary, version, previousVersion, author, source: 'argo-cd', ...extra };
}

export function change(at: number, service: string, kind: 'config' | 'feature_flag' | 'infrastructure' | 'scaling', summary: string, author: string, extra: Record<string, unknown> = {}) {
  return { at, service, kind, summary, author, ...extra };
}
