import type { RecommendedAction, RootCauseKind, Suspect } from '../../contracts/index.js';
import type { ActionKind } from '../../contracts/index.js';
import { carriedByConnections, heldDeleted, pinnedIdle, readHeld, type HeldReading } from './held.js';
import { fullOfWhatItKeeps } from './keeps-all.js';
import { outgrownCompute, outgrownPool } from './outgrown.js';
import { ranOutOfSlots } from './out-of-slots.js';
import { heldBackByQuota } from './quota-bound.js';
import { CLEAR_STRENGTH, type Evidence, type Signal, type SignalFamily } from './types.js';

/**
 * The action table. Each kind maps to the one bounded, reversible action that undoes
 * it, or to none when no action of ours can help:
 *
 * | kind                | action        | when                                                      |
 * |---------------------|---------------|-----------------------------------------------------------|
 * | deployment          | rollback      | always: the previous version is known good               |
 * | config_change       | revert_config | always                                                   |
 * | feature_flag        | disable_flag  | always                                                   |
 * | traffic_surge       | scale_out     | always: demand beyond capacity                           |
 * | resource_exhaustion | restart       | only when the service's own evidence shows what a restart |
 * |                     |               | frees: an OOM kill, its heap exhausted, its descriptors   |
 * |                     |               | used up, a leak                                           |
 * |                     | scale_out     | when the descriptors it ran out of are held by the live   |
 * |                     |               | connections it serves, in health's proportion, and none   |
 * |                     |               | sit in CLOSE_WAIT (`held.ts`): growth, not a leak         |
 * |                     | restart       | when its own series show a leak it does not name: what it |
 * |                     |               | holds far above what its demand held in health, or        |
 * |                     |               | climbing steadily while demand does not (`held.ts`)       |
 * |                     | restart       | when what filled is held by files its process deleted but |
 * |                     |               | keeps open (`held.ts`): closing them frees the space      |
 * |                     | restart       | when what filled is its own scratch space (a pod's        |
 * |                     |               | ephemeral storage), which a fresh instance starts empty   |
 * |                     | scale_out     | when it turned calls away at its own limit (throttles):   |
 * |                     |               | demand beyond the capacity it is allowed                  |
 * |                     | scale_out     | when it has outgrown its compute: CPU pinned at a ceiling |
 * |                     |               | it already ran close to in health, demand held, its       |
 * |                     |               | instances up, nothing it calls in trouble (`outgrown.ts`)  |
 * |                     | scale_out     | when it has outgrown a pool of its own (connections,      |
 * |                     |               | workers) the same way: at the pool's size, run close to   |
 * |                     |               | it in health, demand held (`outgrown.ts`)                 |
 * |                     | scale_out     | when its CPU quota throttled it, demand held, its         |
 * |                     |               | instances up, nothing it calls in trouble                 |
 * |                     |               | (`quota-bound.ts`)                                        |
 * |                     | scale_out     | when it is a store full of what it keeps: memory at its   |
 * |                     |               | limit and writes refused, nothing evicted                 |
 * |                     |               | (`keeps-all.ts`): more memory takes writes again          |
 * |                     | scale_out     | when it ran out of what its load holds only while served  |
 * |                     |               | (CPU at its ceiling, its connections, clients, workers,   |
 * |                     |               | threads or ports all taken, none of what it keeps), its   |
 * |                     |               | demand shown to hold or rise, its instances up, nothing   |
 * |                     |               | it calls in trouble (`out-of-slots.ts`)                   |
 * |                     | none          | otherwise (a restart frees nothing a full store keeps,    |
 * |                     |               | more instances add no room to a full disk)                |
 * | dependency_failure  | none          | not ours to fix                                          |
 * | infrastructure      | scale_out     | only when the piece itself ran short under more demand    |
 * |                     |               | (a resolver throttled at the peak): capacity is its fix   |
 * |                     | none          | otherwise: the platform, not the service                  |
 * | code_defect         | none          | needs a fix, not an action                               |
 */
const TABLE: Record<RootCauseKind, ActionKind> = {
  deployment: 'rollback',
  config_change: 'revert_config',
  feature_flag: 'disable_flag',
  traffic_surge: 'scale_out',
  resource_exhaustion: 'restart',
  dependency_failure: 'none',
  infrastructure: 'none',
  code_defect: 'none',
};

