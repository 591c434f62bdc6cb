import { CALIBRATION, calibrated, confidenceFeatures, confidenceOf, FAILED_PROVIDER, type Calibration, type ConfidenceFeatures } from '../functions/score/core/confidence.js';
import { rankInvestigation } from '../functions/score/core/index.js';
import { rivalExplains } from '../functions/score/core/rivals.js';
import { DEVELOPMENT_SUITES as SUITES, replaySuite, type Suite } from './suites.js';

/*
 * Says whether the confidence means what it says, and fits it. Each scenario is replayed
 * and ranked once (the ranking does not depend on the calibration); its top answer is
 * marked right when service and kind match the scenario's expected root cause. Printed:
 *   - per suite, with the shipped `CALIBRATION`, how many answers fall in each band
 *     (< 0.5, 0.5–0.8, ≥ 0.8) and how many of them are right;
 *   - leave-one-suite-out: the calibration fitted on the other suites (same procedure as
 *     `--fit`), the bands of the one left out, which it never saw;
 *   - with `--fit`, the calibration fitted on all of them, to paste into `confidence.ts`.
 * The fit: logistic regression of "right" on `ConfidenceFeatures` (Newton's method, L2
 * 0.1 on every weight but the intercept), then the intercept lowered in steps of 0.05
 * until the answers at ≥ 0.8 on the suites fitted are right at least `TARGET` of the
 * time: a held-out suite is less kind than the suites fitted, and 0.8 must keep meaning
 * nine in ten there.
 *
 * Usage: npx tsx bench/calibration.ts [--fit] [--verbose]
 * Suites are listed by name below; nothing else under scenarios/ is read. The Nezha sets
 * are read from CAUSEWAY_SHARED (default `../shared`).
 */

/** Share of the fitted suites' answers at ≥ 0.8 that must be right once the intercept is lowered. */
const TARGET = 0.97;
const L2 = 0.1;

interface Case {
  suite: string;
  name: string;
  right: boolean;
  /** Absent when nothing stood out: the answer is the alerting service at the floor confidence, and wrong. */
  features?: ConfidenceFeatures;
  /** The shipped confidence, provider failures included. */
  confidence: number;
  /** What the provider failures leave of a calibrated probability (1 when none failed). */
  failures: number;
  answer: string;
  expected: string;
}

async function load(suite: Suite): Promise<Case[]> {
  const out: Case[] = [];
  for (const { file: f, evidence } of await replaySuite(suite)) {
    const { scenario, signal, topology, results } = evidence;
    const expected = scenario.expected!.rootCause;
    const { suspects, profiles, graph, attributions } = rankInvestigation({ signal, topology, results });
    const top = suspects[0];
    const signals = top ? (profiles.get(top.service)?.signals ?? []) : [];
    const rival = rivalExplains(top, profiles, graph, attributions);
    const features = confidenceFeatures(suspects, signals, rival);
    const confidence = confidenceOf(suspects, results, signals, CALIBRATION, rival).confidence;
    const failures = results.filter((r) => r.status === 'error').length;
    out.push({ suite: suite.name, name: f, right: top?.service === expected.service && top.kind === expected.kind, ...(features ? { features } : {}), confidence, failures: Math.pow(FAILED_PROVIDER, failures), answer: top ? `${top.service}/${top.kind}` : 'nothing stands out', expected: `${expected.service}/${expected.kind}` });
  }
  return out;
}

const NAMES = ['strength', 'serviceMargin', 'kindMargin', 'changeFits', 'codeDefect', 'contestedKind', 'rivalExplains'] as const;
const vector = (f: ConfidenceFeatures) => [1, ...NAMES.map((n) => Number(f[n]))];
const toCalibration = (w: readonly number[]): Calibration => ({ intercept: w[0]!, ...Object.fromEntries(NAMES.map((n, i) => [n, w[i + 1]!])) }) as Calibration;

