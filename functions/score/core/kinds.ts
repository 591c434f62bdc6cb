import { median } from '../../providers/shared/stats.js';
import { SATURATED } from './saturated.js';
import { CLEAR_STRENGTH, FAILURE_WORDS, type Signal, type SignalFamily } from './types.js';
import { WEIGHTS, type Weights } from './weights.js';

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
const OWN_FAILURE: readonly SignalFamily[] = [...FAILURE_WORDS, 'pattern_break'];

/** Requests that failed: its error rate, or failing spans that start in it. */
const FAILING: readonly SignalFamily[] = ['errors', 'error_origin'];

/**
 * Whether the service's CPU ran short because its own code burned it: the CPU (and
 * nothing else) ran short, demand did not rise, its requests failed, and it said so in
 * its own words (an error or a broken call pattern that names no resource). CPU does not run out on its
 * own: with the same demand, a code path that spins (a regex backtracking on one post, a
 * loop blocking the event loop, a parser on a huge input) is what took it, so the
 * shortage is the defect's consequence. A service whose only evidence is the CPU, or whose
 * errors name a resource ("too many connections", "shedding load"), or that received more
 * calls, or that only got slower, keeps reading as exhaustion or surge. Its own
 * saturation words (`SATURATED`: its workers all busy, its request queue full) name no
 * other resource: a code path that burns the CPU keeps every worker as busy, and fills the
 * queue in front of them, as surely as a shortage does, so those lines tell neither
 * reading from the other.
 */
