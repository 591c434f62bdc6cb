import type { LogPattern } from '../../contracts/index.js';
import type { Ranked } from './budget.js';
import { stepIndex, subGrid, type TimeGrid } from './grid.js';
import { rateChange } from './stats.js';

/*
 * Drain-like template mining: lines of one service and level are masked (numbers, ids,
 * hex, UUIDs become <*>), then grouped by token count and first token, and merged into
 * the most similar template when at least half their tokens agree. An exact-match cache
 * on the masked line keeps the cost linear for the millions of repeats real logs have.
 */

export type LogLevel = LogPattern['level'];

export interface RawLogLine {
  atMs: number;
  service: string;
  level: LogLevel;
  message: string;
  traceId?: string;
}

const WILDCARD = '<*>';
const SIMILARITY = 0.5;
/** A group holding this many templates stops growing; new lines join their nearest template. */
const MAX_TEMPLATES_PER_GROUP = 64;
const EXEMPLAR_CHARS = 200;

const MASKS: [RegExp, string][] = [
  [/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, WILDCARD],
  [/\b(?:0x)?[0-9a-f]*\d[0-9a-f]*[a-f][0-9a-f]*\b/gi, WILDCARD],
  [/\d+(?:[.:,/-]\d+)*/g, WILDCARD],
];

/** Replaces the variable parts of a line; what is left is the line's candidate template. */
export function maskLine(message: string): string {
  let out = message.length > 1000 ? message.slice(0, 1000) : message;
  for (const [re, by] of MASKS) out = out.replace(re, by);
  return out;
}

interface Cluster {
  service: string;
  level: LogLevel;
  tokens: string[];
  count: number;
  firstMs: number;
  lastMs: number;
  counts: Uint32Array;
  exemplars: { at: string; message: string; traceId?: string }[];
  lastExemplar?: { at: string; message: string; traceId?: string };
}

function similarity(template: readonly string[], tokens: readonly string[]): number {
  let same = 0;
  for (let i = 0; i < tokens.length; i++) if (template[i] === tokens[i] || template[i] === WILDCARD || tokens[i] === WILDCARD) same++;
  return same / Math.max(1, tokens.length);
}

/** Streams lines into templates. Call `add` per line, then `patterns`. */
export class TemplateMiner {
  private readonly groups = new Map<string, Cluster[]>();
  private readonly exact = new Map<string, Cluster>();
  readonly clusters: Cluster[] = [];
  lines = 0;
  readonly grid: TimeGrid;

  /** Counts are kept per step of `grid` as lines arrive, so memory does not grow with the number of lines. */
  constructor(grid: TimeGrid) {
    this.grid = grid;
  }

  minMs = Infinity;
  maxMs = -Infinity;

  add(line: RawLogLine): void {
    this.lines++;
    if (line.atMs < this.minMs) this.minMs = line.atMs;
    if (line.atMs > this.maxMs) this.maxMs = line.atMs;
    const masked = maskLine(line.message);
    const exactKey = `${line.service}\u0000${line.level}\u0000${masked}`;
    let cluster = this.exact.get(exactKey);
    if (!cluster) {
      cluster = this.match(line, masked.split(/\s+/).filter(Boolean));
      this.exact.set(exactKey, cluster);
    }
    this.record(cluster, line);
  }

  private match(line: RawLogLine, tokens: string[]): Cluster {
    const head = tokens[0] && !tokens[0].includes(WILDCARD) ? tokens[0] : WILDCARD;
    const key = `${line.service}\u0000${line.level}\u0000${tokens.length}\u0000${head}`;
    const group = this.groups.get(key) ?? [];
    this.groups.set(key, group);
    let best: Cluster | undefined;
    let bestSim = -1;
    for (const c of group) {
      const sim = similarity(c.tokens, tokens);
      if (sim > bestSim) [best, bestSim] = [c, sim];
    }
    if (best && (bestSim >= SIMILARITY || group.length >= MAX_TEMPLATES_PER_GROUP)) {
      best.tokens = best.tokens.map((t, i) => (t === tokens[i] ? t : WILDCARD));
      return best;
    }
    const created: Cluster = { service: line.service, level: line.level, tokens, count: 0, firstMs: line.atMs, lastMs: line.atMs, counts: new Uint32Array(this.grid.length), exemplars: [] };
    group.push(created);
    this.clusters.push(created);
    return created;
  }

  private record(c: Cluster, line: RawLogLine): void {
    c.count++;
    c.firstMs = Math.min(c.firstMs, line.atMs);
    c.lastMs = Math.max(c.lastMs, line.atMs);
    const step = stepIndex(this.grid, line.atMs);
    if (step >= 0) c.counts[step]! += 1;
    const ex = { at: new Date(line.atMs).toISOString(), message: line.message.slice(0, EXEMPLAR_CHARS), ...(line.traceId ? { traceId: line.traceId } : {}) };
    if (c.exemplars.length < 2) c.exemplars.push(ex);
    else if (line.atMs >= c.lastMs) c.lastExemplar = ex;
  }
}

const LEVEL_WEIGHT: Record<LogLevel, number> = { fatal: 3, error: 3, warn: 1.5, info: 0, debug: 0 };

