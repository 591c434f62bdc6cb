import type { EvidencePlan } from '../../contracts/index.js';
import { quote } from '../grafana-common.js';
import type { LokiOptions } from './options.js';

/** Nanoseconds since the epoch, as Loki takes and returns them. */
export const toNs = (ms: number): bigint => BigInt(ms) * 1_000_000n;

/** The stream selector of one service: `{service_name="checkout", namespace="shop"}`. */
export function selector(label: string, service: string, options: Pick<LokiOptions, 'extraMatchers'>): string {
  const extra = options.extraMatchers?.trim();
  return `{${label}=${quote(service)}${extra ? `, ${extra}` : ''}}`;
}

/** The stream selector of every service at once, for plans that name none. */
export const anyService = (label: string): string => `{${label}=~".+"}`;

/** The warn/error line filter; a backtick raw string keeps RE2 escapes as written. */
export function lineFilter(options: Pick<LokiOptions, 'errorFilter'>): string {
  return `|~ ${options.errorFilter.includes('`') ? quote(options.errorFilter) : `\`${options.errorFilter}\``}`;
}

/** The services a plan did not list, read together when it asks for `unlisted` ones. */
export interface Others {
  except: readonly string[];
}

/** What one read selects: one service, every service (undefined), or every service but the listed ones. */
export type Target = string | undefined | Others;

const regexLiteral = (s: string) => s.replace(/[\\^$.*+?()[\]{}|]/g, (c) => `\\${c}`);

/** The stream selector of every service but `except`, with the extra matchers. */
export function othersSelector(label: string, except: readonly string[], options: Pick<LokiOptions, 'extraMatchers'>): string {
  const extra = options.extraMatchers?.trim();
  return `{${label}=~".+", ${label}!~${quote(`^(${except.map(regexLiteral).join('|')})$`)}${extra ? `, ${extra}` : ''}}`;
}

/** Every line of the target, or only lines matching the error filter. */
export function logql(label: string, target: Target, options: Pick<LokiOptions, 'extraMatchers' | 'errorFilter'>, errorsOnly: boolean): string {
  const base = target === undefined ? anyService(label) : typeof target === 'string' ? selector(label, target, options) : othersSelector(label, target.except, options);
  return errorsOnly ? `${base} ${lineFilter(options)}` : base;
}

/** The `/loki/api/v1/query_range` URL for one page, newest lines first; `end` is exclusive. */
export function rangeUrl(base: string, query: string, startNs: bigint, endNs: bigint, limit: number): string {
  const params = new URLSearchParams({ query, start: String(startNs), end: String(endNs), limit: String(limit), direction: 'backward' });
  return `${base}/loki/api/v1/query_range?${params.toString()}`;
}

/** The services to read, focus service first, bounded. */
export function servicesOf(plan: EvidencePlan, maxServices: number): { services: string[]; omitted: string[] } {
  const all = [...new Set([...(plan.focusService ? [plan.focusService] : []), ...plan.services])];
  return { services: all.slice(0, maxServices), omitted: all.slice(maxServices) };
}
