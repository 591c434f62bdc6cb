import { readFile, stat } from 'node:fs/promises';
import { resolveScenarioTime, Scenario, ScenarioEvidence } from '../../contracts/index.js';
import { ConfigurationError, fromZodError } from '../../shared/errors.js';

/** One entry of a scenario's `evidence.logs`, as the format defines it. */
const ScenarioLog = ScenarioEvidence.shape.logs.unwrap().element;
export type ScenarioLog = ReturnType<typeof ScenarioLog.parse>;

type Level = ScenarioLog['level'];
const LEVELS: readonly Level[] = ['debug', 'info', 'warn', 'error', 'fatal'];

/**
 * A scenario's logs in columns: a 1M-line scenario is a million log objects, each with its
 * time as a string; held as rows they cost several hundred MB, as columns (times as numbers,
 * services and levels as indexes, the message and trace id the only strings) a fraction.
 * Attributes are not kept: no plan queries them.
 */
export interface CompactLogs {
  length: number;
  atMs: Float64Array;
  service: Uint32Array;
  level: Uint8Array;
  message: string[];
  /** Trace ids by line, only for the lines that have one. */
  traceId: Map<number, string>;
  /** The distinct service names `service` indexes. */
  services: string[];
  levels: readonly Level[];
}

/** A scenario's evidence with every time resolved to epoch ms, ready to filter by window. */
export interface LoadedScenario {
  name: string;
  atMs: number;
  /** The evidence but its logs, which are in `logs`. */
  evidence: Omit<ScenarioEvidence, 'logs'>;
  logs: CompactLogs;
  /** `time(value)` resolves a scenario time (ISO or offset from `at`). */
  time: (value: string) => number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Finds the `evidence.logs` array of a scenario document without parsing it: the byte
 * offsets of its `[` and `]`, or undefined when the document has none (or is not JSON
 * enough to tell). One pass over the bytes, keeping only the keys of the two levels above.
 */
function locateLogs(bytes: Uint8Array): { open: number; close: number } | undefined {
  let depth = 0;
  const keys: (string | undefined)[] = [];
  let lastString: [number, number] | undefined;
  let open = -1;
  let found: { open: number; close: number } | undefined;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === QUOTE) {
      const from = i + 1;
      for (i = from; i < bytes.length && bytes[i] !== QUOTE; i++) if (bytes[i] === BACKSLASH) i++;
      lastString = [from, i];
    } else if (c === 0x3a /* : */) {
      keys[depth] = lastString && depth <= 2 ? Buffer.from(bytes.buffer, bytes.byteOffset + lastString[0], lastString[1] - lastString[0]).toString('utf8') : undefined;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (c === 0x5b && depth === 2 && keys[1] === 'evidence' && keys[2] === 'logs') open = i;
      depth++;
      keys[depth] = undefined;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
      if (depth < 0) return undefined;
      if (c === 0x5d && depth === 2 && open >= 0) {
        found = { open, close: i };
        open = -1;
      }
    } else if (c === 0x2c /* , */) {
      keys[depth] = undefined;
    }
  }
  return depth === 0 ? found : undefined;
}

/** The elements of the JSON array between `open` and `close`, each parsed on its own. */
function* arrayElements(bytes: Uint8Array, open: number, close: number): Generator<unknown> {
  const text = (from: number, to: number) => Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('utf8');
  let depth = 0;
  let start = open + 1;
  for (let i = start; i < close; i++) {
    const c = bytes[i];
    if (c === QUOTE) {
      for (i++; i < close && bytes[i] !== QUOTE; i++) if (bytes[i] === BACKSLASH) i++;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x2c && depth === 0) {
      yield JSON.parse(text(start, i));
      start = i + 1;
    }
  }
  const last = text(start, close);
  if (last.trim() !== '' || start !== open + 1) yield JSON.parse(last);
}

/** A scenario checked but for its logs, and its logs, each checked as it is read. */
export interface ScenarioReader {
  /** The scenario without `evidence.logs`. */
  scenario: Scenario;
  /** The logs, one checked entry at a time; a PayloadValidationError names the first bad one (`scenario.evidence.logs.3.level`), a SyntaxError one that is not JSON. */
  logs(): Generator<ScenarioLog>;
}

/**
 * Reads a scenario document, checked as `Scenario.parse` checks it, without ever holding
 * its logs whole: a 1M-line file parsed at once is its text as a string (twice the bytes
 * when one character is not ASCII) and a million objects besides. The logs array is found
 * in the bytes and left out of the parse; each entry is parsed and checked when `logs()`
 * reaches it. Throws a SyntaxError when the document is not JSON, a PayloadValidationError
 * naming the first bad field (`scenario.at`) when it is not a scenario.
 */
