import type { MetricSeries } from '../../contracts/index.js';
import { median } from '../../providers/shared/stats.js';
import { capacityOf, metricFamily } from './metrics.js';
import { wordsOf } from './metric-words.js';
import type { Evidence } from './types.js';
import { WEIGHTS } from './weights.js';

/** A count of descriptors a process holds open: files, sockets, handles. */
const DESCRIPTORS = / (fds?|descriptors?|open files?|handles?) /;

/** A count of connections or clients held open: what holds a descriptor each on a server (a level the service holds, not a rate of client requests). */
const CONNECTIONS = / (connections?|conns?|clients?|sockets?) /;

/** Families that count events per unit of time (requests, failures, waits), never a level held open. */
const RATES: readonly string[] = ['traffic', 'errors', 'latency'];

/** A series that states a limit rather than a use (`process_max_fds`, `max_connections`). */
const LIMIT = / (max|maximum|limit|limits|capacity) /;

/**
 * How far a climbing count must have come (within the window, or per unit of demand
 * against health) for its climb to be a leak's rather than a wobble: half as much again.
 */
const LEAK_PER_DEMAND = 1.5;

/** How closely a climb must follow a straight line (R²) to be steady: a leak grows with time, not in steps. */
const STEADY_FIT = 0.8;

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

/** How closely a series follows a straight line over its points (R² of a least-squares fit), 0 for a flat one. */
function linearFit(xs: readonly number[]): number {
  const n = xs.length;
  const mx = (n - 1) / 2;
  const my = xs.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((y, i) => {
    sxy += (i - mx) * (y - my);
    sxx += (i - mx) ** 2;
    syy += (y - my) ** 2;
  });
  return syy === 0 || sxx === 0 ? 0 : (sxy * sxy) / (sxx * syy);
}

const usable = (ref: MetricSeries['reference']) => ref !== undefined && ref.points >= WEIGHTS.metrics.minReferencePoints && ref.median > 0;

const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(2));

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

/**
 * Whether what a service holds (descriptors, connections, memory) is held by a leak,
 * read from its own series: the count is still climbing steadily through the window,
 * faster than its demand, and has come far from health (by half again within the
 * window, or to half as much again per unit of demand as the healthy reference held); a
 * restart frees what the process holds for nothing. A level that merely stands above the
 * reference's without climbing is no leak: what a process holds also depends on how
 * long it has run since the reference was taken. Anything else (no series of what it
 * holds or of its demand, a count that rose in a step) says nothing, and `undefined`
 * leaves the action to other evidence.
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
  for (const count of counts) {
    const c = ends(count);
    if (!c || c.first <= 0) continue;
    for (const d of demand) {
      const e = ends(d);
      if (!e || e.first <= 0) continue;
      const climb = c.last / c.first;
      const steady = climb > 1 && linearFit(present(count)) >= STEADY_FIT;
      const outpaced = e.last / e.first < climb;
      const perDemand = usable(count.reference) && usable(d.reference) ? c.last / Math.max(e.last, Number.MIN_VALUE) / (count.reference!.median / d.reference!.median) : 1;
      if (steady && outpaced && (climb >= LEAK_PER_DEMAND || perDemand >= LEAK_PER_DEMAND)) {
        const health = perDemand >= LEAK_PER_DEMAND ? `, against ${fmt(count.reference!.median)} in health when ${d.name} stood at ${fmt(d.reference!.median)}` : '';
        return { series: count, text: `${count.name} climbed steadily from ${fmt(c.first)} to ${fmt(c.last)} while ${d.name} went from ${fmt(e.first)} to ${fmt(e.last)}${health}` };
      }
    }
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
    if (at && at.last > at.first && (at.first <= 0 || linearFit(present(series)) >= STEADY_FIT)) return { series, text: `${series.name} climbed from ${fmt(at.first)} to ${fmt(at.last)}: files its process deleted but holds open` };
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
