/* Short constructors so each incident spec reads like its story. */
import type { Effect } from './lib.js';
import type { Extra, LogPattern, Spec, Svc } from './build.js';

export const svc = (name: string, rps: number, p99: number, err: number, opts: Partial<Svc> = {}): Svc => ({ name, rps, p99, err, ...opts });

export const fx = (service: string, metric: Effect['metric'], from: number, value: number, shape: Effect['shape'] = 'step', rampMin?: number, until?: number): Effect => ({
  service,
  metric,
  from,
  value,
  shape,
  ...(rampMin !== undefined ? { rampMin } : {}),
  ...(until !== undefined ? { until } : {}),
});

export const L = (service: string, level: LogPattern['level'], message: string, everySec: number, from?: number, to?: number, attributes?: Record<string, unknown>): LogPattern => ({
  service,
  level,
  message,
  everySec,
  ...(from !== undefined ? { from } : {}),
  ...(to !== undefined ? { to } : {}),
  ...(attributes ? { attributes } : {}),
});

export const x = (name: string, service: string, base: number, noise: number, effects: Extra['effects'] = [], opts: Partial<Extra> = {}): Extra => ({ name, service, base, noise, effects, ...opts });

/** An effect on an extra series: `add` a ramp or step, or `set` a level. */
export const xe = (from: number, value: number, mode: 'add' | 'mul' | 'set' = 'add', shape: Effect['shape'] = 'step', rampMin?: number, until?: number) => ({
  from,
  value,
  mode,
  shape,
  ...(rampMin !== undefined ? { rampMin } : {}),
  ...(until !== undefined ? { until } : {}),
});

type Kind = 'deployment' | 'config' | 'feature_flag' | 'infrastructure' | 'scaling';
export const chg = (at: string, service: string, kind: Kind, summary: string, more: Record<string, string> = {}) => ({ at, service, kind, summary, ...more });
export const rt = (at: string, service: string, kind: string, message: string, count?: number) => ({ at, service, kind, ...(count ? { count } : {}), message });
export const exc = (at: string, service: string, type: string, message: string, count: number, culprit?: string) => ({ at, service, type, message, count, ...(culprit ? { culprit } : {}) });
export const al = (at: string, service: string, name: string, status: 'firing' | 'resolved' = 'firing') => ({ at, service, name, status });

export const expect = (service: string, kind: string, action: string, mustCite: string[]): Spec['expected'] => ({ rootCause: { service, kind }, action, mustCite });

/** One entry of the suite: the spec, the story kept out of the file, and which evidence classes a backend returned. */
export interface Entry {
  spec: Spec;
  modeledOn: string;
  story: string;
  logs: boolean;
  traces: boolean;
  /** The service the alert's own sender names, as the ingest normalizer reads it. */
  alertService: string;
}
