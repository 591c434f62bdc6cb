import type { EvidencePlan } from '../../contracts/index.js';
import type { XRayOptions } from './options.js';

/*
 * Canonical plan → X-Ray: filter expressions for failing and slow traces and a baseline
 * sample of the planned services, windows of at most 6 hours, and trace ids in X-Ray form.
 */

/** GetTraceSummaries answers for at most 6 hours per call. */
export const MAX_RANGE_MS = 6 * 3_600_000;
/** Services named in one filter expression; the focus comes first. */
export const MAX_FILTER_SERVICES = 10;

export interface TraceSearch {
  kind: 'errors' | 'slow' | 'baseline';
  filter: string;
  /** Share of `maxTraces` this search may fill. */
  share: number;
}

export interface XRayRequest {
  searches: TraceSearch[];
  ranges: { start: Date; end: Date }[];
  traceIds: string[];
  invalidTraceIds: string[];
  services: string[];
  droppedServices: number;
}

const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** An X-Ray trace id (`1-5f84c7a1-…`) as is; a 32-hex W3C id converted to it; anything else undefined. */
export function toXRayId(id: string): string | undefined {
  const t = id.trim().toLowerCase();
  if (/^1-[0-9a-f]{8}-[0-9a-f]{24}$/.test(t)) return t;
  if (/^[0-9a-f]{32}$/.test(t)) return `1-${t.slice(0, 8)}-${t.slice(8)}`;
  return undefined;
}

/** Splits the window into ranges of at most 6 hours, the most recent first. */
export function rangesOf(window: { from: string; to: string }): { start: Date; end: Date }[] {
  const out: { start: Date; end: Date }[] = [];
  const from = Date.parse(window.from);
  for (let end = Date.parse(window.to); end > from; end -= MAX_RANGE_MS) out.push({ start: new Date(Math.max(from, end - MAX_RANGE_MS)), end: new Date(end) });
  return out;
}

/** The searches for a plan: by `service("…")`, or by annotation when the backend names a service label. */
export function translate(plan: EvidencePlan, options: XRayOptions): XRayRequest {
  const listed = plan.services.length > 0 ? plan.services : plan.focusService ? [plan.focusService] : [];
  const all = [...new Set([...(plan.focusService && listed.includes(plan.focusService) ? [plan.focusService] : []), ...listed])];
  const services = all.slice(0, MAX_FILTER_SERVICES);
  const label = plan.backend.serviceLabel;
  const seconds = options.slowThresholdMs / 1000;
  const scoped = (inner: string | undefined) => {
    if (services.length === 0) return inner ?? '';
    const names = services.map((s) => options.serviceNames[s] ?? s);
    if (label) {
      const who = names.map((n) => `annotation.${label} = ${quote(n)}`).join(' OR ');
      return inner ? `(${who}) AND (${inner})` : who;
    }
    return names.map((n) => `service(${quote(n)})${inner ? ` { ${inner} }` : ''}`).join(' OR ');
  };
  const candidates = plan.correlation.traceIds.map((id) => [id, toXRayId(id)] as const);
  return {
    searches: [
      { kind: 'errors', filter: scoped('fault = true OR error = true'), share: 0.4 },
      { kind: 'slow', filter: scoped(`responsetime > ${seconds}`), share: 0.3 },
      { kind: 'baseline', filter: scoped(undefined), share: 0.3 },
    ],
    ranges: rangesOf(plan.window),
    traceIds: [...new Set(candidates.flatMap(([, x]) => (x ? [x] : [])))],
    invalidTraceIds: candidates.filter(([, x]) => !x).map(([id]) => id),
    services,
    droppedServices: all.length - services.length,
  };
}

const hhmm = (iso: string) => iso.slice(11, 16);

/** What was searched, as a person would type it into the X-Ray console. */
export function describeRequest(plan: EvidencePlan, request: XRayRequest): string {
  const ids = request.traceIds.length > 0 ? ` plus traces ${request.traceIds.join(', ')}` : '';
  const text = `X-Ray GetTraceSummaries ${request.searches.slice(0, 2).map((s) => s.filter || '(all traces)').join(' | ')} over ${hhmm(plan.window.from)}–${hhmm(plan.window.to)}Z${ids}`;
  return text.length > 4000 ? `${text.slice(0, 3997)}...` : text;
}
