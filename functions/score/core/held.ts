import type { MetricSeries } from '../../contracts/index.js';
import { median } from '../../providers/shared/stats.js';
import { capacityOf, metricFamily } from './metrics.js';
import { wordsOf } from './metric-words.js';
import { climbed } from './kinds.js';
import { formatMeasure as fmt, type Evidence } from './types.js';
import { WEIGHTS, type Weights } from './weights.js';

/** The share of a climb each half of it (first to middle third, middle to last) must carry for the climb to be steady rather than a step. */
const EVEN_SHARE = 0.25;

/** A count of descriptors a process holds open: files, sockets, handles. */
const DESCRIPTORS = / (fds?|descriptors?|open files?|handles?) /;

/** A count of connections or clients held open: what holds a descriptor each on a server (a level the service holds, not a rate of client requests). */
const CONNECTIONS = / (connections?|conns?|clients?|sockets?) /;

/** Families that count events per unit of time (requests, failures, waits), never a level held open. */
const RATES: readonly string[] = ['traffic', 'errors', 'latency'];

/** A series that states a limit rather than a use (`process_max_fds`, `max_connections`). */
const LIMIT = / (max|maximum|limit|limits|capacity) /;

/** How far what is held must stand from health (per unit of demand, or against its most) to be a leak's rather than a wobble: the leak reading's own `leakGrowth`, half as much again. */
const LEAK_PER_DEMAND = WEIGHTS.changes.leakGrowth;

/** A leak found, with the series that shows it. */
export interface HeldReading {
  series: MetricSeries & { id: string };
  text: string;
}

type Series = MetricSeries & { id: string };

const present = (s: Series) => s.values.filter((v): v is number => v !== null && Number.isFinite(v));

/** The level of the last quarter of a series (where it stands at the alert) and of its first quarter. */
function ends(s: Series): { first: number; last: number } | undefined {
  const xs = present(s);
  if (xs.length < 8) return undefined;
  const q = Math.max(2, Math.floor(xs.length / 4));
  return { first: median(xs.slice(0, q))!, last: median(xs.slice(-q))! };
}

const usable = (ref: MetricSeries['reference']) => ref !== undefined && ref.points >= WEIGHTS.metrics.minReferencePoints && ref.median > 0;

/**
 * The demand a held count answers to: for descriptors, the connections that hold them
 * (each open connection is a socket) when the service counts them, else its requests;
 * for memory or connections, its requests.
 */
function demandFor(held: 'descriptors' | 'memory' | 'connections', own: readonly Series[]): Series[] {
  const requests = own.filter((s) => metricFamily(s.name, s.unit, s.labels) === 'traffic');
  if (held !== 'descriptors') return requests;
  const connections = own.filter(serving);
  return connections.length > 0 ? connections : requests;
}

/** Sockets whose peer has closed and whose process never did (TCP `CLOSE_WAIT`): held for nothing, however many requests come. */
const CLOSE_WAIT = / close ?wait /;

/** A count of connections the service holds open to serve (not a limit, a descriptor count, or sockets its peers already closed). */
const serving = (s: Series) => {
  const words = wordsOf(s.name);
  return CONNECTIONS.test(words) && !LIMIT.test(words) && !DESCRIPTORS.test(words) && !CLOSE_WAIT.test(words) && !RATES.includes(metricFamily(s.name, s.unit, s.labels));
};

/** A series' samples from `fromMs` up to (not including) `toMs`, gaps left out. */
function valuesBetween(series: MetricSeries, fromMs: number, toMs: number): number[] {
  return series.values.filter((v, i): v is number => v !== null && Number.isFinite(v) && series.startMs + i * series.stepMs >= fromMs && series.startMs + i * series.stepMs < toMs);
}

/**
 * Where a series stood at the start and at the end of a stretch: the medians of the first
 * and last thirds of its samples there, the start taken from its healthy reference's
 * median instead when the series begins well after the stretch does (a release ten hours
 * old, an hour of samples). Undefined under six samples, or with nothing to start from.
 */
function across(series: MetricSeries, fromMs: number, toMs: number, w: Weights): { first: number; last: number; values: number[] } | undefined {
  const values = valuesBetween(series, fromMs, toMs);
  if (values.length < 6) return undefined;
  const third = Math.floor(values.length / 3);
  const covers = !Number.isFinite(fromMs) || series.startMs <= fromMs + 2 * series.stepMs;
  const reference = series.reference && series.reference.points >= w.metrics.minReferencePoints ? series.reference.median : undefined;
  const first = covers ? median(values.slice(0, third))! : reference;
  return first !== undefined && first > 0 ? { first, last: median(values.slice(-third))!, values } : undefined;
}

/**
 * Whether a run of values rose through its middle as well as across it: the middle
 * third's median sits at least `EVEN_SHARE` of the whole rise above the first third's,
 * and the last third's as far above the middle's. A leak grows with time, and medians
 * shrug off an instance killed on the way; a count that rose in one step outside its
 * middle third stands flat on one side of it.
 */
