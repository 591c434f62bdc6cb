import { join } from 'node:path';
import { scoreInvestigation } from '../functions/score/core/index.js';
import { WEIGHTS, type Weights } from '../functions/score/core/weights.js';
import type { ReplayedEvidence } from '../test/helpers/direct-replay.js';
import { DEVELOPMENT_SUITES as SUITES, SHARED, replaySuite, type Suite } from './suites.js';

/*
 * Chooses the scorer's weights by measurement, and says whether the choice generalizes.
 * Each scenario's providers are replayed once (their results do not depend on the
 * weights) and kept in memory; candidate weights are then scored against every cached
 * scenario in milliseconds. The search is coordinate descent over every number in
 * `Weights` (each tried at a few multiples, integers ±1), a fixed order, a few passes:
 * deterministic. The objective is the mean over suites of top-1 (service and kind),
 * ties broken by service top-1 then top-3, with the own suite held at ≥ 33/34 top-1 and
 * every service right whenever it is among the suites tuned on, and the shared
 * scenarios never losing an answer.
 *
 * Usage:
 *   npx tsx bench/tune-weights.ts --loso [--passes N]   leave-one-suite-out: tune on all suites but one, score that one
 *   npx tsx bench/tune-weights.ts --all [--passes N]    tune on all of them, print the changed weights
 *   npx tsx bench/tune-weights.ts --fold NAME[,NAME]    some folds of --loso (to run folds in parallel)
 *   --only PATH[,PATH]   search only these weights (`propagation.minStrength`)
 *   --consensus          keep a move only when two or more training suites gain and none loses
 *   --wide               try each weight from ×0.1 to ×4 instead of ×0.5 to ×2
 *   --apply '{"PATH": VALUE}'   score every suite with these values instead of searching
 * The suites are `suites.ts`'s development suites; nothing else under scenarios/ is read.
 * The Nezha sets and shared scenarios are read from CAUSEWAY_SHARED (default `../shared`).
 */

/** Scenarios every weighting must keep right, though no fold of their own. */
const GUARD: Suite = { name: 'shared', dir: join(SHARED, 'scenarios') };
/** The own suite's floor: one miss at most, and the service always right. */
const OWN_TOP1 = 33;

interface Case {
  evidence: ReplayedEvidence;
  service: string;
  kind: string;
}

interface Tally {
  n: number;
  top1: number;
  top3: number;
  svc1: number;
  svc3: number;
}

async function load(suite: Suite): Promise<Case[]> {
  return (await replaySuite(suite)).map(({ evidence }) => ({ evidence, service: evidence.scenario.expected!.rootCause.service, kind: evidence.scenario.expected!.rootCause.kind }));
}

function tally(cases: readonly Case[], w: Weights): Tally {
  const t: Tally = { n: cases.length, top1: 0, top3: 0, svc1: 0, svc3: 0 };
  for (const c of cases) {
    const { signal, topology, results } = c.evidence;
    const s = scoreInvestigation({ signal, topology, results }, w).suspects;
    const match = (i: number) => s[i]?.service === c.service && s[i]?.kind === c.kind;
    if (match(0)) t.top1++;
    if ([0, 1, 2].some(match)) t.top3++;
    if (s[0]?.service === c.service) t.svc1++;
    if (s.slice(0, 3).some((x) => x.service === c.service)) t.svc3++;
  }
  return t;
}

/** One number per leaf of the weights, by path: what the search moves. */
function leaves(w: unknown, prefix: string[] = []): { path: string[]; value: number }[] {
  if (typeof w === 'number') return [{ path: prefix, value: w }];
  return Object.entries(w as Record<string, unknown>).flatMap(([k, v]) => leaves(v, [...prefix, k]));
}

function withValue(w: Weights, path: readonly string[], value: number): Weights {
  const copy = structuredClone(w) as unknown as Record<string, unknown>;
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[path.at(-1)!] = value;
  return copy as unknown as Weights;
}

const INTEGER = new Set(['onset.minBaselinePoints', 'onset.recoveredPoints', 'metrics.minReferencePoints', 'metrics.sparsePoints', 'logs.novelBaselineSteps', 'traces.fullBaselineSteps', 'links.minCallees', 'shared.minCallers', 'platform.minVictims']);
/** Counts that mean "several": one would change what the rule is. */
const SEVERAL = new Set(['links.minCallees', 'shared.minCallers', 'platform.minVictims']);
/** Shares and strengths live in 0..1 (they feed noisy-or); thresholds, ratios and durations do not. */
const UNBOUNDED = new Set(['traces.referenceFloorMs']);
const MULTIPLES = [0.5, 0.75, 1.25, 1.5, 2];
/** With `--wide`: far enough to switch a rule off or make it dominate. */
const WIDE = [0.1, 0.25, 0.5, 0.75, 1.25, 1.5, 2, 4];

