import { z } from 'zod';
import { BackendQueryError, BackendResponseError } from '../../shared/http-client.js';
import type { LogLevel, RawLogLine } from '../shared/logs.js';
import type { OpenSearchOptions } from './options.js';

/*
 * A `_search` response (OpenSearch 1/2, Elasticsearch 7/8) to raw log lines for the
 * template miner, plus what makes the answer partial: a backend timeout, failed shards.
 */

const Hit = z.object({ _id: z.string().optional(), _source: z.record(z.string(), z.unknown()).default({}), sort: z.array(z.unknown()).optional() });

const SearchResponse = z.object({
  timed_out: z.boolean().optional(),
  _shards: z.object({ total: z.number().optional(), failed: z.number().optional(), failures: z.array(z.object({ index: z.string().nullish(), reason: z.object({ type: z.string().optional(), reason: z.string().nullish() }).optional() })).optional() }).optional(),
  hits: z.object({ total: z.union([z.number(), z.object({ value: z.number(), relation: z.string() })]).optional(), hits: z.array(Hit) }),
});

const ErrorBody = z.object({ error: z.union([z.string(), z.object({ type: z.string().optional(), reason: z.string().nullish() })]), status: z.number().optional() });

export interface SearchPage {
  hits: z.infer<typeof Hit>[];
  /** Matching documents; `exact` is false when the backend only counted to a bound (`relation: "gte"`). */
  total?: { value: number; exact: boolean };
  partial: string[];
}

/** Reads one page; an `error` body means the search failed even if the status was 2xx (some proxies do that). */
export function readSearch(body: unknown, where: string): SearchPage {
  const failed = ErrorBody.safeParse(body);
  if (failed.success) {
    const e = failed.data.error;
    throw new BackendQueryError(`${where}: ${typeof e === 'string' ? e : `${e.type ?? 'error'}: ${e.reason ?? ''}`}`.slice(0, 500));
  }
  const parsed = SearchResponse.safeParse(body);
  if (!parsed.success) throw new BackendResponseError(`${where}: the body is not a _search response`);
  const { hits, timed_out, _shards } = parsed.data;
  const partial: string[] = [];
  if (timed_out) partial.push('the search timed out in the backend, so its hits are partial');
  if (_shards?.failed) {
    const reason = _shards.failures?.[0]?.reason;
    partial.push(`${_shards.failed} of ${_shards.total ?? '?'} shards failed${reason ? ` (${reason.type ?? ''}: ${reason.reason ?? ''})` : ''}, so the hits are partial`);
  }
  const total = hits.total === undefined ? undefined : typeof hits.total === 'number' ? { value: hits.total, exact: true } : { value: hits.total.value, exact: hits.total.relation === 'eq' };
  return { hits: hits.hits, ...(total ? { total } : {}), partial };
}

/** A field by dotted path, whether the document stores it flat (`"log.level"`) or nested (`log: { level }`), or a mix. */
export function fieldAt(source: unknown, path: string): unknown {
  if (source === null || typeof source !== 'object') return undefined;
  const record = source as Record<string, unknown>;
  if (path in record) return record[path];
  const parts = path.split('.');
  for (let i = parts.length - 1; i >= 1; i--) {
    const head = parts.slice(0, i).join('.');
    if (head in record) return fieldAt(record[head], parts.slice(i).join('.'));
  }
  return undefined;
}

const PINO_LEVELS: [number, LogLevel][] = [[60, 'fatal'], [50, 'error'], [40, 'warn'], [30, 'info'], [0, 'debug']];

/** A level in any common spelling (or a pino/bunyan number) to the canonical five. */
export function toLevel(value: unknown): LogLevel {
  if (typeof value === 'number') return PINO_LEVELS.find(([min]) => value >= min)![1];
  const v = String(value ?? '').toLowerCase();
  if (/^(fatal|crit|emerg|alert|panic)/.test(v)) return 'fatal';
  if (v.startsWith('err') || v === 'severe') return 'error';
  if (v.startsWith('warn')) return 'warn';
  if (v.startsWith('debug') || v.startsWith('trace') || v === 'fine' || v === 'finest') return 'debug';
  return 'info';
}

/** A hit as a raw line, or undefined when it has no usable timestamp. */
export function toLine(source: Record<string, unknown>, options: OpenSearchOptions, serviceField: string, fallbackService: string): RawLogLine | undefined {
  const ts = fieldAt(source, options.timestampField);
  const atMs = typeof ts === 'number' ? ts : Date.parse(String(ts));
  if (!Number.isFinite(atMs)) return undefined;
  const message = fieldAt(source, options.messageField);
  const service = fieldAt(source, serviceField);
  const traceId = fieldAt(source, options.traceIdField);
  return {
    atMs,
    service: typeof service === 'string' && service.length > 0 ? service.slice(0, 200) : fallbackService,
    level: toLevel(fieldAt(source, options.levelField)),
    message: typeof message === 'string' ? message : message === undefined ? '(no message)' : JSON.stringify(message),
    ...(typeof traceId === 'string' && traceId.length > 0 ? { traceId: traceId.slice(0, 128) } : {}),
  };
}
