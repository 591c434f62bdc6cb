import type { EvidencePlan } from '../../contracts/index.js';
import { quote } from '../grafana-common.js';
import type { TempoOptions } from './options.js';

/** Failed or slow spans of one service (of any service when undefined). */
export function traceql(attribute: string, service: string | undefined, slowThresholdMs: number): string {
  const interesting = `status = error || duration > ${slowThresholdMs}ms`;
  return service === undefined ? `{ ${interesting} }` : `{ ${attribute} = ${quote(service)} && (${interesting}) }`;
}

/** `/api/search` over the plan's window, in the seconds Tempo takes. */
export function searchUrl(base: string, plan: EvidencePlan, q: string, options: Pick<TempoOptions, 'searchLimit' | 'spansPerSpanSet'>): string {
  const params = new URLSearchParams({
    q,
    start: String(Math.floor(Date.parse(plan.window.from) / 1000)),
    end: String(Math.ceil(Date.parse(plan.window.to) / 1000)),
    limit: String(options.searchLimit),
    spss: String(options.spansPerSpanSet),
  });
  return `${base}/api/search?${params.toString()}`;
}

/** `/api/traces/<id>`: the whole trace as OTLP JSON. */
export const traceUrl = (base: string, traceId: string): string => `${base}/api/traces/${encodeURIComponent(traceId)}`;

/** Trace ids as one spelling: lower-case hex, padded to 32 (Tempo's search may drop leading zeros). */
export const normalizeTraceId = (id: string): string => id.toLowerCase().padStart(id.length <= 16 ? 16 : 32, '0');

/** The services to search, focus service first, bounded. */
export function servicesOf(plan: EvidencePlan, maxServices: number): { services: string[]; omitted: string[] } {
  const all = [...new Set([...(plan.focusService ? [plan.focusService] : []), ...plan.services])];
  return { services: all.slice(0, maxServices), omitted: all.slice(maxServices) };
}