function evenly(values: readonly number[]): boolean {
  const third = Math.floor(values.length / 3);
  const [first, middle, last] = [values.slice(0, third), values.slice(third, values.length - third), values.slice(-third)].map((xs) => median(xs)!) as [number, number, number];
  const rise = last - first;
  return rise > 0 && middle - first >= EVEN_SHARE * rise && last - middle >= EVEN_SHARE * rise;
}

/** A leak read from a count and the demand it answers to, over one stretch. */
export interface LeakGrowth {
  count: { first: number; last: number };
  /** The demand the count outgrew, where it stood at the stretch's start and end; absent when none was measured. */
  demand?: { series: Series; first: number; last: number };
  /** Where the count and its demand stood in health, when the count holds far more per unit of demand than then. */
  health?: { count: number; demand: number };
}

/**
 * The one reading of whether a count a service holds (memory, connections, descriptors,
 * pool slots) grew over a stretch as a leak grows: it climbed steadily through it (its last
 * third clearly above its first, `climbed`, and through its middle third too, `evenly`:
 * a leak grows with time, not in a step), and what it holds per unit of its
 * demand came far from where it was: `leakGrowth` times its level at the stretch's start
 * (its growth over its demand's, a demand that fell counting as flat), or `leakGrowth`
 * times what the healthy reference held per unit of the same demand. A pool that borrows
 * without returning climbs whatever the traffic; connections that rose with the
 * morning's traffic did not leak. The stretch is the window (is the service leaking now,
 * `readHeld`) or the time from a change to the onset (did the change ship a leak,
 * `outgrewDemand`). `demand` is the service's request rates or what else its count
 * answers to; undefined when the count did not grow so, or cannot be measured.
 */
export function leakOver(count: MetricSeries, demand: readonly Series[], fromMs: number, toMs: number, w: Weights = WEIGHTS): LeakGrowth | undefined {
  const c = across(count, fromMs, toMs, w);
  if (!c || c.last <= c.first || climbed(c.values, w.changes.growthShare) !== true || !evenly(c.values)) return undefined;
  const grew = c.last / c.first;
  const paced = demand.flatMap((series) => {
    const d = across(series, fromMs, toMs, w);
    return d ? [{ series, first: d.first, last: d.last }] : [];
  });
  if (paced.length === 0) return grew >= w.changes.leakGrowth ? { count: c } : undefined;
  for (const d of paced) {
    const perDemand = grew / Math.max(1, d.last / d.first);
    const health = usable(count.reference) && usable(d.series.reference) ? c.last / Math.max(d.last, Number.MIN_VALUE) / (count.reference!.median / d.series.reference!.median) : 0;
    if (grew > d.last / d.first && (perDemand >= w.changes.leakGrowth || health >= w.changes.leakGrowth)) return { count: c, demand: d, ...(health >= w.changes.leakGrowth ? { health: { count: count.reference!.median, demand: d.series.reference!.median } } : {}) };
  }
  return undefined;
}

/**
 * Whether what a service holds (descriptors, connections, memory) is held by a leak,
 * read from its own series over the window (`leakOver`); a restart frees what the process
 * holds for nothing. A level that merely stands above the reference's without climbing
 * is no leak: what a process holds also depends on how long it has run since the
 * reference was taken. Anything else (no series of what it holds or of its demand, a
 * count that rose in a step) says nothing, and `undefined` leaves the action to other
 * evidence.
 */
export function readHeld(service: string, held: 'descriptors' | 'memory' | 'connections', evidence: readonly Evidence[]): HeldReading | undefined {
  const own = evidence.flatMap((e) => (e.class === 'metrics' && e.service === service ? [e as Series] : []));
  const counts = own.filter((s) => {
    const words = wordsOf(s.name);
    if (LIMIT.test(words)) return false;
    if (held === 'memory') return metricFamily(s.name, s.unit, s.labels) === 'memory' && !atOwnLimit(s);
    return !RATES.includes(metricFamily(s.name, s.unit, s.labels)) && (held === 'descriptors' ? DESCRIPTORS : CONNECTIONS).test(words);
  });
  const demand = demandFor(held, own).filter((s) => !counts.includes(s));
  if (demand.length === 0) return undefined;
  for (const count of counts) {
    const leak = leakOver(count, demand, -Infinity, Infinity);
    if (!leak?.demand) continue;
    const { count: c, demand: d, health } = leak;
    const then = health ? `, against ${fmt(health.count)} in health when ${d.series.name} stood at ${fmt(health.demand)}` : '';
    return { series: count, text: `${count.name} climbed steadily from ${fmt(c.first)} to ${fmt(c.last)} while ${d.series.name} went from ${fmt(d.first)} to ${fmt(d.last)}${then}` };
  }
  return undefined;
}