export function burnedByCode(signals: readonly Signal[]): boolean {
  const clear = signals.filter((s) => s.strength >= CLEAR_STRENGTH);
  if (!clear.some((s) => CPU.includes(s.family))) return false;
  if (clear.some((s) => OTHER_RESOURCE.includes(s.family) || s.family === 'traffic_up')) return false;
  if (signals.some((s) => s.hint === 'resource_exhaustion' && !CPU.includes(s.family) && !SATURATED.test(s.raw ?? s.text))) return false;
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

/**
 * The words the evidence itself wrote in a signal: its raw line, else what our sentence
 * quotes of it (a caller's error line a mention carries), else the sentence. Our own words
 * about a line (`started logging warn`) name no resource.
 */
const evidenceWords = (s: Signal) => s.raw ?? /"(.*)"/s.exec(s.text)?.[1] ?? s.text;

/** Events that say by themselves that a resource hit its limit: an OOM kill is memory at its limit, throttling is CPU at its quota. */
const HIT_LIMIT: Partial<Record<SignalFamily, string>> = { runtime_leak: 'memory', runtime_throttle: 'cpu' };

/** Use series that say which resource they measure. */
const USE_SERIES: Partial<Record<SignalFamily, string | undefined>> = { memory: 'memory', cpu: 'cpu', saturation: undefined };

/**
 * The resources the service's evidence shows running short, and only those: a use series
 * that reached its limit (its peak at `atCapacity` of the limit it runs against, or a
 * series that counts the limit being hit, like CFS throttled periods), an event that is
 * the limit being hit (an OOM kill, throttling), or an error naming the limit in its own
 * words ("too many connections", "GC overhead limit exceeded": a log line's, not ours
 * about it). A use that rose but stayed below its limit (connections 214 → 400 of 1200)
 * did not run short, however clear the rise.
 */
export function shortResources(signals: readonly Signal[], w: Weights = WEIGHTS): Set<string> {
  const out = new Set<string>();
  for (const s of signals) {
    const words = withoutName(evidenceWords(s), s.service);
    const use = s.family in USE_SERIES;
    const atLimit = use && s.strength >= CLEAR_STRENGTH && ((s.peakShare ?? 0) >= w.metrics.atCapacity || /throttl/i.test(words));
    const event = HIT_LIMIT[s.family] !== undefined && s.strength >= CLEAR_STRENGTH;
    if (!atLimit && !event && s.hint !== 'resource_exhaustion') continue;
    const which = event ? HIT_LIMIT[s.family] : atLimit ? USE_SERIES[s.family] : undefined;
    if (which) out.add(which);
    for (const [name, re] of RESOURCES) if (re.test(words)) out.add(name);
  }
  return out;
}

/** A quantity as written in a change summary: `8Gi`, `1200`, `db.r6g.16xlarge` (its last number and what follows it). */
const QUANTITY = /(\d+(?:\.\d+)?)([a-z]*)[^a-z\d]*$/i;

/** Units of size, so `512Mi -> 1Gi` compares; other units compare only with themselves. */
const SIZE: Record<string, number> = { k: 1e3, kb: 1e3, ki: 2 ** 10, kib: 2 ** 10, m: 1e6, mb: 1e6, mi: 2 ** 20, mib: 2 ** 20, g: 1e9, gb: 1e9, gi: 2 ** 30, gib: 2 ** 30, t: 1e12, tb: 1e12, ti: 2 ** 40, tib: 2 ** 40 };

/** Units a limit is written in: sizes, counts, cores, instance sizes. Anything else (`G1GC`, `v2`) is a name, not a quantity. */
const UNIT = /^(?:|[kmgt]i?b?|bytes?|cores?|vcpus?|x?large|xlarge|%)$/i;

function quantity(token: string): { n: number; unit: string } | undefined {
  const m = QUANTITY.exec(token.replace(/^["'`(]+|["'`),.;:]+$/g, ''));
  if (!m || !UNIT.test(m[2]!)) return undefined;
  return { n: Number(m[1]), unit: m[2]!.toLowerCase() };
}

/** Whether `a -> b` went down (-1), up (1), or cannot be told (0: units that do not compare). */
function step(a: { n: number; unit: string }, b: { n: number; unit: string }): number {
  const scale = (q: { n: number; unit: string }) => q.n * (SIZE[q.unit] ?? 1);
  if (a.unit !== b.unit && !(a.unit in SIZE && b.unit in SIZE)) return 0;
  return Math.sign(scale(b) - scale(a));
}

/** Words that say a change took capacity or a limit away, or gave more of it. */
const LOWERED = /\b(?:lower(?:ed|s)?|reduc(?:e|ed|es|ing)|decreas(?:e|ed|es|ing)|cut|shr[aiu]nk|smaller|downsiz\w*|scal(?:e|ed|ing) (?:down|in)|fewer)\b/i;
const RAISED = /\b(?:rais(?:e|ed|es|ing)|increas(?:e|ed|es|ing)|bump(?:ed|s)?|doubl(?:e|ed|es)|larger|upsiz\w*|scal(?:e|ed|ing) (?:up|out)|more)\b/i;

/** Logging turned louder (to debug or trace level, payloads or bodies logged): what fills a disk grew. */
const LOUDER = /\b(?:debug|trace|verbose)\b|payloads?|bod(?:y|ies)/i;

/**
 * A utilization target or threshold (`target CPU 60% -> 90%`, an alarm threshold) is
 * where something acts, not how much of the resource there is: raising an autoscaler's
 * target lets fewer instances carry the load, so it is no limit raised.
 */
const TARGET = /\btarget|threshold/i;

/**
 * A summary with each limit set to an expression written out with its value
 * (`max_connections 3000 -> LEAST(DBInstanceClassMemory/9531392,5000) = 1708`) read as set
 * to that value (`3000 -> 1708`): the value is what the limit became.
 */
const evaluated = (summary: string) => summary.replace(/(->|→|=>)\s*[^\s=]+\s*=\s*(\d[\d.]*[a-z]*)/gi, '$1 $2');

/**
 * The `before -> after` steps a summary writes for the limit on `resource`, in the clauses
 * that name it (or, for capacity, that name any resource): -1 for each that went down, 1
 * for each that went up, 0 where the units do not compare.
 */
function limitSteps(summary: string, resource: string): number[] {
  const steps: number[] = [];
  for (const clause of evaluated(summary).split(/[,;()]|\band\b/)) {
    if (TARGET.test(clause)) continue;
    const names = RESOURCES.filter(([, re]) => re.test(clause)).map(([name]) => name);
    if (resource === 'capacity' ? names.length > 0 : !names.includes(resource)) continue;
    const tokens = clause.trim().split(/\s+/);
    tokens.forEach((t, i) => {
      if (!/^(?:->|→|=>|to)$/i.test(t)) return;
      const a = quantity(tokens[i - 1] ?? '');
      const b = quantity(tokens[i + 1] ?? '');
      if (a && b) steps.push(step(a, b));
    });
  }
  return steps;
}

/**
 * Whether a change moved the limit on `resource` the way that makes running short of it
 * likelier: a limit lowered, a pool shrunk, replicas or an instance cut, or (for a disk)
 * logging turned louder. Read from the summary's `before -> after` steps in the clauses
 * that name the resource (or, for capacity, that name none), else from its words. A
 * limit raised (`max_connections 1000 -> 1200`) never is; nor is a change whose direction
 * the summary does not say.
 */
export function towardShortage(summary: string, resource: string): boolean {
  const steps = limitSteps(summary, resource);
  if (steps.some((d) => d > 0)) return false;
  if (steps.some((d) => d < 0)) return true;
  if (resource === 'disk' && RESOURCES.find(([name]) => name === 'disk')![1].test(summary) && LOUDER.test(summary)) return true;
  return LOWERED.test(summary) && !RAISED.test(summary);
}

/**
 * The shortage a change explains by what it set, if any: the resource that ran short
 * (`shortResources`) which its summary names (a memory request or heap size, a pool, a
 * concurrency limit), moved the way that makes running short likelier
 * (`towardShortage`); or, for a scaling change that took capacity away (fewer replicas, a
 * smaller instance, or any change that takes instances away by their count, `fewerUnits`),
 * any resource that ran short, since every one was cut. A lowered
 * ceiling, like a leak, is reached only when demand next fills it, so such a change
 * explains the exhaustion well after it. A limit raised, or a resource that did not run
 * short, earns nothing here.
 */
export function fittedShortage(change: { kind: string; summary: string; service: string }, signals: readonly Signal[], w: Weights = WEIGHTS): string | undefined {
  const short = shortResources(signals, w);
  if (short.size === 0) return undefined;
  const summary = withoutName(change.summary, change.service);
  const named = RESOURCES.find(([name, re]) => short.has(name) && re.test(summary) && towardShortage(summary, name))?.[0];
  if (named) return named;
  return ((change.kind === 'scaling' || smallerInstance(summary)) && towardShortage(summary, 'capacity')) || fewerUnits(summary) ? 'capacity' : undefined;
}

/**
 * Whether a summary takes instances away by their count (`HPA minReplicas 12 -> 3`,
 * `desired tasks 8 -> 4`, `min_size = 6 -> 2`): capacity cut however the change was
 * recorded, whatever else the same change moved (a utilization target raised with it cuts
 * capacity too, as it lets fewer instances carry the load).
 */
export function fewerUnits(summary: string): boolean {
  return [...summary.matchAll(/\b(?:min|max|desired)?[_ -]?(?:replicas?|instances?|tasks?|nodes?|pods?|size|count)\b[^\d,;()]{0,12}(\d+)\s*(?:->|→|=>|to)\s*(\d+)\b/gi)].some((m) => Number(m[2]) < Number(m[1]));
}

/** Cloud instance sizes in order (`db.r6g.large`, `m5.2xlarge`), a multiple of `xlarge` counting as that many. */
const SIZES = ['nano', 'micro', 'small', 'medium', 'large', 'xlarge'];

function instanceSize(token: string): number | undefined {
  const m = /(?:^|\.)(\d*)(nano|micro|small|medium|large|xlarge)$/i.exec(token.replace(/^["'`(]+|["'`),.;:]+$/g, ''));
  if (!m) return undefined;
  const rank = SIZES.indexOf(m[2]!.toLowerCase());
  return m[1] ? rank + Math.log2(Number(m[1])) : rank;
}

/**
 * Whether a summary moves an instance to a smaller size (`db.r6g.8xlarge → db.r6g.2xlarge`,
 * `t3.large -> t3.medium`): capacity taken away however the change was recorded, a
 * configuration applied by Terraform as much as a scaling action, so it explains any
 * resource that then ran short as a scale-in does.
 */
export function smallerInstance(summary: string): boolean {
  const tokens = summary.trim().split(/\s+/);
  return tokens.some((t, i) => {
    if (!/^(?:->|→|=>|to)$/i.test(t)) return false;
    const a = instanceSize(tokens[i - 1] ?? '');
    const b = instanceSize(tokens[i + 1] ?? '');
    return a !== undefined && b !== undefined && b < a;
  });
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
  const clear = signals.filter((s) => s.strength >= CLEAR_STRENGTH);
  const killed = clear.some((s) => s.family === 'runtime_leak');
  const looping = clear.some((s) => s.family === 'runtime_crash');
  const jumped = clear.some((s) => s.family === 'memory' && s.climbedBefore === false);
  const grew = signals.some((s) => s.family === 'memory' && s.climbedBefore === true);
  return killed && looping && jumped && !grew && !clear.some((s) => s.family === 'traffic_up');
}

/**
 * The shortage a change relieved, if any: the resource that ran short in its service
 * (`shortResources`) whose limit the summary raised (`reserved concurrency 500 -> 1500`,
 * `max_connections 1000 -> 1200`), or, for a scaling change that added capacity (more
 * tasks, replicas, a larger instance), any resource that ran short, since every one grew.
 * More of the very thing the service ran out of cannot be why it ran out: such a change
 * is the response to the shortage (a mitigation, a scale-out), whoever made it and
 * however close to the onset it landed, never its cause.
 */
export function relievedShortage(change: { kind: string; summary: string; service: string }, signals: readonly Signal[], w: Weights = WEIGHTS): string | undefined {
  const short = shortResources(signals, w);
  if (short.size === 0) return undefined;
  const summary = withoutName(change.summary, change.service);
  const raised = (resource: string) => {
    const steps = limitSteps(summary, resource);
    return steps.length > 0 && steps.every((d) => d > 0);
  };
  const named = RESOURCES.find(([name, re]) => short.has(name) && re.test(summary) && raised(name))?.[0];
  if (named) return named;
  return change.kind === 'scaling' && (raised('capacity') || (limitSteps(summary, 'capacity').length === 0 && RAISED.test(summary) && !LOWERED.test(summary))) ? 'capacity' : undefined;
}