function candidates(path: readonly string[], value: number, multiples: readonly number[]): number[] {
  const key = path.join('.');
  if (INTEGER.has(key)) return [value - 1, value + 1].filter((v) => v >= (SEVERAL.has(key) ? 2 : key.endsWith('Steps') ? 0 : 1));
  const bounded = value <= 1 && !UNBOUNDED.has(key);
  const out = multiples.map((m) => Number((value * m).toPrecision(6))).map((v) => (bounded ? Math.min(1, v) : v));
  return [...new Set(out)].filter((v) => v !== value);
}

type Scores = Map<string, Tally>;

class Scorer {
  private readonly memo = new Map<string, Scores>();
  evaluations = 0;
  constructor(private readonly data: ReadonlyMap<string, Case[]>) {}
  /** Every suite's tally under `w`, memoized: folds share the steps their searches have in common. */
  score(w: Weights, suites: readonly string[]): Scores {
    const key = JSON.stringify(w);
    let scores = this.memo.get(key);
    if (!scores) this.memo.set(key, (scores = new Map()));
    for (const s of suites) {
      if (scores.has(s)) continue;
      scores.set(s, tally(this.data.get(s)!, w));
      this.evaluations++;
    }
    return scores;
  }
}

const rate = (t: Tally, k: keyof Omit<Tally, 'n'>) => t[k] / Math.max(1, t.n);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** The objective as a comparable triple: mean top-1, then mean service top-1, then mean top-3. */
function objective(scores: Scores, suites: readonly string[]): [number, number, number] {
  return [mean(suites.map((s) => rate(scores.get(s)!, 'top1'))), mean(suites.map((s) => rate(scores.get(s)!, 'svc1'))), mean(suites.map((s) => rate(scores.get(s)!, 'top3')))];
}

const better = (a: readonly number[], b: readonly number[]) => {
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i]! - b[i]!) > 1e-9) return a[i]! > b[i]!;
  return false;
};

function admissible(scores: Scores, suites: readonly string[], guard: Tally): boolean {
  const own = scores.get('own');
  if (suites.includes('own') && own && (own.top1 < OWN_TOP1 || own.svc1 < own.n)) return false;
  const g = scores.get(GUARD.name)!;
  return g.top1 >= guard.top1 && g.svc1 >= guard.svc1;
}

/** A suite's figures as a comparable triple: top-1, service top-1, top-3. */
const triple = (t: Tally) => [t.top1, t.svc1, t.top3];

/**
 * Whether a move is backed by more than one suite: at least two training suites gain
 * (top-1, then service top-1, then top-3) and none loses. A move that one suite alone
 * asks for is that suite's shape, which leave-one-suite-out shows does not transfer.
 */
function agreed(now: Scores, trial: Scores, train: readonly string[]): boolean {
  const gains = train.filter((s) => better(triple(trial.get(s)!), triple(now.get(s)!))).length;
  return gains >= 2 && train.every((s) => !better(triple(now.get(s)!), triple(trial.get(s)!)));
}

/**
 * Coordinate descent on `train`: each weight at each candidate in a fixed order, keeping a
 * move only when the objective rises and the floors hold (and, with `consensus`, when
 * several suites agree: `agreed`).
 */
interface Search {
  passes: number;
  /** Keep only moves several suites agree on (`agreed`). */
  consensus: boolean;
  multiples: readonly number[];
  /** Search only these weights (paths), when given. */
  only?: ReadonlySet<string>;
}

function tune(scorer: Scorer, train: readonly string[], { passes, consensus, multiples, only }: Search, log: (line: string) => void): Weights {
  const scored = [...train, GUARD.name];
  const guard = scorer.score(WEIGHTS, scored).get(GUARD.name)!;
  let w: Weights = structuredClone(WEIGHTS) as Weights;
  let best = objective(scorer.score(w, scored), train);
  for (let pass = 0; pass < passes; pass++) {
    let moved = false;
    for (const { path } of leaves(WEIGHTS).filter((l) => !only || only.has(l.path.join('.')))) {
      const current = leaves(w).find((l) => l.path.join('.') === path.join('.'))!.value;
      for (const v of candidates(path, current, multiples)) {
        const trial = withValue(w, path, v);
        const scores = scorer.score(trial, scored);
        if (!admissible(scores, train, guard) || (consensus && !agreed(scorer.score(w, scored), scores, train))) continue;
        const o = objective(scores, train);
        if (better(o, best)) {
          [w, best] = [trial, o];
          moved = true;
          log(`  pass ${pass + 1}: ${path.join('.')} ${current} -> ${v}: ${o.map((x) => (100 * x).toFixed(2)).join(' / ')}`);
        }
      }
    }
    if (!moved) break;
  }
  return w;
}