/** Solves `a x = b` (small, symmetric positive definite) by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    const p = m.slice(c).reduce((best, row, i) => (Math.abs(row[c]!) > Math.abs(m[best]![c]!) ? c + i : best), c);
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const k = m[r]![c]! / m[c]![c]!;
      for (let j = c; j <= n; j++) m[r]![j]! -= k * m[c]![j]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) x[r] = (m[r]![n]! - m[r]!.slice(r + 1, n).reduce((s, v, j) => s + v * x[r + 1 + j]!, 0)) / m[r]![r]!;
  return x;
}

/** Penalized logistic regression by Newton's method: a fixed number of steps, deterministic. */
function logistic(cases: readonly Case[]): number[] {
  const xs = cases.map((c) => vector(c.features!));
  const d = xs[0]!.length;
  let w = new Array<number>(d).fill(0);
  for (let step = 0; step < 50; step++) {
    const g = new Array<number>(d).fill(0);
    const h = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    xs.forEach((x, i) => {
      const p = 1 / (1 + Math.exp(-x.reduce((s, v, j) => s + v * w[j]!, 0)));
      const y = cases[i]!.right ? 1 : 0;
      for (let j = 0; j < d; j++) {
        g[j]! += (p - y) * x[j]!;
        for (let k = 0; k < d; k++) h[j]![k]! += p * (1 - p) * x[j]! * x[k]!;
      }
    });
    for (let j = 1; j < d; j++) {
      g[j]! += L2 * w[j]!;
      h[j]![j]! += L2;
    }
    const delta = solve(h, g);
    w = w.map((v, j) => v - delta[j]!);
  }
  return w;
}

const confidenceUnder = (c: Case, cal: Calibration) => (c.features ? calibrated(c.features, cal) * c.failures : c.confidence);
const BANDS = ['< 0.5', '0.5–0.8', '≥ 0.8'] as const;
const bandOf = (x: number) => (x < 0.5 ? 0 : x < 0.8 ? 1 : 2);

/** Right and total answers per band. */
function bands(cases: readonly Case[], confidence: (c: Case) => number): [number, number][] {
  const out: [number, number][] = BANDS.map(() => [0, 0]);
  for (const c of cases) {
    const b = out[bandOf(confidence(c))]!;
    b[0] += c.right ? 1 : 0;
    b[1] += 1;
  }
  return out;
}

/** The procedure in full: fit, then lower the intercept until ≥ 0.8 answers on `cases` are right `TARGET` of the time. */
function fit(cases: readonly Case[]): Calibration {
  const w = logistic(cases.filter((c) => c.features));
  for (let shift = 0; shift > -3; shift -= 0.05) {
    const cal = toCalibration([w[0]! + shift, ...w.slice(1)]);
    const [right, total] = bands(cases, (c) => confidenceUnder(c, cal))[2]!;
    if (right >= TARGET * total) return cal;
  }
  return toCalibration([w[0]! - 3, ...w.slice(1)]);
}

const cell = ([right, total]: [number, number]) => `${right}/${total}`;
const row = (name: string, b: [number, number][]) => `| ${name} | ${b.map(cell).join(' | ')} |`;
const HEADER = `| suite | ${BANDS.join(' | ')} |\n|---|---|---|---|`;
const sum = (rows: [number, number][][]) => BANDS.map((_, i) => rows.reduce<[number, number]>((a, r) => [a[0] + r[i]![0], a[1] + r[i]![1]], [0, 0]));

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const data = new Map<string, Case[]>();
  for (const suite of SUITES) data.set(suite.name, await load(suite));
  const all = [...data.values()].flat();
  console.log(`ranked ${all.length} scenarios; right (service and kind) ${all.filter((c) => c.right).length}`);

  console.log('\nShipped calibration, per suite (right/total per band):\n' + HEADER);
  const shipped = [...data].map(([name, cases]) => bands(cases, (c) => c.confidence));
  [...data.keys()].forEach((name, i) => console.log(row(name, shipped[i]!)));
  console.log(row('all', sum(shipped)));

  console.log('\nLeave-one-suite-out: fitted on the others, scored on this one:\n' + HEADER);
  const held: [number, number][][] = [];
  for (const [name, cases] of data) {
    const cal = fit(all.filter((c) => c.suite !== name));
    held.push(bands(cases, (c) => confidenceUnder(c, cal)));
    console.log(`${row(name, held.at(-1)!)} ${JSON.stringify(Object.fromEntries(Object.entries(cal).map(([k, v]) => [k, Number(v.toFixed(2))])))}`);
  }
  console.log(row('all', sum(held)));

  if (args.includes('--fit')) {
    const cal = fit(all);
    console.log(`\nFitted on all suites (paste into confidence.ts):\n${JSON.stringify(Object.fromEntries(Object.entries(cal).map(([k, v]) => [k, Number(v.toFixed(2))])))}`);
    console.log(`differs from the shipped one by at most ${Math.max(...Object.entries(cal).map(([k, v]) => Math.abs(v - CALIBRATION[k as keyof Calibration]))).toFixed(3)}`);
  }
  if (args.includes('--verbose')) {
    for (const c of all.filter((c) => (c.confidence >= 0.8 && !c.right) || (c.confidence < 0.5 && c.right))) console.log(`${c.right ? 'right, low ' : 'wrong, high'} ${c.confidence.toFixed(2)} ${c.suite} ${c.name}: ${c.answer} (expected ${c.expected})`);
  }
}

await main();
