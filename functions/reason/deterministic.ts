import type { IncidentSignal, Rca, ScoredEvidence, Statement } from '../contracts/index.js';

const KIND_WORDS: Record<Rca['rootCause']['kind'], string> = {
  deployment: 'a bad deployment',
  config_change: 'a configuration change',
  feature_flag: 'a feature flag change',
  resource_exhaustion: 'resource exhaustion',
  dependency_failure: 'a failing dependency',
  infrastructure: 'an infrastructure problem',
  traffic_surge: 'a traffic surge beyond capacity',
  code_defect: 'a code defect',
};

const hhmm = (iso: string) => `${iso.slice(11, 16)}Z`;

/** Below this confidence the RCA says so first: the reader must check the alternatives. */
export const LOW_CONFIDENCE = 0.5;

/** The label that opens a low-confidence summary, and the caveat that says why, as written below. */
const LOW_SUMMARY = /^Low confidence \(\d\.\d\d\): /;
const LOW_CAVEAT = /^low confidence \(\d\.\d\d\)/;

/**
 * The RCA labeled for the confidence it carries: below {@link LOW_CONFIDENCE} its summary
 * opens with "Low confidence (0.xx): " and its first caveat says so, at that figure; at or
 * above it, neither. For a model's RCA after grounding, whose confidence may have fallen
 * below the deterministic one (or below 0.5 from above it): an RCA the reader should
 * doubt always says so first, whoever wrote it. A label already there (the deterministic
 * writer's, at its own figure) is restated at the final figure, its reason kept.
 */
export function labelConfidence(rca: Rca): Rca {
  const summaryText = rca.summary.text.replace(LOW_SUMMARY, '');
  const earlier = rca.caveats.find((c) => LOW_CAVEAT.test(c));
  const caveats = rca.caveats.filter((c) => c !== earlier);
  if (rca.confidence >= LOW_CONFIDENCE) return { ...rca, summary: { ...rca.summary, text: summaryText }, caveats };
  const figure = `low confidence (${rca.confidence.toFixed(2)})`;
  const caveat = earlier ? earlier.replace(LOW_CAVEAT, figure) : `${figure}: check the evidence and the alternatives before acting`;
  return { ...rca, summary: { ...rca.summary, text: `Low confidence (${rca.confidence.toFixed(2)}): ${summaryText}`.slice(0, 2000) }, caveats: [caveat, ...caveats].slice(0, 20) };
}

/** The causal chain names the few steps from the root cause to the alert; the rest is in the timeline. */
const MAX_CHAIN = 6;

/**
 * The RCA written straight from the scored evidence, in an on-call engineer's words:
 * what broke, where it started, how it spread, what to do. It is the fallback when no
 * model is configured or the model's answer fails grounding, so it never claims anything
 * the digest does not hold: every statement cites ids present in `scored.evidence`, and
 * a statement with nothing to cite is left out. The summary names the next two services
 * in line and cites what speaks for them, so a reader can check the alternatives. The causal chain follows the scorer's
 * path from the root cause to the alert, at most six statements. An RCA that blames a
 * change says what changed at it; every change on the failing path passed over is
 * listed with the reason it was ruled out; below 0.5 confidence the summary opens with
 * "Low confidence".
 */
