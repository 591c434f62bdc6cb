import type { IncidentSignal, LlmConfig, Rca, ScoredEvidence } from '../../contracts/index.js';
import { writeDeterministicRca } from '../deterministic.js';
import { ModelSession, type Clock } from './budget.js';
import type { ModelClient } from './client.js';
import { ground } from './grounding.js';
import { rcaMessages } from './prompt.js';
import { PROMPT_VERSION } from './prompt-v1.js';
import { RCA_SCHEMA } from './schema.js';
import { completeStructured } from './structured.js';

/**
 * All model calls for one RCA (first call, one 429/5xx retry, one repair) must end within
 * this budget: well inside the Reason Lambda's 100 s timeout, leaving time for the
 * deterministic fallback and the state transition.
 */
export const REASON_BUDGET_MS = 60_000;

export interface ReasonInput {
  signal: IncidentSignal;
  scored: ScoredEvidence;
}

export interface ReasonModel {
  client: ModelClient;
  config: LlmConfig;
  clock?: Clock;
  budgetMs?: number;
}

/** The RCA, and when the model's answer was not used, why. */
export interface ReasonOutcome {
  rca: Rca;
  fallbackReason?: string;
}

/**
 * Writes the RCA with the model on top of the deterministic layer. The deterministic RCA
 * is written first and returned, with a caveat saying why, whenever the model times out,
 * is unavailable, answers invalidly twice, or fails grounding. It never throws for a
 * model problem: a wrong or absent model never fails an investigation.
 */
export async function reasonWithModel(input: ReasonInput, model: ReasonModel): Promise<ReasonOutcome> {
  const deterministic = writeDeterministicRca(input);
  if (input.scored.evidence.length === 0) return fallback(deterministic, 'no evidence was gathered, so there was nothing the model could cite');
  const session = new ModelSession(model.client, model.config, model.budgetMs ?? REASON_BUDGET_MS, model.clock);
  const stamp = () => ({ model: session.model, promptVersion: PROMPT_VERSION, usage: session.usage() });
  try {
    const answer = await completeStructured(session, rcaMessages(input.signal, input.scored), RCA_SCHEMA);
    const grounded = ground(answer, input.scored, deterministic);
    if (!grounded.ok) return fallback({ ...deterministic, ...stamp() }, `its answer failed grounding: ${grounded.reason}`);
    return { rca: { ...grounded.rca, ...stamp() } };
  } catch (error) {
    return fallback({ ...deterministic, ...stamp() }, `${(error as Error).name}: ${(error as Error).message}`);
  }
}

/** The deterministic RCA with the reason the model's was not used as its first caveat. */
export function fallback(deterministic: Rca, reason: string): ReasonOutcome {
  const caveat = `written without the model: ${reason}`.slice(0, 500);
  return { rca: { ...deterministic, caveats: [caveat, ...deterministic.caveats].slice(0, 20) }, fallbackReason: reason };
}
