import { z } from 'zod';
import { SlackAppSecret } from '../contracts/index.js';
import { handleFeedbackClick, isSummaryClick } from '../feedback/slack.js';
import { loadTenantConfig } from '../shared/tenants.js';
import { principal, SLACK_ISSUER, type VerifiedIdentity } from './approvers.js';
import { recordDecision, type DecisionDeps, type DecisionOutcome } from './decision.js';
import { escapeMrkdwn } from './outcome-message.js';
import { auditRefusal } from './refusals.js';
import { verifySlackRequest } from './slack-signature.js';
import type { TenantSecretReader } from '../shared/secrets.js';

/** The part of a `block_actions` payload Causeway reads: who clicked which button for which approval. */
const BlockActions = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: z.string().regex(/^[UW][A-Z0-9]{2,20}$/), team_id: z.string().regex(/^[TE][A-Z0-9]{2,20}$/).optional() }),
  team: z.object({ id: z.string().regex(/^[TE][A-Z0-9]{2,20}$/) }).nullish(),
  actions: z.array(z.object({ action_id: z.enum(['approve', 'reject']), value: z.string().regex(/^[A-Za-z0-9_-]{10,64}$/) })).min(1),
  response_url: z.url().optional(),
});

export interface SlackInteractionDeps extends DecisionDeps {
  tableName: string;
  readSecret: TenantSecretReader;
  /** Posts a note for the clicker alone to the interaction's response_url; never throws, as nothing was decided that it could block. */
  respond: (url: string, body: unknown) => Promise<void>;
  /** Only response URLs under this prefix are answered (Slack's own host in production). */
  responseUrlPrefix: string;
}

export interface SlackInteractionRequest {
  tenantId: string;
  headers: Record<string, string>;
  rawBody: string;
}

/** The note only the clicker sees when the click decided nothing; a decision edits the message itself (see announce). */
function reply(outcome: Exclude<DecisionOutcome, { kind: 'decided' }>, userId: string): { replace_original: false; response_type: 'ephemeral'; text: string } {
  const note = (text: string) => ({ replace_original: false as const, response_type: 'ephemeral' as const, text });
  switch (outcome.kind) {
    case 'already':
      return note(`Already ${outcome.item.status} by ${escapeMrkdwn(outcome.item.decidedBy ?? 'someone')} at ${outcome.item.decidedAt ?? 'an earlier time'}. Nothing was changed.`);
    case 'expired':
      return note('This approval has expired: the investigation no longer waits for a decision. Nothing was changed.');
    case 'stale':
      return note('This approval can no longer resume its run: the investigation stopped waiting. No action will be taken.');
    case 'not_allowed':
      return note(`<@${userId}> is not an allowed approver for this tenant. Nothing was changed.`);
    case 'unknown':
      return note('No such approval for this workspace. Nothing was changed.');
  }
}

/**
 * `POST /v1/tenants/{tenantId}/slack/interactions`: a click on an approval message's
 * button. The tenant's signing secret verifies the raw body (v0, five-minute window)
 * before anything in it is read; the clicker's Slack user id must be on the approver
 * list; the decision goes through the same single-use, expiring core as the link route.
 * A decision edits the message (chat.update, else through response_url); any other
 * outcome answers the clicker alone through response_url.
 */
export async function handleSlackInteraction(request: SlackInteractionRequest, deps: SlackInteractionDeps): Promise<{ status: number; body: string }> {
  const unauthorized = { status: 401, body: 'invalid request signature' };
  const tenant = await loadTenantConfig(deps.tableName, request.tenantId);
  const ref = tenant?.approval.slackAppSecretRef;
  const secret = ref ? SlackAppSecret.safeParse(await deps.readSecret(request.tenantId, ref)) : undefined;
  if (!secret?.success) return unauthorized;
  const verdict = verifySlackRequest(secret.data.signingSecret, request.headers, request.rawBody, deps.now());
  if (verdict !== 'ok') {
    const claimed = /"value":"([A-Za-z0-9_-]{10,64})"/.exec(new URLSearchParams(request.rawBody).get('payload') ?? '')?.[1];
    if (claimed) await auditRefusal(deps.ledger, request.tenantId, claimed, verdict === 'stale' ? 'stale_slack_request' : 'bad_slack_signature');
    return { status: 401, body: verdict === 'stale' ? 'stale request timestamp' : unauthorized.body };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(new URLSearchParams(request.rawBody).get('payload') ?? '');
  } catch {
    return { status: 400, body: 'payload is not JSON' };
  }
  if (isSummaryClick(raw)) return handleFeedbackClick(request.tenantId, raw, request.headers['x-slack-signature'] ?? '', deps);
  const parsed = BlockActions.safeParse(raw);
  if (!parsed.success) return { status: 400, body: 'not an approval button action' };
  const payload = parsed.data;
  const [action] = payload.actions;
  const responseUrl = payload.response_url?.startsWith(deps.responseUrlPrefix) ? payload.response_url : undefined;
  const team = payload.user.team_id ?? payload.team?.id;
  const identity: VerifiedIdentity = { via: 'slack-button', issuer: SLACK_ISSUER, subject: payload.user.id, ...(team ? { team } : {}) };
  const outcome = await recordDecision(deps, { tenantId: request.tenantId, approvalId: action!.value, decision: action!.action_id, identity, ...(responseUrl ? { responseUrl } : {}) });
  if (outcome.kind === 'not_allowed' || outcome.kind === 'already') await auditRefusal(deps.ledger, request.tenantId, action!.value, outcome.kind === 'already' ? 'already_decided' : 'not_allowed', { via: 'slack-button' }, principal(identity));
  if (outcome.kind !== 'decided' && responseUrl) await deps.respond(responseUrl, reply(outcome, payload.user.id));
  return { status: 200, body: '' };
}
