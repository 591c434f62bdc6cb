import type { FollowUpQuestion, IdentifiedEvidence, InvestigationRecord, LlmConfig, ScoredEvidence } from '../../contracts/index.js';
import { ModelSession, type Clock } from './budget.js';
import type { ModelClient } from './client.js';
import { questionMessages } from './prompt.js';
import { PROMPT_VERSION } from './prompt-v1.js';
import { QUESTION_SCHEMA } from './schema.js';
import { completeStructured } from './structured.js';

/**
 * API Gateway gives up after 30 s, so every model call for one answer ends within this
 * budget; the deterministic answer still has time to be written and stored.
 */
export const QUESTION_BUDGET_MS = 20_000;

export interface QuestionModel {
  client: ModelClient;
  config: LlmConfig;
  clock?: Clock;
  budgetMs?: number;
}

type Diagnosed = InvestigationRecord & { scored: ScoredEvidence };

/**
 * Answers a follow-up question from the record's persisted evidence digest only, with
 * citations that must exist in it. With no model, or when the model fails, the answer is
 * the evidence items that match the question's words, written deterministically, with a
 * caveat saying why. Answers are text: nothing here can propose or run an action.
 */
export async function answerQuestion(record: Diagnosed, question: string, model: QuestionModel | undefined, now = new Date()): Promise<FollowUpQuestion> {
  const at = now.toISOString();
  if (!model) return { at, question, ...deterministicAnswer(record.scored.evidence, question), caveats: ['no model is configured for this tenant'] };
  const session = new ModelSession(model.client, model.config, model.budgetMs ?? QUESTION_BUDGET_MS, model.clock);
  const stamp = () => ({ model: session.model, promptVersion: PROMPT_VERSION, usage: session.usage() });
  try {
    const answer = await completeStructured(session, questionMessages(record, question), QUESTION_SCHEMA);
    const text = answer.answer.trim().slice(0, 4000);
    if (!text) throw new Error('the model gave an empty answer');
    const present = new Set(record.scored.evidence.map((e) => e.id));
    const evidenceIds = [...new Set(answer.evidenceIds.filter((id) => present.has(id)))].slice(0, 20);
    const invented = answer.evidenceIds.filter((id) => !present.has(id));
    const caveats = invented.length > 0 ? [`removed evidence ids that do not exist in this investigation: ${invented.slice(0, 5).join(', ')}`.slice(0, 500)] : [];
    return { at, question, answer: text, evidenceIds, verified: evidenceIds.length > 0, author: 'llm', ...stamp(), caveats };
  } catch (error) {
    const reason = `answered without the model: ${(error as Error).name}: ${(error as Error).message}`.slice(0, 500);
    return { at, question, ...deterministicAnswer(record.scored.evidence, question), ...stamp(), caveats: [reason] };
  }
}

const STOP_WORDS = new Set(['the', 'and', 'for', 'was', 'were', 'did', 'does', 'what', 'why', 'when', 'which', 'how', 'with', 'that', 'this', 'from', 'there', 'any', 'are', 'is']);
const MAX_MATCHES = 5;

/** The evidence items sharing the most words with the question, each named by id and one line. */
function deterministicAnswer(evidence: IdentifiedEvidence[], question: string): Pick<FollowUpQuestion, 'answer' | 'evidenceIds' | 'verified' | 'author'> {
  const words = new Set(question.toLowerCase().split(/[^a-z0-9_-]+/).filter((w) => w.length >= 3 && !STOP_WORDS.has(w)));
  const matches = evidence
    .map((item) => ({ item, hits: [...words].filter((w) => describe(item).toLowerCase().includes(w)).length }))
    .filter((m) => m.hits > 0)
    .sort((a, b) => b.hits - a.hits)
    .slice(0, MAX_MATCHES);
  if (matches.length === 0) return { answer: 'No evidence item in this investigation matches the question.', evidenceIds: [], verified: false, author: 'deterministic' };
  const lines = matches.map((m) => `${m.item.id}: ${describe(m.item)}`);
  return { answer: `Evidence matching the question:\n${lines.join('\n')}`.slice(0, 4000), evidenceIds: matches.map((m) => m.item.id), verified: true, author: 'deterministic' };
}

/** One line per evidence item, from its own fields. */
export function describe(item: IdentifiedEvidence): string {
  switch (item.class) {
    case 'metrics':
      return `${item.service} metric ${item.name}`;
    case 'logs':
      return `${item.service} ${item.level} logs ×${item.count}: ${item.template}`.slice(0, 300);
    case 'traces':
      return item.kind === 'exemplar' ? `trace ${item.traceId} from ${item.rootService} ${item.rootName}${item.error ? ' (error)' : ''}` : `${item.service} trace statistics`;
    case 'changes':
      return `${item.service} ${item.kind} at ${item.at}: ${item.summary}`.slice(0, 300);
    case 'runtime':
      return `${item.service} ${item.kind} ×${item.count} at ${item.at}${item.message ? `: ${item.message}` : ''}`.slice(0, 300);
    case 'exceptions':
      return `${item.service} ${item.type} ×${item.count}: ${item.message}`.slice(0, 300);
    case 'alerts':
      return `${item.service} alert ${item.name} (${item.status}) at ${item.at}`;
  }
}