/**
 * Whether a series is at a limit of its own: a store at its configured cap keeps what
 * fills it, which a restart would reload or lose, so its climb is no leak of a process.
 */
export function atOwnLimit(series: MetricSeries): boolean {
  const limit = capacityOf(series);
  if (limit === undefined) return false;
  const xs = series.values.filter((v): v is number => v !== null);
  return xs.length > 0 && Math.max(...xs) >= 0.95 * limit;
}

/** Connections a database holds open inside a transaction that does nothing (PostgreSQL's and PgBouncer's `idle in transaction`). */
const IDLE_IN_TRANSACTION = / idle in transaction /;

/**
 * Connections pinned without work: a count of connections left idle inside an open
 * transaction (a client that vanished mid-transaction, a session never committed),
 * standing at half as much again as the most the healthy reference held. Such a
 * connection serves no demand, so however many callers there are, they are held for
 * nothing, as a leak's are; a restart of the pool that pins them frees them. `undefined`
 * without such a series, a reference for it, or a rise past it.
 */
export function pinnedIdle(service: string, evidence: readonly Evidence[]): HeldReading | undefined {
  for (const e of evidence) {
    if (e.class !== 'metrics' || e.service !== service) continue;
    const series = e as Series;
    const words = wordsOf(`${series.name} ${Object.values(series.labels).join(' ')}`);
    if (!IDLE_IN_TRANSACTION.test(words) || !usable(series.reference)) continue;
    const at = ends(series);
    const most = Math.max(series.reference!.p95, 1);
    if (at && at.last >= LEAK_PER_DEMAND * most) return { series, text: `${series.name} stands at ${fmt(at.last)} connections idle in a transaction, against at most ${fmt(most)} in health` };
  }
  return undefined;
}

/** A count or size of files a process holds open after they were deleted (`lsof +L1`, `open_deleted_file_bytes`). */
const DELETED_OPEN = (words: string) => / deleted /.test(words) && / open /.test(words);

/**
 * Disk taken by files the process deleted but still holds open: a log rotated away
 * while the process keeps writing to it, its space freed only when the process closes
 * it, which a restart does. `df` and `du` then disagree, and the disk fills while the
 * files on it do not grow. Read from a series of the service that counts such files or
 * their bytes, climbing steadily through the window (or up from none): whatever the
 * amount, what a process holds that way only grows until it lets go. `undefined` without
 * such a series or such a climb.
 */
export function heldDeleted(service: string, evidence: readonly Evidence[]): HeldReading | undefined {
  for (const e of evidence) {
    if (e.class !== 'metrics' || e.service !== service || !DELETED_OPEN(wordsOf(e.name)) || RATES.includes(metricFamily(e.name, e.unit, e.labels))) continue;
    const series = e as Series;
    const at = ends(series);
    if (at && at.last > at.first && (at.first <= 0 || evenly(present(series)))) return { series, text: `${series.name} climbed from ${fmt(at.first)} to ${fmt(at.last)}: files its process deleted but holds open` };
  }
  return undefined;
}

/**
 * Descriptors held by the connections the service serves, in the proportion health held
 * them: the count of open descriptors per open connection within `LEAK_PER_DEMAND` of
 * the reference's, and no sockets left in `CLOSE_WAIT` piling up. A server that runs out
 * of descriptors so is out of them because it holds that many live clients: a restart
 * drops them all and they come back to fill it again, while more instances share them.
 * A process that holds descriptors for nothing (sockets its peers closed, more
 * descriptors per connection than in health) leaks them, and a restart frees them.
 * `undefined` without a descriptor and a connection series with references, or when
 * either sign of a leak shows.
 */
export function carriedByConnections(service: string, evidence: readonly Evidence[]): HeldReading | undefined {
  const own = evidence.flatMap((e) => (e.class === 'metrics' && e.service === service ? [e as Series] : []));
  const lingering = own.some((s) => {
    const at = CLOSE_WAIT.test(wordsOf(s.name)) ? ends(s) : undefined;
    return at !== undefined && at.last > 0 && at.last >= at.first;
  });
  if (lingering) return undefined;
  const descriptors = own.filter((s) => DESCRIPTORS.test(wordsOf(s.name)) && !LIMIT.test(wordsOf(s.name)) && usable(s.reference));
  const connections = own.filter((s) => serving(s) && usable(s.reference));
  for (const fds of descriptors) {
    const f = ends(fds);
    for (const conns of connections) {
      const c = ends(conns);
      if (!f || !c || c.last <= 0) continue;
      const perConnection = f.last / c.last / (fds.reference!.median / conns.reference!.median);
      if (perConnection < LEAK_PER_DEMAND) return { series: fds, text: `${fds.name} stands at ${fmt(f.last)} with ${conns.name} at ${fmt(c.last)}, the ${fmt(fds.reference!.median)} to ${fmt(conns.reference!.median)} health held` };
    }
  }
  return undefined;
}
