import type { ResultField } from '@aws-sdk/client-cloudwatch-logs';
import type { LogLevel, RawLogLine } from '../shared/logs.js';
import type { LogsRequest } from './translate.js';

/*
 * Logs Insights rows (arrays of `{ field, value }`) → raw lines for the template miner:
 * the time, the service (from the group it came from, or the service field of a shared
 * group), the level (from the level field, else read from the message) and the trace id.
 */

const LEVELS: [RegExp, LogLevel][] = [
  [/^(fatal|critical|crit|emerg(ency)?|alert|panic|severe)$/i, 'fatal'],
  [/^(error|err|e)$/i, 'error'],
  [/^(warn|warning|w)$/i, 'warn'],
  [/^(debug|trace|verbose|d|t)$/i, 'debug'],
  [/^(info|information|notice|i)$/i, 'info'],
];
const IN_MESSAGE: [RegExp, LogLevel][] = [
  [/\b(FATAL|CRITICAL|PANIC)\b/, 'fatal'],
  [/\b(ERROR|Exception|Traceback)\b|\bTask timed out\b/, 'error'],
  [/\bWARN(ING)?\b/, 'warn'],
  [/\b(DEBUG|TRACE)\b/, 'debug'],
];

/** The level a line was logged at: the level field when it names one, else the first level word in the message. */
export function levelOf(value: string | undefined, message: string): LogLevel {
  const v = value?.trim();
  if (v) for (const [re, level] of LEVELS) if (re.test(v)) return level;
  for (const [re, level] of IN_MESSAGE) if (re.test(message.slice(0, 300))) return level;
  return 'info';
}

/** Logs Insights writes `@timestamp` as `2026-06-01 08:59:01.123` in UTC. */
export function timestampOf(value: string | undefined): number {
  if (!value) return Number.NaN;
  return Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value.replace(' ', 'T') : `${value.replace(' ', 'T')}Z`);
}

/** `@log` is `account-id:log-group-name`. */
const groupOf = (log: string | undefined) => (log ? log.slice(log.indexOf(':') + 1) : undefined);

/** Turns one row into a line, or undefined when it has no time or belongs to no planned service. */
export function toLine(row: ResultField[], request: LogsRequest, fields: { level: string; traceId: string }): { line: RawLogLine; ptr?: string } | undefined {
  const get = (name: string) => row.find((f) => f.field === name)?.value;
  const atMs = timestampOf(get('@timestamp'));
  if (!Number.isFinite(atMs)) return undefined;
  const group = groupOf(get('@log'));
  const fromGroup = group !== undefined ? request.groups.get(group) : undefined;
  const named = get(request.serviceField);
  const service = fromGroup ?? (named && (request.services.length === 0 || request.services.includes(named)) ? named : request.groups.size === 1 ? [...request.groups.values()][0] : undefined);
  if (!service) return undefined;
  const message = get('@message') ?? '';
  const traceId = get(fields.traceId);
  const ptr = get('@ptr');
  return { line: { atMs, service, level: levelOf(get(fields.level), message), message, ...(traceId ? { traceId: traceId.slice(0, 128) } : {}) }, ...(ptr ? { ptr } : {}) };
}
