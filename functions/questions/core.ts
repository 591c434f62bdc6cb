import { z } from 'zod';
import type { FollowUpQuestion, InvestigationRecord, LlmConfig, TenantConfig } from '../contracts/index.js';
import { CausewayError, ConflictError, MalformedRequestError, NotFoundError, UnauthorizedError, fromZodError } from '../shared/errors.js';
import { authenticateTenantToken } from '../shared/tenant-api-token.js';
import { answerQuestion, type QuestionModel } from '../reason/llm/questions.js';

/** The body of `POST …/questions`. */
export const QuestionBody = z.object({ question: z.string().trim().min(1).max(1000) });

export interface QuestionRequest {
  tenantId: string;
  investigationId: string;
  authorization: string | undefined;
  body: string;
}

export interface QuestionDeps {
  loadTenant: (tenantId: string) => Promise<TenantConfig | undefined>;
  readSecret: (ref: string) => Promise<unknown>;
  readRecord: (tenantId: string, investigationId: string) => Promise<InvestigationRecord | undefined>;
  appendQuestion: (tenantId: string, investigationId: string, question: FollowUpQuestion) => Promise<void>;
  /** The tenant's model with its key read; throws when the key cannot be read. */
  modelFor: (config: LlmConfig) => Promise<QuestionModel>;
  now: () => Date;
}

export interface QuestionResponse {
  status: number;
  body: { question: FollowUpQuestion } | { error: string };
  /** Why a request was refused, for logs only; the caller sees one message. */
  logReason?: string;
}

function parseBody(body: string): string {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (error) {
    throw new MalformedRequestError(`body is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = QuestionBody.safeParse(raw);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data.question;
}

/**
 * `POST /v1/tenants/{tenantId}/investigations/{investigationId}/questions`: authenticates
 * with the tenant's API token, answers from the record's persisted evidence and appends
 * the answer to the record. Reads and writes are keyed by the path's tenant, so a token
 * for tenant A can never reach tenant B's investigations.
 */
export async function handleQuestion(request: QuestionRequest, deps: QuestionDeps): Promise<QuestionResponse> {
  try {
    const tenant = await authenticateTenantToken(request.tenantId, request.authorization, deps);
    const question = parseBody(request.body);
    const record = await deps.readRecord(tenant.tenantId, request.investigationId);
    if (!record) throw new NotFoundError(`no investigation ${request.investigationId}`);
    if (!record.scored) throw new ConflictError(`investigation ${request.investigationId} has no evidence yet (status ${record.status})`);
    let model: QuestionModel | undefined;
    let keyProblem: string | undefined;
    if (tenant.llm) {
      try {
        model = await deps.modelFor(tenant.llm);
      } catch (error) {
        keyProblem = `answered without the model: its API key could not be read (${(error as Error).name})`;
      }
    }
    const answered = await answerQuestion({ ...record, scored: record.scored }, question, model, deps.now());
    const stored = keyProblem ? { ...answered, model: tenant.llm?.model, caveats: [keyProblem] } : answered;
    await deps.appendQuestion(tenant.tenantId, request.investigationId, stored);
    return { status: 200, body: { question: stored } };
  } catch (error) {
    if (!(error instanceof CausewayError) || error.status >= 500) throw error;
    const logReason = error.cause instanceof Error ? error.cause.message : error.message;
    return { status: error.status, body: { error: error instanceof UnauthorizedError ? 'unauthorized' : error.message }, logReason };
  }
}
