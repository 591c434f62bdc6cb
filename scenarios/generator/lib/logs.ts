import type { Rng } from './prng.js';
import { offset, type Sec } from './time.js';
import { WINDOW_FROM, WINDOW_TO } from './metrics.js';
import type { TraceRef } from './traces.js';
import type { LogOut, LogPattern, ServiceDef } from './types.js';

interface TimedLog {
  t: Sec;
  log: LogOut;
}

/** Stray warnings a noisy service throws off that mean nothing. */
const NOISE_WARNINGS = [
  'slow request detected route=/internal/metrics duration_ms=1840',
  'GC pause exceeded target pause_ms=212',
  'retrying request after transient error attempt=1',
  'connection reset by peer, reconnecting',
  'health check took longer than expected elapsed_ms=950',
];

/** Background lines of a service over the window: its usual chatter, warnings and standing errors. */
export function backgroundLogs(r: Rng, service: ServiceDef, noise: number): TimedLog[] {
  const out: TimedLog[] = [];
  const hours = (WINDOW_TO - WINDOW_FROM) / 3600;
  for (const tpl of service.logs) {
    const count = Math.max(1, Math.round(tpl.perHour * hours * r.range(0.8, 1.2)));
    for (let i = 0; i < count; i++) {
      const t = Math.round(r.range(WINDOW_FROM, WINDOW_TO));
      out.push({ t, log: line(t, service.name, tpl.level, tpl.message(r), replicaAttrs(r, service, tpl.attributes?.(r))) });
    }
  }
  if (noise > 1) {
    const extra = Math.round(6 * noise);
    for (let i = 0; i < extra; i++) {
      const t = Math.round(r.range(WINDOW_FROM, WINDOW_TO));
      out.push({ t, log: line(t, service.name, 'warn', r.pick(NOISE_WARNINGS), replicaAttrs(r, service)) });
    }
  }
  return out;
}

/** The incident's lines: a pattern at a rate from `from`, capped as a backend's sampling would. */
export function patternLogs(r: Rng, pattern: LogPattern, service: ServiceDef | undefined, traces: TraceRef[]): TimedLog[] {
  const to = pattern.to ?? WINDOW_TO;
  const span = Math.max(0, to - pattern.from);
  const count = Math.min(pattern.max ?? 30, Math.max(1, Math.round((pattern.perMin * span) / 60)));
  const out: TimedLog[] = [];
  for (let i = 0; i < count; i++) {
    const t = Math.round(pattern.from + (span * (i + r.range(0.05, 0.95))) / count);
    const attrs = service ? replicaAttrs(r, service, pattern.attributes?.(r)) : pattern.attributes?.(r);
    const log = line(t, pattern.service, pattern.level, pattern.message(r, i), attrs);
    const traceId = pattern.linkTraces ? nearest(traces, t) : undefined;
    out.push({ t, log: traceId ? { ...log, traceId } : log });
  }
  return out;
}

/** The trace that started closest to a log line, if one started within a minute of it. */
function nearest(traces: TraceRef[], t: Sec): string | undefined {
  let best: TraceRef | undefined;
  for (const ref of traces) if (!best || Math.abs(ref.t - t) < Math.abs(best.t - t)) best = ref;
  return best && Math.abs(best.t - t) <= 60 ? best.traceId : undefined;
}

function replicaAttrs(r: Rng, service: ServiceDef, extra?: Record<string, unknown>): Record<string, unknown> | undefined {
  if (service.replicas.length === 0) return extra;
  return { replica: r.pick(service.replicas), ...extra };
}

function line(t: Sec, service: string, level: LogOut['level'], message: string, attributes?: Record<string, unknown>): LogOut {
  return { at: offset(t), service, level, message, ...(attributes ? { attributes } : {}) };
}

export function sortLogs(logs: TimedLog[]): LogOut[] {
  return logs
    .map((l, i) => ({ ...l, i }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((l) => l.log);
}

export type { TimedLog };
