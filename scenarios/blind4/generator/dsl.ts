/* Short constructors for the specs: times in minutes before the alert, evidence items in the format's shape. */
import type { Hop } from './lib.js';
import { off } from './lib.js';

/** Minutes before the alert, as seconds from `at`. */
export const m = (minutes: number): number => -Math.round(minutes * 60);

type ChangeKind = 'deployment' | 'config' | 'feature_flag' | 'infrastructure' | 'scaling';
export const change = (minutes: number, service: string, kind: ChangeKind, summary: string, extra: Record<string, string> = {}) => ({ at: off(m(minutes)), service, kind, summary, ...extra });

type RuntimeKind = 'restart' | 'oom_killed' | 'crash_loop' | 'unhealthy' | 'throttled' | 'evicted' | 'node_pressure';
export const runtime = (minutes: number, service: string, kind: RuntimeKind, message: string, count?: number) => ({ at: off(m(minutes)), service, kind, message, ...(count ? { count } : {}) });

export const exception = (minutes: number, service: string, type: string, message: string, count: number, culprit?: string) => ({ at: off(m(minutes)), service, type, message, count, ...(culprit ? { culprit } : {}) });

export const alert = (minutes: number, service: string, name: string, status: 'firing' | 'resolved' = 'firing') => ({ at: off(m(minutes)), service, name, status });

export const hop = (svc: string, name: string, ms: number, kids: Hop[] = [], attrs?: Record<string, unknown>): Hop => ({ svc, name, ms, kids, ...(attrs ? { attrs } : {}) });

/** A client span of `svc` to something without its own spans. */
export const client = (svc: string, peer: string, name: string, ms: number, attrs: Record<string, unknown> = {}): Hop => ({ svc, name, ms, peer, attrs });
