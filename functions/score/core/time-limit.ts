import type { LogPattern, MetricSeries } from '../../contracts/index.js';
import { median } from '../../providers/shared/stats.js';
import { wordsOf } from './metric-words.js';
import type { Evidence } from './types.js';
import { WEIGHTS, type Weights } from './weights.js';

/*
 * A time limit a change set below the work it bounds: a queue's visibility timeout cut
 * under the time a consumer takes to process a message, a client timeout cut under what
 * the callee takes when healthy. Such a change bites whenever that work next runs (the
 * nightly batch, the morning's orders), however long after the change: every message
 * reappears before it is deleted and is processed again, every slow-but-healthy call is
 * cut off. The tie is the numbers, not the minutes between the change and the trouble.
 */

/** Words that name a limit on how long something may take: a timeout, a deadline, a visibility window, a lease. */
const TIME_LIMIT = /time[_ -]?out|deadline|visibility|(?<![a-z])lease/i;

/** A setting's name that holds a limit word (`visibility_timeout_seconds`, `client read timeout`). */
const LIMIT_NAME = new RegExp(String.raw`[A-Za-z0-9_.-]*(?:${TIME_LIMIT.source})[A-Za-z0-9_.-]*(?:\s+(?:time[_ -]?out|deadline)\w*)?`, 'gi');

/** Milliseconds per time unit as written after a number or at the end of a setting's name. */
const UNIT_MS: Record<string, number> = { ms: 1, millis: 1, millisecond: 1, milliseconds: 1, s: 1000, sec: 1000, secs: 1000, second: 1000, seconds: 1000, m: 60_000, min: 60_000, mins: 60_000, minute: 60_000, minutes: 60_000, h: 3_600_000, hour: 3_600_000, hours: 3_600_000 };

/** The unit a name says its value is in, by its last word: `visibility_timeout_seconds`, `serverSelectionTimeoutMS`, `processing_seconds_p95`. */
function unitInName(name: string): number | undefined {
  const words = wordsOf(name).trim().split(' ').filter((w) => !/^p\d+$|^avg$|^max$|^sum$/.test(w));
  return UNIT_MS[words.at(-1) ?? ''];
}

/** A written duration in ms: the number in its own unit (`250ms`, `30s`), else in the unit its name gives; undefined when neither says. */
function toMs(value: string, unit: string, fallback: number | undefined): number | undefined {
  const per = unit === '' ? fallback : UNIT_MS[unit.toLowerCase()];
  return per === undefined ? undefined : Number(value) * per;
}

/** A time limit as a change set it, before and after, in ms. */
export interface SetLimit {
  name: string;
  fromMs: number;
  toMs: number;
}

const NUM = String.raw`(\d+(?:\.\d+)?)\s?((?:milli)?s(?:ec(?:ond)?s?)?|ms|min(?:ute)?s?|m|h(?:ours?)?|millis)?\b`;
/** `900 → 60`, `from 30s to 3s`, after at most three words naming where it applies (`to reco-api 800ms -> 600ms`). */
const STEP = new RegExp(String.raw`^(?:\s*[:=]|\s+(?!from\b)[^\s\d][^\s]*){0,3}?\s*(?:from\s+)?${NUM}\s*(?:->|→|=>|\bto\b)\s*${NUM}`, 'i');
/** `default 30, was 300`, `60s (was 900s)`: the new value first, the old one after `was`. */
const WAS = new RegExp(String.raw`^(?:\s*[:=]|\s+[^\s\d][^\s]*){0,3}?\s*${NUM}\s*[,(]?\s*was\s+${NUM}`, 'i');

/**
 * The time limits a change summary sets with both values written: the name that holds a
 * limit word (`TIME_LIMIT`) and the step after it, each value in its own unit or, bare,
 * in the unit its name ends in; a limit of 0 before is none at all. A value with no unit
 * anywhere is not read: 800 may be milliseconds or seconds.
 */
export function timeLimitsSet(summary: string): SetLimit[] {
  const out: SetLimit[] = [];
  for (const m of summary.matchAll(LIMIT_NAME)) {
    const name = m[0];
    const rest = summary.slice(m.index! + name.length, m.index! + name.length + 60);
    const unit = unitInName(name);
    const step = STEP.exec(rest);
    const was = step ? undefined : WAS.exec(rest);
    const [from, fromUnit, to, toUnit] = step ? [step[1], step[2] ?? '', step[3], step[4] ?? ''] : was ? [was[3], was[4] ?? '', was[1], was[2] ?? ''] : [];
    if (from === undefined) continue;
    const fromMs = toMs(from, fromUnit!, unit ?? UNIT_MS[toUnit!.toLowerCase()]);
    const toMsValue = toMs(to!, toUnit!, unit ?? UNIT_MS[fromUnit!.toLowerCase()]);
    if (fromMs !== undefined && toMsValue !== undefined) out.push({ name: name.trim(), fromMs: fromMs === 0 ? Infinity : fromMs, toMs: toMsValue });
  }
  return out;
}

