import { EVIDENCE_ID_PREFIX, type EvidenceClass, type InvestigationRecord, type Rca, type ScenarioExpected } from '../functions/contracts/index.js';
import { LOW_CONFIDENCE } from '../functions/reason/deterministic.js';

const CLASS_BY_PREFIX = Object.fromEntries(Object.entries(EVIDENCE_ID_PREFIX).map(([cls, prefix]) => [prefix, cls as EvidenceClass]));

/** The evidence classes an RCA cites anywhere in its statements. */
export function citedClasses(rca: Rca | undefined): EvidenceClass[] {
  if (!rca) return [];
  const ids = [rca.summary, rca.rootCause.statement, ...rca.causalChain].flatMap((s) => s.evidenceIds);
  ids.push(...rca.recommendedActions.flatMap((a) => a.evidenceIds));
  const classes = new Set(ids.map((id) => CLASS_BY_PREFIX[id.split('_')[0]!]).filter((c): c is EvidenceClass => c !== undefined));
  return [...classes].sort();
}

export interface ScenarioScore {
  name: string;
  file?: string;
  expected?: ScenarioExpected;
  actual?: {
    rootCause: { service: string; kind: string };
    suspects: { service: string; kind: string; score: number }[];
    action: string;
    cited: EvidenceClass[];
    confidence: number;
    author: string;
  };
  top1: boolean;
  top3: boolean;
  actionCorrect: boolean;
  citesRequired: boolean;
  durationMs?: number;
  error?: string;
  /** The service the alert's normalizer inferred, and the rule that named it (absent: none was inferred). */
  alertService?: { service: string; inferredFrom?: string };
  /** With `eval --llm`: the RCA's own root cause beside the deterministic top suspect scored above. */
  llm?: LlmScore;
}

export interface LlmScore {
  author: Rca['author'];
  rootCause: { service: string; kind: string };
  top1: boolean;
  confidence: number;
  promptTokens: number;
  completionTokens: number;
  latencyMs: number;
  estimatedCostUsd?: number;
}

/** The model's root cause scored like the deterministic one; a fallback RCA counts as the model's miss only if it is wrong. */
export function scoreLlm(expected: ScenarioExpected | undefined, record: InvestigationRecord): LlmScore | undefined {
  const rca = record.rca;
  if (!rca) return undefined;
  const usage = rca.usage;
  return {
    author: rca.author,
    rootCause: { service: rca.rootCause.service, kind: rca.rootCause.kind },
    top1: !!expected && rca.rootCause.service === expected.rootCause.service && rca.rootCause.kind === expected.rootCause.kind,
    confidence: rca.confidence,
    promptTokens: usage?.promptTokens ?? 0,
    completionTokens: usage?.completionTokens ?? 0,
    latencyMs: usage?.latencyMs ?? 0,
    ...(usage?.estimatedCostUsd === undefined ? {} : { estimatedCostUsd: usage.estimatedCostUsd }),
  };
}

/** The model beside the deterministic layer on the same scenarios: top-1 for both, how often the model's answer was used, and what it cost. */
export function summarizeLlm(scores: ScenarioScore[]) {
  const n = scores.length;
  const scored = scores.flatMap((s) => (s.llm ? [s.llm] : []));
  const sum = (f: (l: LlmScore) => number) => scored.reduce((a, l) => a + f(l), 0);
  return {
    n,
    authoredByModel: scored.filter((l) => l.author === 'llm').length,
    top1: ratio(scored.filter((l) => l.top1).length, n),
    deterministicTop1: ratio(scores.filter((s) => s.top1).length, n),
    promptTokens: sum((l) => l.promptTokens),
    completionTokens: sum((l) => l.completionTokens),
    latencyMs: sum((l) => l.latencyMs),
    estimatedCostUsd: Math.round(sum((l) => l.estimatedCostUsd ?? 0) * 10_000) / 10_000,
  };
}