/** A pattern's standing in the reference: how many lines of its template, and at what rate. */
type ReferenceCount = NonNullable<LogPattern['reference']>;

/**
 * Mines the reference lines with the same template rules and answers, for a template of
 * the incident, how often it appeared there: undefined when the reference holds no line
 * of that service at all (nothing to compare with), `count` 0 when the service logged
 * but never this template. The rate is over the span the reference lines cover.
 */
function referenceLookup(reference: readonly RawLogLine[]): (service: string, level: LogLevel, tokens: readonly string[]) => ReferenceCount | undefined {
  if (reference.length === 0) return () => undefined;
  const miner = new TemplateMiner({ startMs: 0, stepMs: 1, length: 1 });
  for (const line of reference) miner.add(line);
  const minutes = Math.max(1, (miner.maxMs - miner.minMs) / 60_000);
  const byKey = new Map<string, { tokens: string[]; count: number }[]>();
  const services = new Set<string>();
  for (const c of miner.clusters) {
    services.add(c.service);
    const key = `${c.service}\u0000${c.level}\u0000${c.tokens.length}`;
    const list = byKey.get(key) ?? [];
    list.push({ tokens: c.tokens, count: c.count });
    byKey.set(key, list);
  }
  return (service, level, tokens) => {
    if (!services.has(service)) return undefined;
    const count = (byKey.get(`${service}\u0000${level}\u0000${tokens.length}`) ?? []).filter((r) => similarity(r.tokens, tokens) >= SIMILARITY).reduce((n, r) => n + r.count, 0);
    return { count, perMinute: Number((count / minutes).toPrecision(3)) };
  };
}

/**
 * Turns mined templates into patterns on the miner's grid, trimmed to the steps where
 * any line was seen (the same span for every pattern, so they compare), and ranks them:
 * errors and patterns whose rate changed near the alert first, steady chatter last.
 * With `reference` lines (the same query over healthy windows), each pattern says how
 * often its template appeared there; an error template the healthy period never had
 * ranks above one it always had.
 */
export function logPatterns(miner: TemplateMiner, alertAtMs: number, link?: string, reference: readonly RawLogLine[] = []): Ranked<LogPattern>[] {
  if (miner.lines === 0) return [];
  const grid = miner.grid;
  const from = Math.max(0, stepIndex(grid, miner.minMs));
  const toRaw = stepIndex(grid, miner.maxMs);
  const to = toRaw < 0 ? grid.length - 1 : toRaw;
  const span = subGrid(grid, from, to);
  const recent = Math.max(1, stepIndex(span, alertAtMs - 15 * 60_000));
  const lookup = referenceLookup(reference);
  const ranked = miner.clusters.map((c) => {
    const counts = Array.from(c.counts.subarray(from, to + 1));
    const change = rateChange(counts, 0, span.length - 1, recent);
    const changed = change ? Math.min(20, change.llr) / 4 : 0;
    const exemplars = c.lastExemplar ? [...c.exemplars, c.lastExemplar] : c.exemplars;
    const ref = lookup(c.service, c.level, c.tokens);
    const item: LogPattern = {
      class: 'logs',
      service: c.service,
      level: c.level,
      template: c.tokens.join(' ').slice(0, 500),
      count: c.count,
      firstSeen: new Date(c.firstMs).toISOString(),
      lastSeen: new Date(c.lastMs).toISOString(),
      startMs: span.startMs,
      stepMs: span.stepMs,
      counts,
      exemplars: LEVEL_WEIGHT[c.level] > 0 || changed > 1 ? exemplars.slice(0, 3) : exemplars.slice(0, 1),
      ...(ref ? { reference: ref } : {}),
      ...(link ? { link } : {}),
    };
    const novelty = ref === undefined ? 1 : ref.count === 0 ? 1.5 : 0.5;
    return { item, priority: LEVEL_WEIGHT[c.level] * novelty + changed + Math.log10(1 + c.count) / 10 };
  });
  return fairShare(ranked);
}

/** Every service's best patterns, this many, are kept before any service's next ones. */
export const FAIR_SHARE = 3;
/** Lifts a fair-share pattern above every other pattern, whatever its own priority (≤ ~10). */
const SHARE_TIER = 100;

/**
 * Re-ranks patterns so that a byte budget keeps each service's best few first: a chatty
 * service's hundredth error template must not crowd out the one template a quiet
 * service stopped logging, which may be the only sign of its fault. Within the share
 * and after it, the patterns' own priorities decide.
 */
export function fairShare(ranked: readonly Ranked<LogPattern>[]): Ranked<LogPattern>[] {
  const byService = new Map<string, Ranked<LogPattern>[]>();
  for (const r of ranked) {
    const list = byService.get(r.item.service) ?? [];
    list.push(r);
    byService.set(r.item.service, list);
  }
  const rankOf = new Map<Ranked<LogPattern>, number>();
  for (const list of byService.values()) [...list].sort((a, b) => b.priority - a.priority).forEach((r, i) => rankOf.set(r, i));
  return ranked.map((r) => {
    const rank = rankOf.get(r)!;
    return { item: r.item, priority: r.priority + (rank < FAIR_SHARE ? SHARE_TIER * (FAIR_SHARE - rank) : 0) };
  });
}