/** The weights that differ from the defaults, as path → [default, tuned]. */
function changes(w: Weights): Map<string, [number, number]> {
  const tuned = new Map(leaves(w).map((l) => [l.path.join('.'), l.value]));
  return new Map(leaves(WEIGHTS).flatMap((l) => (tuned.get(l.path.join('.')) !== l.value ? [[l.path.join('.'), [l.value, tuned.get(l.path.join('.'))!] as [number, number]]] : [])));
}

const fmt = (t: Tally) => `top1 ${t.top1}/${t.n} top3 ${t.top3}/${t.n} svc1 ${t.svc1}/${t.n} svc3 ${t.svc3}/${t.n}`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const passes = Number(option('--passes') ?? 2);
  const fold = option('--fold');
  const only = option('--only') ? new Set(option('--only')!.split(',')) : undefined;
  const apply = option('--apply');
  const consensus = args.includes('--consensus');
  const search: Search = { passes, consensus, multiples: args.includes('--wide') ? WIDE : MULTIPLES, ...(only ? { only } : {}) };
  const data = new Map<string, Case[]>();
  const started = performance.now();
  for (const suite of [...SUITES, GUARD]) data.set(suite.name, await load(suite));
  console.log(`replayed ${[...data.values()].reduce((a, c) => a + c.length, 0)} scenarios once in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const scorer = new Scorer(data);
  const all = SUITES.map((s) => s.name);
  const t0 = performance.now();
  const base = scorer.score(WEIGHTS, [...all, GUARD.name]);
  console.log(`one scoring of every suite: ${(performance.now() - t0).toFixed(0)} ms`);
  for (const s of [...all, GUARD.name]) console.log(`defaults ${s.padEnd(9)} ${fmt(base.get(s)!)}`);
  if (args.includes('--loso') || fold) {
    const rows: string[] = [];
    for (const heldOut of all.filter((s) => !fold || fold.split(',').includes(s))) {
      const train = all.filter((s) => s !== heldOut);
      console.log(`fold: hold out ${heldOut}`);
      const w = tune(scorer, train, search, (l) => console.log(l));
      const after = scorer.score(w, [heldOut]).get(heldOut)!;
      const before = base.get(heldOut)!;
      rows.push(`| ${heldOut} | ${before.n} | ${before.top1} → ${after.top1} | ${before.top3} → ${after.top3} | ${before.svc1} → ${after.svc1} | ${before.svc3} → ${after.svc3} | ${[...changes(w)].map(([k, [a, b]]) => `${k} ${a}→${b}`).join(', ')} |`);
      console.log(`CHANGES ${heldOut} ${JSON.stringify(Object.fromEntries(changes(w)))}`);
      console.log(`HELDOUT ${heldOut} before ${fmt(before)} after ${fmt(after)}`);
    }
    console.log('\n| held out | n | top-1 | top-3 | service top-1 | service top-3 | changed (tuned on the other five) |\n|---|---|---|---|---|---|---|');
    for (const r of rows) console.log(r);
  }
  if (args.includes('--all')) {
    const w = tune(scorer, all, search, (l) => console.log(l));
    const after = scorer.score(w, [...all, GUARD.name]);
    for (const s of [...all, GUARD.name]) console.log(`tuned ${s.padEnd(9)} ${fmt(base.get(s)!)} -> ${fmt(after.get(s)!)}`);
    console.log(`CHANGES all ${JSON.stringify(Object.fromEntries(changes(w)))}`);
  }
  if (apply) {
    let w: Weights = WEIGHTS;
    for (const [path, value] of Object.entries(JSON.parse(apply) as Record<string, number>)) w = withValue(w, path.split('.'), value);
    const after = scorer.score(w, [...all, GUARD.name]);
    for (const s of [...all, GUARD.name]) console.log(`applied ${s.padEnd(9)} ${fmt(base.get(s)!)} -> ${fmt(after.get(s)!)}`);
  }
  console.log(`${scorer.evaluations} suite scorings in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

await main();
