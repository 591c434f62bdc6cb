import type { ModelRootCause, Rca, ScoredEvidence, Statement } from '../../contracts/index.js';
import { labelConfidence } from '../deterministic.js';
import type { ModelRcaAnswer } from './schema.js';

/** Confidence multipliers: each is a reason to trust the model's answer less than it says. */
const PENALTY = { inventedIds: 0.8, uncitedRootCause: 0.7, otherSuspect: 0.8, contradiction: 0.6 } as const;
const MAX_CHAIN = 20;

export type Grounded = { ok: true; rca: Rca } | { ok: false; reason: string };

/**
 * Evidence whose content is text the investigated systems wrote: log lines, exception
 * messages, alert names. Whoever can make a service log can write it, so such an item
 * proves that the text was written, not that what it says is true: "the root cause is X"
 * in a log line is not evidence that X is the root cause.
 */
const TEXT_CLASSES: ReadonlySet<string> = new Set(['logs', 'exceptions', 'alerts']);

/** True when a statement's only support is text items: the evidence would be its own sole proof. */
function restsOnTextAlone(evidenceIds: readonly string[], scored: ScoredEvidence): boolean {
  const classes = new Map(scored.evidence.map((e) => [e.id, e.class]));
  return evidenceIds.length > 0 && evidenceIds.every((id) => TEXT_CLASSES.has(classes.get(id) ?? ''));
}

/** Keeps only ids present in the investigation, remembering the invented ones. */
class Citations {
  readonly invented = new Set<string>();
  constructor(private readonly present: ReadonlySet<string>) {}

  cite(ids: readonly string[]): string[] {
    for (const id of ids) if (!this.present.has(id)) this.invented.add(id);
    return [...new Set(ids.filter((id) => this.present.has(id)))].slice(0, 20);
  }

  statement(s: { text: string; evidenceIds: string[] }): Statement {
    const evidenceIds = this.cite(s.evidenceIds);
    return { text: s.text.trim().slice(0, 2000), evidenceIds, verified: evidenceIds.length > 0 };
  }
}

/**
 * Checks the model's answer against the deterministic layer and turns it into an RCA, or
 * says why it cannot be used. Citations must exist in `scored.evidence`: a causal-chain
 * statement left with none is dropped, the summary and root cause are kept but marked
 * unverified, as they are when they rest on log or alert text alone. A root cause other
 * than the deterministic top suspect never replaces it: uncited, the answer is rejected;
 * cited, the RCA keeps the deterministic root cause, summary and actions and carries the
 * model's beside them as `modelRootCause`, unverified, at a lower confidence. Only the
 * deterministic recommendation or `none` survives as an action, so nothing the model read
 * (including injected text) can introduce an action. The model's confidence never exceeds
 * the deterministic confidence, and below 0.5 the RCA says so first (`labelConfidence`).
 */
export function ground(answer: ModelRcaAnswer, scored: ScoredEvidence, deterministic: Rca): Grounded {
  const citations = new Citations(new Set(scored.evidence.map((e) => e.id)));
  const caveats: string[] = [];
  let confidence = Math.min(clamp(answer.confidence), scored.confidence);

  const summary = citations.statement(answer.summary);
  const rootStatement = citations.statement(answer.rootCause.statement);
  if (!summary.text || !rootStatement.text) return { ok: false, reason: 'the answer had an empty summary or root cause' };
  const service = answer.rootCause.service.trim();
  if (!knownServices(scored, deterministic).has(service)) return { ok: false, reason: `the root cause names "${service.slice(0, 100)}", a service that appears nowhere in the evidence` };

  const top = scored.suspects[0];
  const agrees = top !== undefined && top.service === service && top.kind === answer.rootCause.kind;
  if (!agrees) {
    const against = top ? `the deterministic top suspect ${top.service}/${top.kind} (score ${top.score.toFixed(2)})` : 'the deterministic layer, which found no clear suspect';
    if (!rootStatement.verified) return { ok: false, reason: `the model's root cause ${service}/${answer.rootCause.kind} contradicts ${against} and cites no evidence` };
    const ranked = scored.suspects.slice(1, 3).some((s) => s.service === service && s.kind === answer.rootCause.kind);
    const selfProof = restsOnTextAlone(rootStatement.evidenceIds, scored);
    const reason = selfProof
      ? `it rests only on ${rootStatement.evidenceIds.join(', ')}, log or alert text, which cannot prove its own claim, and contradicts ${against}`
      : `it contradicts ${against}, and the scored evidence does not rank it first`;
    const model: ModelRootCause = { service, kind: answer.rootCause.kind, statement: { ...rootStatement, verified: false }, summary: { ...summary, verified: false }, reason: reason.slice(0, 500) };
    return { ok: true, rca: labelConfidence(beside(deterministic, model, confidence * (ranked && !selfProof ? PENALTY.otherSuspect : PENALTY.contradiction))) };
  }
  if (!rootStatement.verified) confidence *= PENALTY.uncitedRootCause;
  for (const s of [summary, rootStatement]) {
    if (s.verified && restsOnTextAlone(s.evidenceIds, scored)) {
      s.verified = false;
      caveats.push(`unverified: "${s.text.slice(0, 120)}" rests only on log or alert text (${s.evidenceIds.join(', ')}), which cannot prove its own claim`);
    }
  }

  const chain = answer.causalChain.map((s) => citations.statement(s)).filter((s) => s.text && s.verified);
  const dropped = answer.causalChain.length - chain.length;
  if (dropped > 0) caveats.push(`${dropped} causal-chain statement(s) from the model were dropped: they cited no evidence in this investigation`);
  for (const s of [summary, rootStatement]) if (!s.verified) caveats.push(`unverified: "${s.text.slice(0, 120)}" cites no evidence in this investigation`);

  const actions = groundActions(answer, scored, deterministic, citations, caveats);
  if (citations.invented.size > 0) {
    confidence *= PENALTY.inventedIds;
    caveats.push(`the model cited evidence ids that do not exist (${[...citations.invented].slice(0, 5).join(', ')}); they were removed`);
  }

  return {
    ok: true,
    rca: labelConfidence({
      author: 'llm',
      summary,
      rootCause: { service, kind: answer.rootCause.kind, statement: rootStatement },
      causalChain: chain.slice(0, MAX_CHAIN),
      recommendedActions: actions,
      confidence: Math.round(confidence * 1000) / 1000,
      caveats: [...caveats, ...deterministic.caveats].map((c) => c.slice(0, 500)).slice(0, 20),
    }),
  };
}

