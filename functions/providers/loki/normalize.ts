import type { LogLevel, RawLogLine } from '../shared/logs.js';
import type { Streams } from './client.js';

/** One entry as read, before it is folded: the exact ns time kept for pagination. */
export interface LokiEntry {
  ns: bigint;
  key: string;
  line: RawLogLine;
}

const LEVELS: [RegExp, LogLevel][] = [
  [/^(fatal|crit|critical|panic|emerg|emergency|alert)$/i, 'fatal'],
  [/^(err|error|eror)$/i, 'error'],
  [/^(warn|warning)$/i, 'warn'],
  [/^(debug|dbug|trace|trc)$/i, 'debug'],
  [/^(info|inf|information|notice)$/i, 'info'],
];

const LEVEL_LABELS = ['level', 'detected_level', 'severity', 'lvl', 'severity_text'];

export function levelOf(value: string | undefined): LogLevel | undefined {
  if (!value) return undefined;
  return LEVELS.find(([re]) => re.test(value.trim()))?.[1];
}

/** The level a line states itself: `level=error`, `"level":"error"`, or a leading `ERROR` / `[WARN]`. */
function levelInLine(line: string): LogLevel | undefined {
  const field = /\b(?:level|lvl|severity)["']?\s*[:=]\s*["']?([A-Za-z]+)/i.exec(line);
  if (field) return levelOf(field[1]);
  const lead = /^\W{0,3}(?:\S+\s+){0,2}\[?([A-Z]{4,9})\]?[\s:]/.exec(line);
  return lead ? levelOf(lead[1]) : undefined;
}

const TRACE_IN_LINE = /\btrace[_-]?id["']?\s*[:=]\s*["']?([0-9a-fA-F]{16,32})\b/i;

function metadataString(meta: Record<string, unknown> | undefined, ...keys: string[]): string | undefined {
  for (const k of keys) if (typeof meta?.[k] === 'string') return meta[k] as string;
  return undefined;
}

/** A JSON line says what happened in `msg` or `message`; templates are mined from that, not from the whole object. */
function messageOf(line: string): string {
  if (!line.startsWith('{')) return line;
  try {
    const parsed = JSON.parse(line) as Record<string, unknown>;
    const msg = parsed.msg ?? parsed.message;
    const err = parsed.error ?? parsed.err;
    return typeof msg === 'string' ? (typeof err === 'string' ? `${msg}: ${err}` : msg) : line;
  } catch {
    return line;
  }
}

/**
 * Streams → entries of one service (or, when `service` is undefined, of the service the
 * stream's label names). The level comes from the stream labels, then the structured
 * metadata, then the line itself; a line that names none is `info`.
 */
export function entriesOf(data: Streams, serviceLabel: string, service: string | undefined): LokiEntry[] {
  const out: LokiEntry[] = [];
  for (const { stream, values } of data.result) {
    const streamKey = Object.entries(stream).sort().map(([k, v]) => `${k}=${v}`).join(',');
    const streamLevel = LEVEL_LABELS.map((l) => levelOf(stream[l])).find(Boolean);
    const owner = service ?? stream[serviceLabel] ?? 'unknown';
    for (const [ts, line, meta] of values) {
      const ns = BigInt(ts);
      const level = streamLevel ?? levelOf(metadataString(meta, ...LEVEL_LABELS)) ?? levelInLine(line) ?? 'info';
      const traceId = metadataString(meta, 'trace_id', 'traceID', 'traceId') ?? TRACE_IN_LINE.exec(line)?.[1];
      out.push({ ns, key: `${streamKey}\u0000${ts}\u0000${line}`, line: { atMs: Number(ns / 1_000_000n), service: owner, level, message: messageOf(line), ...(traceId ? { traceId: traceId.toLowerCase() } : {}) } });
    }
  }
  return out;
}