/** A process's own words that it ran out of descriptors (files, sockets). */
const DESCRIPTORS_RUN_OUT = /too many open files|\bemfile\b|\benfile\b|file descriptors?/i;

/**
 * What a restart gives back, in a process's own words: the memory it holds (a heap run
 * out, a garbage collector that can no longer free any, a leak) and the descriptors it
 * holds open (files, sockets and connections never closed).
 */
const HELD_BY_THE_PROCESS = new RegExp(`out of memory|outofmemory|heap space|gc overhead|\\bleak|${DESCRIPTORS_RUN_OUT.source}`, 'i');

/** A service's own reports of how its process fares: its error lines, exceptions and runtime events, not what its callers saw. */
const OWN_REPORTS: readonly SignalFamily[] = ['log_error', 'exception', 'runtime_crash', 'runtime_other'];

/**
 * Evidence that a restart would free what is exhausted: the runtime killed the process
 * for outgrowing its memory, or the process itself says its heap or its descriptors ran
 * out. A caller told "out of memory" by a store at its configured cap is no such
 * evidence: the store is alive and full of data it keeps, which a restart would either
 * reload or lose. Nor is a restart or crash on its own: one that already happened while
 * the failure went on shows a restart does not undo it.
 */
function heldByTheProcess(service: string, signals: readonly Signal[]): Signal[] {
  return signals.filter((s) => s.service === service && (s.family === 'runtime_leak' || (OWN_REPORTS.includes(s.family) && s.strength >= CLEAR_STRENGTH && HELD_BY_THE_PROCESS.test(`${s.text} ${s.raw ?? ''}`))));
}

/**
 * A leak the process does not name: its memory, descriptors or connections climbing
 * steadily and far from health while demand did not grow with them, or connections
 * pinned idle inside transactions far past what health held (`held.ts`).
 */
function heldForNothing(service: string, evidence: readonly Evidence[]): HeldReading | undefined {
  for (const what of ['memory', 'descriptors', 'connections'] as const) {
    const reading = readHeld(service, what, evidence);
    if (reading) return reading;
  }
  return pinnedIdle(service, evidence);
}

/**
 * Storage an instance owns and loses with it: a pod's ephemeral storage, an `emptyDir`
 * scratch volume. Full of what one instance wrote, it is emptied by replacing the
 * instance, as a leaked heap is; a persistent volume or a database's storage keeps its
 * data across restarts, and no restart empties it.
 */
const EPHEMERAL = /ephemeral.?storage|emptydir/i;

/** A process's own words that a write found no space left. */
const NO_SPACE = /no space left|\benospc\b|disk (?:is )?full/i;

/**
 * Whether the service filled its own scratch space: its instances were evicted for their
 * ephemeral storage and its own process reports writes with no space left, so it is the
 * one that wrote it full, not a neighbour evicted from a node another filled. The
 * eviction and the process's words, or `undefined`.
 */
function ownScratchFull(service: string, signals: readonly Signal[]): [Signal, Signal] | undefined {
  const own = signals.filter((s) => s.service === service && s.strength >= CLEAR_STRENGTH);
  const evicted = own.find((s) => EPHEMERAL.test(`${s.text} ${s.raw ?? ''}`));
  const full = own.find((s) => OWN_REPORTS.includes(s.family) && NO_SPACE.test(`${s.text} ${s.raw ?? ''}`));
  return evicted && full ? [evicted, full] : undefined;
}

/** Families that say a piece ran short of what it runs on: CPU, memory, a pool, throttling. */
const SHORT: readonly SignalFamily[] = ['cpu', 'memory', 'saturation', 'runtime_throttle'];

/**
 * Whether a platform piece of ours failed because more demand than its capacity reached
 * it: its own requests rose and it ran short itself (a cluster resolver CPU-throttled at
 * the morning peak). Nothing in it is broken, so capacity undoes it; a lost node, a
 * network dropping packets or a zone out has no such evidence and needs a person.
 */