/** Words of a series' name that say it times the work: latency, duration, processing or elapsed time. */
const TIMES_WORK = / (?:latency|duration|processing|elapsed|response time) /;

/** A completed operation's duration in a line: `rendered in 103.1s`, `took 95 s`, `duration_ms=221`. */
const TOOK = /\b(?:\w+ed in|took)\s+(\d+(?:\.\d+)?)\s*(ms|s|secs?|seconds?|milliseconds?)\b|\b(?:duration|elapsed|latency)[_-]?(ms|s|seconds?)?\s*[=:]\s*(\d+(?:\.\d+)?)\s*(ms|s)?\b/i;

/** What a log line says an operation took, in ms. */
function tookMs(line: string): number | undefined {
  const m = TOOK.exec(line);
  if (!m) return undefined;
  return m[1] !== undefined ? toMs(m[1], m[2]!, undefined) : toMs(m[4]!, m[5] ?? m[3] ?? '', undefined);
}

/** One measure of how long the work takes when healthy. */
interface WorkTime {
  ms: number;
  id: string;
  what: string;
}

/**
 * How long the work took while healthy, by one series: its reference median, else the
 * median of its samples before `beforeMs` (three or more). Undefined for a series that
 * does not time work in a unit its name or `unit` states.
 */
function seriesWorkTime(series: MetricSeries & { id: string }, beforeMs: number, w: Weights): WorkTime | undefined {
  const words = wordsOf(series.name);
  const unit = unitInName(series.name) ?? (series.unit ? UNIT_MS[series.unit.toLowerCase()] : undefined);
  if (!TIMES_WORK.test(words) || unit === undefined) return undefined;
  const early = series.values.filter((v, i): v is number => v !== null && series.startMs + i * series.stepMs < beforeMs);
  const level = series.reference && series.reference.points >= w.metrics.minReferencePoints ? series.reference.median : early.length >= 3 ? median(early) : undefined;
  return level === undefined ? undefined : { ms: level * unit, id: series.id, what: `${series.name} on ${series.service}` };
}

/**
 * How long the work took while healthy, by one log template: the median of what its
 * exemplars say an operation took, when the template was logged in the healthy reference
 * or before `beforeMs`, so it is the service's ordinary work, not the trouble.
 */
function linesWorkTime(pattern: LogPattern & { id: string }, beforeMs: number): WorkTime | undefined {
  const healthy = (pattern.reference?.count ?? 0) > 0 || Date.parse(pattern.firstSeen) < beforeMs;
  const took = pattern.exemplars.map((e) => tookMs(e.message)).filter((x): x is number => x !== undefined);
  if (!healthy || took.length === 0) return undefined;
  return { ms: median(took)!, id: pattern.id, what: `"${pattern.template.slice(0, 80)}" on ${pattern.service}` };
}

/** A time limit a change set below the work it bounds, with the measure that shows the work takes longer. */
export interface LimitBelowWork {
  limit: SetLimit;
  work: WorkTime;
  text: string;
}

const seconds = (ms: number) => (ms >= 1000 ? `${Number((ms / 1000).toPrecision(3))} s` : `${Math.round(ms)} ms`);

/**
 * Whether a change cut a time limit (`timeLimitsSet`) from above to below how long the
 * work it bounds took while healthy: some duration measure of the changed service or a
 * service it calls or is called by (a consumer's processing time, a callee's latency,
 * durations its lines report) whose healthy level (`seriesWorkTime`, `linesWorkTime`)
 * lies above the new limit and within the old one. Work that took 95 s under a 900 s
 * visibility timeout is redelivered under a 60 s one. A limit cut while the work still
 * fits under it, or one the work already outran before, is not read here; nor is a limit
 * cut in response to a dependency that got slow in the trouble, since the healthy level
 * is the reference or the time before the change.
 */
export function limitBelowWork(items: readonly Evidence[], change: { summary: string; service: string; at: string }, neighbours: ReadonlySet<string>, w: Weights = WEIGHTS): LimitBelowWork | undefined {
  const limits = timeLimitsSet(change.summary).filter((l) => l.toMs < l.fromMs);
  if (limits.length === 0) return undefined;
  const at = Date.parse(change.at);
  const near = (service: string) => service === change.service || neighbours.has(service);
  const works = items.flatMap((i) => (i.class === 'metrics' && near(i.service) ? [seriesWorkTime(i as MetricSeries & { id: string }, at, w)] : i.class === 'logs' && near(i.service) ? [linesWorkTime(i as LogPattern & { id: string }, at)] : [])).filter((x): x is WorkTime => x !== undefined);
  for (const limit of limits) {
    const work = works.filter((x) => x.ms > limit.toMs && x.ms <= limit.fromMs).sort((a, b) => b.ms - a.ms)[0];
    if (work) return { limit, work, text: `${limit.name} ${seconds(limit.fromMs)} → ${seconds(limit.toMs)}, below the ${seconds(work.ms)} the work took while healthy (${work.what})` };
  }
  return undefined;
}
