import type { EvidencePlan } from '../../contracts/index.js';
import { DEFAULT_SERVICE_FIELD, type OpenSearchOptions } from './options.js';

/*
 * The canonical log plan as an OpenSearch / Elasticsearch `_search` body: a bool filter
 * on the time range, the services (through the tenant's service field) and the level.
 * Warn and error lines are read newest first, paged with `search_after`; the rest is a
 * seeded random sample, so the same plan always sends the same bytes (golden runs).
 */

/** Level values that count as warn or worse, in the spellings log libraries use. */
export const PROBLEM_LEVELS = ['fatal', 'FATAL', 'critical', 'CRITICAL', 'error', 'ERROR', 'Error', 'err', 'ERR', 'warn', 'WARN', 'Warn', 'warning', 'WARNING', 'Warning'];

/** A fixed seed: the sample is random across time yet the request is reproducible. */
const SAMPLE_SEED = 20_240_601;

export type SearchAfter = readonly unknown[];

export const serviceField = (plan: EvidencePlan) => plan.backend.serviceLabel ?? DEFAULT_SERVICE_FIELD;

/** The planned services, the alerting one first; empty means every service. */
export const servicesOf = (plan: EvidencePlan): string[] => [...new Set([...(plan.focusService ? [plan.focusService] : []), ...plan.services])];

function filters(plan: EvidencePlan, options: OpenSearchOptions): unknown[] {
  const services = servicesOf(plan);
  return [
    { range: { [options.timestampField]: { gte: plan.window.from, lte: plan.window.to, format: 'strict_date_optional_time' } } },
    ...(services.length > 0 ? [{ terms: { [serviceField(plan)]: services } }] : []),
  ];
}

const sourceFields = (plan: EvidencePlan, o: OpenSearchOptions) => [o.timestampField, o.messageField, o.levelField, serviceField(plan), o.traceIdField];

/** One page of warn/error lines, newest first; later pages pass the last hit's `sort` as `search_after`. */
export function problemsBody(plan: EvidencePlan, options: OpenSearchOptions, after?: SearchAfter): Record<string, unknown> {
  return {
    size: options.pageSize,
    track_total_hits: after === undefined,
    _source: sourceFields(plan, options),
    query: { bool: { filter: [...filters(plan, options), { terms: { [options.levelField]: PROBLEM_LEVELS } }] } },
    sort: [{ [options.timestampField]: { order: 'desc' } }, { _doc: { order: 'asc' } }],
    ...(after ? { search_after: after } : {}),
  };
}

/** A seeded random sample of the lines below warn, with their total. */
export function sampleBody(plan: EvidencePlan, options: OpenSearchOptions): Record<string, unknown> {
  return {
    size: options.sampleSize,
    track_total_hits: true,
    _source: sourceFields(plan, options),
    query: {
      function_score: {
        query: { bool: { filter: filters(plan, options), must_not: [{ terms: { [options.levelField]: PROBLEM_LEVELS } }] } },
        random_score: { seed: SAMPLE_SEED, field: '_seq_no' },
        boost_mode: 'replace',
      },
    },
  };
}

export const searchUrl = (endpoint: string, options: OpenSearchOptions) => `${endpoint}/${options.index}/_search`;

const rison = (s: string) => `'${s.replace(/!/g, '!!').replace(/'/g, "!'")}'`;

/** The KQL a person would type in Discover for these services. */
export function kql(plan: EvidencePlan): string {
  const services = servicesOf(plan);
  return services.length === 0 ? '' : `${serviceField(plan)}:(${services.map((s) => JSON.stringify(s)).join(' or ')})`;
}

/** An OpenSearch Dashboards / Kibana Discover link for the services and window, when a UI is configured. */
export function discoverLink(plan: EvidencePlan, options: OpenSearchOptions): string | undefined {
  if (!options.uiUrl) return undefined;
  const g = `(time:(from:${rison(plan.window.from)},to:${rison(plan.window.to)}))`;
  const link = (query: string) => {
    const a = `(${options.dataViewId ? `index:${rison(options.dataViewId)},` : ''}query:(language:kuery,query:${rison(query)}))`;
    return `${options.uiUrl!.replace(/\/+$/, '')}/app/discover#/?_g=${encodeURIComponent(g)}&_a=${encodeURIComponent(a)}`;
  };
  const full = link(kql(plan));
  return full.length <= 2048 ? full : link('');
}

const hhmm = (iso: string) => iso.slice(11, 16);

/** The search in words: where, which services, which levels, which range. */
export function describeSearch(plan: EvidencePlan, options: OpenSearchOptions): string {
  const who = kql(plan) || 'all services';
  const sample = options.sampleSize > 0 ? ` plus a sample of ${options.sampleSize} other lines` : '';
  const range = `${options.timestampField} over ${hhmm(plan.window.from)}–${hhmm(plan.window.to)}Z`;
  return `${options.index}: ${range}: ${options.levelField} warn/error (up to ${options.maxPages * options.pageSize} lines, newest first)${sample}; ${who}`.slice(0, 4000);
}