function overwhelmed(service: string, signals: readonly Signal[]): Signal[] {
  const own = signals.filter((s) => s.service === service && s.strength >= CLEAR_STRENGTH);
  const demand = own.filter((s) => s.family === 'traffic_up');
  const short = own.filter((s) => SHORT.includes(s.family));
  return demand.length > 0 && short.length > 0 ? [...demand, ...short] : [];
}

/** The most a reason quotes of one piece of evidence, so the reason stays whole within its bound. */
const QUOTE_CHARS = 200;

/** The RCA's bound on an action's reason. */
const REASON_CHARS = 500;

const quote = (text: string) => (text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS - 1)}…` : text);

/** An action with its reason held to its bound and its citations to five, the first the evidence the reason quotes. */
function action(kind: ActionKind, top: Suspect, reason: string, cited: readonly string[] = []): RecommendedAction {
  return { kind, service: top.service, reason: reason.length > REASON_CHARS ? `${reason.slice(0, REASON_CHARS - 1)}…` : reason, evidenceIds: [...new Set([...cited, ...top.evidenceIds])].slice(0, 5) };
}

/** The suspect's leading evidence, in parentheses, for a reason to cite; empty when it has none. */
const because = (top: Suspect) => (top.reasons[0] ? ` (${quote(top.reasons[0])})` : '');

/**
 * No action for an exhaustion that neither a restart nor more instances undoes, saying
 * which limit it ran into (a disk or cache full of what it keeps, a quota), and why
 * neither action answers it.
 */
function shortOfWhatNoActionGives(top: Suspect, signals: readonly Signal[]): RecommendedAction {
  const limit = signals
    .filter((s) => s.service === top.service && s.strength >= CLEAR_STRENGTH && (((s.family === 'memory' || s.family === 'saturation') && (s.peakShare ?? 0) >= 0.95) || (s.hint === 'resource_exhaustion' && s.local)))
    .sort((a, b) => b.strength - a.strength)[0];
  const why = 'nothing of its own shows what a restart would free (no OOM kill, no out-of-memory or too-many-open-files errors from its own process), nor that it outgrew its compute, so neither a restart nor a scale-out is recommended';
  if (!limit) return action('none', top, `${top.service} ran short, but ${why}`);
  return action('none', top, `${top.service} ran into a limit (${quote(limit.text)}); ${why}: more room, less data or a higher limit is a person's call`, [limit.evidenceId]);
}

/** Why no bounded action answers each kind the table maps to none, in the terms of that kind. */
const NO_ACTION: Partial<Record<RootCauseKind, (top: Suspect) => string>> = {
  dependency_failure: (top) => `no action: ${top.service} is a dependency outside our control${because(top)}; no rollback, restart or scale-out of ours undoes its failure, so mitigating it (failing over, degrading, calling its owner) is a person's call`,
  infrastructure: (top) => `no action: the platform under the services failed at ${top.service}${because(top)}; no rollback, restart or scale-out of one service undoes that, so it needs a person`,
  code_defect: (top) => `no action: ${top.service} has a latent defect${because(top)} with no change behind it to roll back; a restart or more instances would meet the same input again, so it needs a fix in its code`,
};

/** What each table action does, for a reason that then cites the suspect's leading evidence. */
const DOES: Partial<Record<ActionKind, (service: string) => string>> = {
  rollback: (service) => `roll ${service} back to its previous version`,
  revert_config: (service) => `revert the configuration change on ${service}`,
  disable_flag: (service) => `turn the feature flag on ${service} back off`,
  scale_out: (service) => `add capacity to ${service} for the extra demand`,
};

