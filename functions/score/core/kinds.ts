import { median } from '../../providers/shared/stats.js';
import type { Signal, SignalFamily } from './types.js';

/*
 * Readings that tell one fault kind from another on the same service, where the same
 * resource signal can mean different things: a CPU pinned by a code path, or memory one
 * input overflowed, is a defect, not a shortage; a ceiling a change set, or a capacity it
 * cut, makes the shortage that change's fault.
 */

/** Families that say the CPU ran short, and nothing else did. */
const CPU: readonly SignalFamily[] = ['cpu', 'runtime_throttle'];

/** Families that say some other resource ran short (memory, a pool, a disk, a leak). */
const OTHER_RESOURCE: readonly SignalFamily[] = ['memory', 'saturation', 'runtime_leak'];

/** Failures the service reports in its own words or spans: what its code did. */
const OWN_FAILURE: readonly SignalFamily[] = ['log_error', 'exception', 'pattern_break'];

/** Requests that failed: its error rate, or failing spans that start in it. */
const FAILING: readonly SignalFamily[] = ['errors', 'error_origin'];

/** A signal clear enough to reason about. */
const CLEAR = 0.3;

/**
 * Whether the service's CPU ran short because its own code burned it: the CPU (and
 * nothing else) ran short, demand did not rise, its requests failed, and it said so in
 * its own words (an error or a broken call pattern that names no resource). CPU does not run out on its
 * own: with the same demand, a code path that spins (a regex backtracking on one post, a
 * loop blocking the event loop, a parser on a huge input) is what took it, so the
 * shortage is the defect's consequence. A service whose only evidence is the CPU, or whose
 * errors name a resource ("too many connections", "shedding load"), or that received more
 * calls, or that only got slower, keeps reading as exhaustion or surge.
 */
export function burnedByCode(signals: readonly Signal[]): boolean {
  const clear = signals.filter((s) => s.strength >= CLEAR);
  if (!clear.some((s) => CPU.includes(s.family))) return false;
  if (clear.some((s) => OTHER_RESOURCE.includes(s.family) || s.family === 'traffic_up')) return false;
  if (signals.some((s) => s.hint === 'resource_exhaustion' && !CPU.includes(s.family))) return false;
  const requestsFail = clear.some((s) => FAILING.includes(s.family));
  return requestsFail && clear.some((s) => OWN_FAILURE.includes(s.family) && (s.hint === undefined || s.hint === 'code_defect'));
}

/**
 * The resources a service can run short of, by the words that name each in a metric, an
 * error or a change, or name what fills it (logging, at debug level or with payloads,
 * fills a disk).
 */
const RESOURCES: [string, RegExp][] = [
  ['memory', /memory|\bmem(?:\b|_)|heap|-?xm[xs]|\bram\b|\brss\b|\boom|outofmemory/i],
  ['cpu', /\bv?cpus?\b|millicores?|throttl/i],
  ['connections', /connection|\bconns?\b|pool/i],
  ['concurrency', /concurren|threads?\b|slots?\b|in.?flight/i],
  ['disk', /disk|storage|volume|ephemeral|inode|filesystem|watermark|\blog(?:s|ging)?\b|log_?level/i],
  ['file descriptors', /file.?desc|open files|nofile|ulimit/i],
];

/** A text with a service's name taken out: `doc-worker` or `conn-pool-proxy` names a service, not a resource. */
const withoutName = (text: string, service: string) => text.split(service).join(' ');

/** Families that say by themselves which resource ran short. */
const SAYS_WHICH: Partial<Record<SignalFamily, string>> = { memory: 'memory', runtime_leak: 'memory', cpu: 'cpu', runtime_throttle: 'cpu' };

/**
 * The resources the service's evidence says ran short: a memory, CPU or throttling signal
 * names its own, and a resource series or an error naming a limit ("GC overhead limit
 * exceeded", a connection pool) names it in its own words (a log line's, not ours about it:
 * "started logging" says nothing of a disk).
 */
export function shortResources(signals: readonly Signal[]): Set<string> {
  const out = new Set<string>();
  for (const s of signals) {
    const short = (s.strength >= CLEAR && (s.family in SAYS_WHICH || s.family === 'saturation')) || s.hint === 'resource_exhaustion';
    if (!short) continue;
    const which = SAYS_WHICH[s.family];
    if (which) out.add(which);
    const words = withoutName(s.raw ?? s.text, s.service);
    for (const [name, re] of RESOURCES) if (re.test(words)) out.add(name);
  }
  return out;
}

/**
 * The resource that ran short which a change's summary names (a memory request or heap
 * size, a pool, a concurrency limit), if any: a change that set the very ceiling the
 * service then hit is on the failing path by what it touched, and a lowered ceiling, like
 * a leak, is reached only when demand next fills it, so the change explains the
 * exhaustion well after it.
 */
export function namedShortResource(summary: string, service: string, signals: readonly Signal[]): string | undefined {
  const short = shortResources(signals);
  const words = withoutName(summary, service);
  return RESOURCES.find(([name, re]) => short.has(name) && re.test(words))?.[0];
}

/**
 * Whether a run of values climbed: its last third sits clearly above its first third (by
 * more than twice the step-to-step noise, and by at least `minShare` of where it
 * started). Undefined for fewer than six values, too few to tell a climb from noise.
 */
export function climbed(values: readonly number[], minShare: number): boolean | undefined {
  if (values.length < 6) return undefined;
  const third = Math.floor(values.length / 3);
  const rise = median(values.slice(-third))! - median(values.slice(0, third))!;
  const noise = (1.4826 * median(values.slice(1).map((v, i) => Math.abs(v - values[i]!)))!) / Math.SQRT2;
  return rise > 2 * noise && rise > minShare * Math.abs(values[0]!);
}

/**
 * Whether the service ran out of memory on one input rather than by growing into its
 * limit: it crash-loops on out-of-memory kills, its memory was flat until the onset and
 * jumped there (`Signal.climbedBefore` false), and demand did not rise. A leak or data
 * that grew fills memory over time and refills it after each restart; memory that was
 * steady for an hour and overflows again right after every restart is one message or
 * request that needs more than any limit, read on every redelivery: a latent defect that
 * data triggered.
 */
export function overflowedOnOneInput(signals: readonly Signal[]): boolean {
  const clear = signals.filter((s) => s.strength >= CLEAR);
  const killed = clear.some((s) => s.family === 'runtime_leak');
  const looping = clear.some((s) => s.family === 'runtime_crash');
  const jumped = clear.some((s) => s.family === 'memory' && s.climbedBefore === false);
  const grew = signals.some((s) => s.family === 'memory' && s.climbedBefore === true);
  return killed && looping && jumped && !grew && !clear.some((s) => s.family === 'traffic_up');
}