export function readScenario(bytes: Uint8Array): ScenarioReader {
  const at = locateLogs(bytes);
  const text = (from: number, to: number) => Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('utf8');
  const json = (at ? JSON.parse(`${text(0, at.open)}[]${text(at.close + 1, bytes.length)}`) : JSON.parse(text(0, bytes.length))) as unknown;
  const parsed = Scenario.safeParse(json);
  if (!parsed.success) throw fromZodError(parsed.error, 'scenario');
  const { logs: inline, ...evidence } = parsed.data.evidence;
  const scenario = { ...parsed.data, evidence };
  function* logs(): Generator<ScenarioLog> {
    if (!at) return yield* inline ?? [];
    let i = 0;
    for (const raw of arrayElements(bytes, at.open, at.close)) {
      const log = ScenarioLog.safeParse(raw);
      if (!log.success) throw fromZodError({ issues: log.error.issues.map((issue) => ({ ...issue, path: ['evidence', 'logs', i, ...issue.path] })) }, 'scenario');
      i++;
      yield log.data;
    }
  }
  return { scenario, logs };
}

/** Collects log entries into columns, growing them as lines arrive. */
class LogColumns {
  private length = 0;
  private atMs = new Float64Array(1024);
  private service = new Uint32Array(1024);
  private level = new Uint8Array(1024);
  private readonly message: string[] = [];
  private readonly traceId = new Map<number, string>();
  private readonly serviceIndex = new Map<string, number>();

  constructor(private readonly atOf: (value: string) => number) {}

  add(log: ScenarioLog): void {
    if (this.length === this.atMs.length) this.grow();
    const i = this.length++;
    this.atMs[i] = this.atOf(log.at);
    let service = this.serviceIndex.get(log.service);
    if (service === undefined) this.serviceIndex.set(log.service, (service = this.serviceIndex.size));
    this.service[i] = service;
    this.level[i] = LEVELS.indexOf(log.level);
    this.message.push(log.message);
    if (log.traceId) this.traceId.set(i, log.traceId);
  }

  private grow(): void {
    const size = this.atMs.length * 2;
    const atMs = new Float64Array(size);
    atMs.set(this.atMs);
    const service = new Uint32Array(size);
    service.set(this.service);
    const level = new Uint8Array(size);
    level.set(this.level);
    Object.assign(this, { atMs, service, level });
  }

  done(): CompactLogs {
    const n = this.length;
    return { length: n, atMs: this.atMs.slice(0, n), service: this.service.slice(0, n), level: this.level.slice(0, n), message: this.message, traceId: this.traceId, services: [...this.serviceIndex.keys()], levels: LEVELS };
  }
}

/** Files kept parsed: the plans of one investigation all read one file; an eval reads its files one after another. */
const CACHED_FILES = 8;
const cache = new Map<string, { mtimeMs: number; size: number; scenario: Promise<LoadedScenario> }>();

async function parseScenario(path: string): Promise<LoadedScenario> {
  let reader: ScenarioReader;
  let columns: LogColumns;
  try {
    reader = readScenario(await readFile(path));
    const atMs = Date.parse(reader.scenario.at);
    // Log times are mostly distinct offsets: resolved straight into the column, not memoized.
    columns = new LogColumns((value) => resolveScenarioTime(value, atMs));
    for (const log of reader.logs()) columns.add(log);
  } catch (error) {
    if (error instanceof SyntaxError) throw new ConfigurationError(`scenario file is not valid JSON: ${path}`, { cause: error });
    throw error;
  }
  const atMs = Date.parse(reader.scenario.at);
  const memo = new Map<string, number>();
  const time = (value: string) => {
    let ms = memo.get(value);
    if (ms === undefined) memo.set(value, (ms = resolveScenarioTime(value, atMs)));
    return ms;
  };
  return { name: reader.scenario.name, atMs, evidence: reader.scenario.evidence, logs: columns.done(), time };
}

/**
 * Reads and validates a scenario file, cached by path and modification time so a warm
 * Lambda or a long eval run parses each file once, yet an edited file is re-read. The
 * cache holds the load itself, so the plans of one investigation, which all query at
 * once, share one parse of the file instead of each parsing it (a 1M-line file is several
 * hundred MB parsed); a failed load is forgotten, so the next call tries again.
 */
export async function loadScenario(path: string): Promise<LoadedScenario> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new ConfigurationError(`scenario file not readable: ${path}`, { cause: error });
  }
  const hit = cache.get(path);
  if (hit && hit.mtimeMs === info.mtimeMs && hit.size === info.size) return hit.scenario;
  const scenario = parseScenario(path);
  cache.delete(path);
  cache.set(path, { mtimeMs: info.mtimeMs, size: info.size, scenario });
  while (cache.size > CACHED_FILES) cache.delete(cache.keys().next().value!);
  scenario.catch(() => {
    if (cache.get(path)?.scenario === scenario) cache.delete(path);
  });
  return scenario;
}