/** What the action table reads besides the signals: the evidence (a series' healthy reference) and the call graph (what the suspect calls). */
export interface ActionContext {
  evidence?: readonly Evidence[];
  graph?: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * The one bounded action recommended for the top suspect, with a reason that says why
 * in the evidence's own words, or none when no action of ours is shown to undo it: a
 * wrong action is worse than none.
 */
export function recommendAction(top: Suspect | undefined, signals: readonly Signal[], context: ActionContext = {}): RecommendedAction {
  if (!top) return { kind: 'none', reason: 'no suspect stands out, so no action is recommended', evidenceIds: [] };
  const kind = TABLE[top.kind];
  if (top.kind === 'infrastructure') {
    const under = overwhelmed(top.service, signals);
    if (under.length > 0) return action('scale_out', top, `scale ${top.service} out: it ran short under more demand than it was sized for (${quote(under[0]!.text)})`, under.map((s) => s.evidenceId));
  }
  if (kind === 'none') return action('none', top, NO_ACTION[top.kind]!(top));
  if (kind === 'restart') {
    const evidence = context.evidence ?? [];
    const held = heldByTheProcess(top.service, signals);
    const carried = held.length > 0 && held.every((s) => s.family !== 'runtime_leak' && DESCRIPTORS_RUN_OUT.test(`${s.text} ${s.raw ?? ''}`)) ? carriedByConnections(top.service, evidence) : undefined;
    if (carried) return action('scale_out', top, `scale ${top.service} out: it ran out of descriptors (${quote(held[0]!.text)}) held by the clients it serves (${quote(carried.text)}), not leaked; a restart drops them to come back, while more instances share them`, [held[0]!.evidenceId, carried.series.id]);
    if (held.length > 0) return action('restart', top, `restart ${top.service}: its own process ran out of what it holds (${quote(held[0]!.text)}), and a restart frees it`, held.map((s) => s.evidenceId));
    const leak = heldForNothing(top.service, evidence);
    if (leak) return action('restart', top, `restart ${top.service}: it holds more than its demand calls for (${quote(leak.text)}), as a leak does, and a restart frees it`, [leak.series.id]);
    const deleted = heldDeleted(top.service, evidence);
    if (deleted) return action('restart', top, `restart ${top.service}: the space it ran out of is held by its own process (${quote(deleted.text)}), which frees it when it closes them, as a restart does`, [deleted.series.id]);
    const scratch = ownScratchFull(top.service, signals);
    if (scratch) return action('restart', top, `restart ${top.service}: the space it ran out of is its own scratch space (${quote(scratch[0].text)}; ${quote(scratch[1].text)}), which a fresh instance starts with empty`, [scratch[0].evidenceId, scratch[1].evidenceId]);
    const refused = signals.find((s) => s.service === top.service && s.refusedCalls && s.strength >= CLEAR_STRENGTH);
    if (refused) return action('scale_out', top, `scale ${top.service} out: it turned calls away at its own limit (${quote(refused.text)}), demand beyond the capacity it is allowed; a restart frees nothing there, while more capacity (a higher concurrency or throughput limit, more instances) takes the calls it refuses`, [refused.evidenceId]);
    const callees = context.graph?.get(top.service) ?? new Set<string>();
    const outgrown = outgrownCompute(top.service, signals, evidence, callees) ?? outgrownPool(top.service, signals, evidence, callees);
    if (!outgrown) {
      const quota = heldBackByQuota(top.service, signals, callees);
      if (quota) return action('scale_out', top, `scale ${top.service} out: its CPU quota held its work back (${quote(quota.text)}) while its instances stayed up, its demand held and nothing it calls was in trouble; a restart brings back the same quota, while more instances (or a larger quota each) give the work the CPU it waits for`, [quota.evidenceId]);
      const kept = fullOfWhatItKeeps(top.service, signals, evidence);
      if (kept) return action('scale_out', top, `scale ${top.service} out: its memory is full of what it keeps and it refuses new writes rather than evict any; a restart would lose or reload the same data, while more memory (a larger node, more shards) takes writes again`, [kept]);
      const slots = ranOutOfSlots(top.service, signals, evidence, callees);
      if (slots) return action('scale_out', top, `scale ${top.service} out: it ran out of capacity its load holds only while it is served (${quote(slots.text)}) while its demand held, its instances stayed up, nothing it calls was in trouble and nothing showed a leak; a restart gives back the same capacity to the same load, while more instances each bring their own`, [slots.evidenceId]);
      return shortOfWhatNoActionGives(top, signals);
    }
    const { evidenceId, text, referenceShare } = outgrown;
    return action('scale_out', top, `scale ${top.service} out: ${quote(text)}, where its healthy reference already ran at ${Math.round(referenceShare * 100)}% of that ceiling; demand did not fall, its instances are up and nothing it calls is in trouble, so it has outgrown its capacity`, [evidenceId]);
  }
  return action(kind, top, `${DOES[kind]!(top.service)}${top.reasons[0] ? `: ${quote(top.reasons[0])}` : ''}`);
}