/**
 * The deterministic RCA with the model's dissenting root cause beside it: the deterministic
 * text and actions stand, the model's view is carried and said in the first caveat.
 */
function beside(deterministic: Rca, model: ModelRootCause, confidence: number): Rca {
  const caveat = `the model named ${model.service}/${model.kind} as the root cause instead; it is shown beside the deterministic one, unverified: ${model.reason}`;
  return {
    ...deterministic,
    modelRootCause: model,
    confidence: Math.round(Math.min(confidence, deterministic.confidence) * 1000) / 1000,
    caveats: [caveat, ...deterministic.caveats].map((c) => c.slice(0, 500)).slice(0, 20),
  };
}

/**
 * The catalog the model may choose from is the deterministic recommendation (same
 * action, same service) or `none`; anything else is removed with a caveat. When nothing
 * survives, the deterministic recommendation stands.
 */
function groundActions(answer: ModelRcaAnswer, scored: ScoredEvidence, deterministic: Rca, citations: Citations, caveats: string[]): Rca['recommendedActions'] {
  const rec = scored.recommendedAction;
  const kept: Rca['recommendedActions'] = [];
  for (const proposed of answer.recommendedActions.slice(0, 5)) {
    const service = proposed.service.trim();
    const reason = proposed.reason.trim().slice(0, 1000);
    const matchesRecommendation = rec.kind !== 'none' && proposed.action === rec.kind && (service === '' || service === rec.service);
    if (proposed.action === 'none' && !kept.some((a) => a.action === 'none')) {
      kept.push({ action: 'none', reason, evidenceIds: citations.cite(proposed.evidenceIds) });
    } else if (matchesRecommendation && !kept.some((a) => a.action === rec.kind)) {
      const cited = citations.cite(proposed.evidenceIds);
      kept.push({ action: rec.kind, ...(rec.service ? { service: rec.service } : {}), reason: reason || rec.reason, evidenceIds: cited.length > 0 ? cited : citations.cite(rec.evidenceIds) });
    } else if (!matchesRecommendation && proposed.action !== 'none') {
      const target = rec.kind === 'none' ? 'none' : `${rec.kind} ${rec.service ?? ''}`.trim();
      caveats.push(`removed the model's action "${proposed.action.slice(0, 40)} ${service.slice(0, 60)}": only the deterministic recommendation (${target}) or none may be proposed`);
    }
  }
  return kept.length > 0 ? kept.slice(0, 1) : deterministic.recommendedActions;
}

/** Services the model may name: the suspects, the alerting service and every service in the evidence. */
function knownServices(scored: ScoredEvidence, deterministic: Rca): Set<string> {
  const names = new Set<string>([deterministic.rootCause.service, ...scored.suspects.map((s) => s.service)]);
  for (const item of scored.evidence) {
    if ('service' in item) names.add(item.service);
    if (item.class === 'traces' && item.kind === 'exemplar') for (const span of item.spans) names.add(span.service);
  }
  return names;
}

function clamp(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
