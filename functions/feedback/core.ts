import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { RootCauseKind, ServiceName, type InvestigationRecord, type RcaFeedback } from '../contracts/index.js';
import { CausewayError, ConflictError, MalformedRequestError, NotFoundError, UnauthorizedError, fromZodError } from '../shared/errors.js';
import { authenticateTenantToken, TENANT_TOKEN_ISSUER, type TenantTokenDeps } from '../shared/tenant-api-token.js';
import type { FeedbackOutcome, RecordFeedbackInput } from './record-feedback.js';

/**
 * The body of `POST …/feedback`. Strict: a body naming who gave the verdict (`by`) is
 * refused, because the identity is the credential's, never the request's word.
 */
export const FeedbackBody = z.strictObject({
  verdict: z.enum(['right', 'wrong']),
  rootCause: z.strictObject({ service: ServiceName, kind: RootCauseKind }).optional(),
  note: z.string().trim().min(1).max(1000).optional(),
});

export interface FeedbackRequest {
  tenantId: string;
  investigationId: string;
  authorization: string | undefined;
  body: string;
}

export interface FeedbackDeps extends TenantTokenDeps {
  tableName: string;
  readRecord: (tenantId: string, investigationId: string) => Promise<InvestigationRecord | undefined>;
  record: (input: RecordFeedbackInput, readRecord: () => Promise<InvestigationRecord | undefined>) => Promise<FeedbackOutcome>;
  now: () => Date;
}

export interface FeedbackResponse {
  status: number;
  body: { feedback: RcaFeedback } | { error: string };
  logReason?: string;
}

function parseBody(body: string): z.infer<typeof FeedbackBody> {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (error) {
    throw new MalformedRequestError(`body is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = FeedbackBody.safeParse(raw);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}

/**
 * `POST /v1/tenants/{tenantId}/investigations/{investigationId}/feedback`: the tenant API
 * token's verdict on an RCA. The identity is the token's (`causeway:tenant-token`, the
 * tenant); reads and writes are keyed by the path's tenant, which the token must open.
 */
export async function handleFeedback(request: FeedbackRequest, deps: FeedbackDeps): Promise<FeedbackResponse> {
  try {
    const tenant = await authenticateTenantToken(request.tenantId, request.authorization, deps);
    const body = parseBody(request.body);
    const feedback: RcaFeedback = {
      at: deps.now().toISOString(),
      by: { issuer: TENANT_TOKEN_ISSUER, subject: tenant.tenantId },
      verdict: body.verdict,
      ...(body.rootCause ? { rootCause: body.rootCause } : {}),
      ...(body.note ? { note: body.note } : {}),
    };
    const outcome = await deps.record(
      { tableName: deps.tableName, tenantId: tenant.tenantId, investigationId: request.investigationId, feedback, requestId: randomUUID() },
      () => deps.readRecord(tenant.tenantId, request.investigationId),
    );
    if (outcome.kind === 'unknown') throw new NotFoundError(`no investigation ${request.investigationId}`);
    if (outcome.kind === 'no_diagnosis') throw new ConflictError(`investigation ${request.investigationId} has no diagnosis to judge yet (status ${outcome.status})`);
    if (outcome.kind === 'replayed') throw new ConflictError('this request was already recorded');
    return { status: 200, body: { feedback: outcome.feedback } };
  } catch (error) {
    if (!(error instanceof CausewayError) || error.status >= 500) throw error;
    const logReason = error.cause instanceof Error ? error.cause.message : error.message;
    return { status: error.status, body: { error: error instanceof UnauthorizedError ? 'unauthorized' : error.message }, logReason };
  }
}