export function writeDeterministicRca(input: { signal: IncidentSignal; scored: ScoredEvidence }): Rca {
  const { signal, scored } = input;
  const present = new Set(scored.evidence.map((e) => e.id));
  const cite = (ids: readonly string[]) => [...new Set(ids.filter((id) => present.has(id)))].slice(0, 20);
  const stmt = (text: string, ids: readonly string[]): Statement | undefined => {
    const evidenceIds = cite(ids);
    return evidenceIds.length > 0 ? { text: text.slice(0, 2000), evidenceIds, verified: true } : undefined;
  };
  const caveats = caveatsOf(scored);
  const top = scored.suspects[0];
  const alerted = signal.service ?? 'the alerting service';
  if (!top) {
    const any = scored.evidence.slice(0, 3).map((e) => e.id);
    const text = `Low confidence (${scored.confidence.toFixed(2)}): no service stands out from its baseline; "${signal.title}" could not be traced to a cause from the evidence gathered.`;
    const statement = { text, evidenceIds: cite(any), verified: any.length > 0 };
    return { author: 'deterministic', summary: statement, rootCause: { service: alerted, kind: 'code_defect', statement }, causalChain: [], recommendedActions: [{ action: 'none', reason: scored.recommendedAction.reason, evidenceIds: [] }], confidence: scored.confidence, caveats: [`low confidence (${scored.confidence.toFixed(2)}): nothing in the evidence singles out a cause`, ...caveats].slice(0, 20) };
  }
  const victim = signal.service && signal.service !== top.service ? ` ${signal.service} alerted, but the trouble started in ${top.service}.` : '';
  const blamed = scored.changes?.find((c) => c.verdict === 'blamed');
  const rootText = blamed ? `${top.service}: ${KIND_WORDS[top.kind]}. What changed: ${blamed.reason}` : `${top.service}: ${KIND_WORDS[top.kind]}. ${top.reasons[0] ?? ''}`.trim();
  const root = stmt(rootText, blamed ? [blamed.evidenceId, ...top.evidenceIds] : top.evidenceIds) ?? { text: rootText, evidenceIds: [], verified: false };
  const others = scored.suspects.filter((s) => s.service !== top.service).slice(0, 2);
  const runnersUp = others.length > 0 ? ` Next most likely: ${others.map((s) => `${KIND_WORDS[s.kind]} in ${s.service}`).join('; ')}.` : '';
  const low = scored.confidence < LOW_CONFIDENCE ? `Low confidence (${scored.confidence.toFixed(2)}): ` : '';
  const summaryText = `${low}"${signal.title}" is most likely caused by ${KIND_WORDS[top.kind]} in ${top.service}.${victim}${scored.onsetAt ? ` Trouble began at ${hhmm(scored.onsetAt)}.` : ''}${runnersUp}`;
  const summaryIds = [...top.evidenceIds, ...others.flatMap((s) => s.evidenceIds.slice(0, 3))];
  const summary = stmt(summaryText, summaryIds) ?? { text: summaryText, evidenceIds: [], verified: false };
  const steps = scored.causalPath ?? scored.timeline.filter((t) => t.service === top.service || t.service === signal.service);
  const chain = steps
    .filter((t) => present.has(t.evidenceId))
    .slice(0, MAX_CHAIN)
    .map((t) => stmt(`${hhmm(t.at)} ${t.text}`, [t.evidenceId]))
    .filter((s): s is Statement => s !== undefined);
  const action = scored.recommendedAction;
  const alternatives = scored.suspects.slice(1, 3).map((s) => `${s.service} (${s.kind.replace('_', ' ')}, score ${s.score.toFixed(2)})`);
  if (low) caveats.unshift(`low confidence (${scored.confidence.toFixed(2)}): the evidence does not single out ${top.service}; check the alternatives before acting`);
  if (alternatives.length > 0) caveats.push(`also considered: ${alternatives.join('; ')}`.slice(0, 500));
  for (const c of scored.changes ?? []) if (c.verdict === 'ruled_out') caveats.push(`ruled out ${c.evidenceId}: ${c.reason}`.slice(0, 500));
  return {
    author: 'deterministic',
    summary,
    rootCause: { service: top.service, kind: top.kind, statement: root },
    causalChain: chain,
    recommendedActions: [{ action: action.kind, ...(action.service ? { service: action.service } : {}), reason: action.reason, evidenceIds: cite(action.evidenceIds) }],
    confidence: scored.confidence,
    caveats: caveats.slice(0, 20),
  };
}

/** Gaps a reader must know: providers that failed, classes that returned nothing, budgets that cut evidence. */
function caveatsOf(scored: ScoredEvidence): string[] {
  const caveats: string[] = [];
  for (const p of scored.providers) {
    if (p.status === 'error') caveats.push(`${p.evidenceClass} could not be read (${p.backend.id}: ${p.error?.name ?? 'error'}: ${p.error?.message ?? ''}); searched ${p.query.text}`.slice(0, 500));
  }
  const classes = ['metrics', 'logs', 'traces', 'changes'] as const;
  for (const cls of classes) {
    const ps = scored.providers.filter((p) => p.evidenceClass === cls);
    if (ps.length === 0) caveats.push(`no ${cls} backend is configured, so ${cls} were not considered`);
    else if (ps.every((p) => p.status === 'no_data')) caveats.push(`no ${cls} found (${ps[0]!.query.text})`.slice(0, 500));
  }
  if (scored.digest.itemsOmitted > 0) caveats.push(`${scored.digest.itemsOmitted} lower-ranked evidence items were left out of this summary`);
  return caveats;
}
