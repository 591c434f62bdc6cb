import type { Rng } from './prng.js';
import type { ScenarioSpec, SpanTree } from './engine.js';

export const M = 60;
export const H = 3600;

export function span(service: string, name: string, ms: number, status: 'ok' | 'error' = 'ok', attrs?: Record<string, unknown>, children?: SpanTree[]): SpanTree {
  const node: SpanTree = { service, name, ms, status };
  if (attrs) node.attrs = attrs;
  if (children) node.children = children;
  return node;
}

/** A client span the caller records for a call to something that sends no spans of its own. */
export function clientSpan(caller: string, peer: string, host: string, name: string, ms: number, code: number, status: 'ok' | 'error' = code >= 400 ? 'error' : 'ok', extra: Record<string, unknown> = {}): SpanTree {
  return span(caller, name, ms, status, { 'span.kind': 'client', 'peer.service': peer, 'server.address': host, 'http.response.status_code': code, ...extra });
}

export function expected(service: string, kind: string, action: string, mustCite: string[]): ScenarioSpec['expected'] {
  return { rootCause: { service, kind }, action, mustCite };
}

/** A value that steps from `a` to `b` over `ramp` seconds from `at` (never in the reference). */
export function step(t: number, ref: boolean, at: number, a: number, b: number, ramp = 0): number {
  if (ref || t < at) return a;
  if (!ramp) return b;
  return a + (b - a) * Math.min(1, (t - at) / ramp);
}

export function noisy(r: Rng, v: number, rel = 0.06): number {
  return Math.max(0, v * (1 + rel * r.gauss()));
}
