import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { RootCauseKind, ServiceName, type InvestigationRecord, type RcaFeedback } from '../contracts/index.js';
import { CausewayError, ConflictError, MalformedRequestError, NotFoundError, UnauthorizedError, fromZodError } from '../shared/errors.js';
import { authenticateApiToken, bearerToken, TENANT_TOKEN_ISSUER, type ApiTokenDeps } from '../shared/api-token.js';
import type { Session } from '../shared/explorer-session.js';
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
  /**
   * The explorer's signed-in session for this tenant, when the request carries its cookie and
   * is a same-origin JSON post (the handler checks both); its `by` is the verified person.
   */
  session?: Session;
  body: string;
}

export interface FeedbackDeps extends ApiTokenDeps {
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

/** Who is speaking: the explorer session's verified person, else the tenant API token (the tenant itself). */
async function speaker(request: FeedbackRequest, deps: FeedbackDeps): Promise<{ tenantId: string; by: RcaFeedback['by'] }> {
  if (!request.authorization && request.session?.tenantId === request.tenantId) return { tenantId: request.tenantId, by: request.session.by };
  const tenant = await authenticateApiToken(request.tenantId, bearerToken(request.authorization), deps);
  return { tenantId: tenant.tenantId, by: { issuer: TENANT_TOKEN_ISSUER, subject: tenant.tenantId } };
}

/**
 * `POST /v1/tenants/{tenantId}/investigations/{investigationId}/feedback`: a verdict on an
 * RCA from the tenant API token (identity `causeway:tenant-token`, the tenant) or from a
 * person signed in to the explorer (identity the session's); reads and writes are keyed by
 * the path's tenant, which the credential must open.
 */
export async function handleFeedback(request: FeedbackRequest, deps: FeedbackDeps): Promise<FeedbackResponse> {
  try {
    const tenant = await speaker(request, deps);
    const body = parseBody(request.body);
    const feedback: RcaFeedback = {
      at: deps.now().toISOString(),
      by: tenant.by,
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