/** Scores one finished investigation against the scenario's known answer, as scenario-format.md defines. */
export function scoreRun(name: string, expected: ScenarioExpected | undefined, record: InvestigationRecord, durationMs: number): ScenarioScore {
  const rca = record.rca;
  const suspects = (record.scored?.suspects ?? []).map((s) => ({ service: s.service, kind: s.kind, score: s.score }));
  const action = rca?.recommendedActions[0]?.action ?? record.scored?.recommendedAction.kind ?? 'none';
  const cited = citedClasses(rca);
  const matches = (s: { service: string; kind: string }) => !!expected && s.service === expected.rootCause.service && s.kind === expected.rootCause.kind;
  return {
    name,
    expected,
    actual: rca
      ? { rootCause: { service: rca.rootCause.service, kind: rca.rootCause.kind }, suspects, action, cited, confidence: rca.confidence, author: rca.author }
      : undefined,
    top1: suspects.length > 0 && matches(suspects[0]!),
    top3: suspects.slice(0, 3).some(matches),
    actionCorrect: !!expected && (expected.action === undefined || expected.action === action),
    citesRequired: !!expected && (expected.mustCite ?? []).every((c) => cited.includes(c)),
    durationMs,
    ...(record.signal.service ? { alertService: { service: record.signal.service, ...(record.signal.serviceInferredFrom ? { inferredFrom: record.signal.serviceInferredFrom } : {}) } } : {}),
  };
}

export function failedRun(name: string, error: string, expected?: ScenarioExpected): ScenarioScore {
  return { name, expected, top1: false, top3: false, actionCorrect: false, citesRequired: false, error };
}

/** Confidence the product promises is right nine times in ten or more. */
const HIGH_CONFIDENCE = 0.8;

/**
 * The bands confidence is judged in: below {@link LOW_CONFIDENCE} the RCA says "Low
 * confidence" and should be mostly wrong or unsure; at {@link HIGH_CONFIDENCE} or more it
 * should be right nine times in ten; between, in proportion.
 */
const CONFIDENCE_BANDS = [
  { band: `< ${LOW_CONFIDENCE}`, from: 0, to: LOW_CONFIDENCE },
  { band: `${LOW_CONFIDENCE}–${HIGH_CONFIDENCE}`, from: LOW_CONFIDENCE, to: HIGH_CONFIDENCE },
  { band: `≥ ${HIGH_CONFIDENCE}`, from: HIGH_CONFIDENCE, to: Infinity },
] as const;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const ratio = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 1000) / 1000);

/**
 * The services of a ranking in the order they first appear: the ranking of services, which
 * is what a service-level top-k counts. The suspects are (service, kind) pairs, so one
 * service can hold two of the first three places (a deployment and the code defect it could
 * also be); counting it twice would leave room for only two services in a "top three".
 */
export function servicesInOrder(suspects: readonly { service: string }[]): string[] {
  return [...new Set(suspects.map((s) => s.service))];
}

/** Whether the expected service is among the first `k` services of the run's ranking. */
function serviceWithin(s: ScenarioScore, k: number): boolean {
  return !!s.expected && !!s.actual && servicesInOrder(s.actual.suspects).slice(0, k).includes(s.expected.rootCause.service);
}

/** The scorecard's summary: the format's four rates, then calibration (right answers per confidence band) and time. */
export function summarize(scores: ScenarioScore[]) {
  const n = scores.length;
  const count = (f: (s: ScenarioScore) => boolean) => scores.filter(f).length;
  const times = scores.map((s) => s.durationMs ?? 0).sort((a, b) => a - b);
  return {
    n,
    top1: ratio(count((s) => s.top1), n),
    top3: ratio(count((s) => s.top3), n),
    action: ratio(count((s) => s.actionCorrect), n),
    cites: ratio(count((s) => s.citesRequired), n),
    serviceTop1: ratio(count((s) => serviceWithin(s, 1)), n),
    serviceTop3: ratio(count((s) => serviceWithin(s, 3)), n),
    /** How often the alert's normalizer named a service at all: without one, the investigation cannot narrow to a neighbourhood. */
    alertServiceInferred: ratio(count((s) => s.alertService !== undefined), n),
    errors: count((s) => s.error !== undefined),
    /** Per confidence band, how many answers fell in it and how many of them were right (service and kind). */
    calibration: CONFIDENCE_BANDS.map(({ band, from, to }) => {
      const inBand = scores.filter((s) => s.actual && s.actual.confidence >= from && s.actual.confidence < to);
      const right = inBand.filter((s) => s.top1).length;
      return { band, n: inBand.length, right, top1: ratio(right, inBand.length) };
    }),
    timeMs: { p50: percentile(times, 50), p99: percentile(times, 99), total: times.reduce((a, b) => a + b, 0) },
  };
}
export type EvalSummary = ReturnType<typeof summarize>;
