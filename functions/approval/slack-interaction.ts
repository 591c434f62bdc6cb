import { z } from 'zod';
import { loadTenantConfig } from '../shared/tenants.js';
import { recordDecision, type DecisionDeps, type DecisionOutcome } from './decision.js';
import { verifySlackRequest } from './slack-signature.js';

const SlackAppSecret = z.object({ signingSecret: z.string().min(1) });

/** The part of a `block_actions` payload Causeway reads: who clicked which button for which approval. */
const BlockActions = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: z.string().regex(/^[UW][A-Z0-9]{2,20}$/) }),
  actions: z.array(z.object({ action_id: z.enum(['approve', 'reject']), value: z.string().regex(/^[A-Za-z0-9_-]{10,64}$/) })).min(1),
  response_url: z.url().optional(),
});

export interface SlackInteractionDeps extends DecisionDeps {
  readSecret: (ref: string) => Promise<unknown>;
  /** Posts the updated message to the interaction's response_url. */
  respond: (url: string, body: unknown) => Promise<void>;
  /** Only response URLs under this prefix are answered (Slack's own host in production). */
  responseUrlPrefix: string;
}

export interface SlackInteractionRequest {
  tenantId: string;
  headers: Record<string, string>;
  rawBody: string;
}

/** What the button's message becomes: replaced once decided, an ephemeral note for the clicker otherwise. */
function reply(outcome: DecisionOutcome, userId: string): { replace_original: boolean; response_type?: 'ephemeral'; text: string } {
  switch (outcome.kind) {
    case 'decided': {
      const { action } = outcome.item;
      const verb = outcome.status === 'approved' ? `:white_check_mark: Approved by <@${userId}> at ${outcome.decidedAt}: ${action.kind} of ${action.service}${action.dryRun ? ' runs as a dry-run' : ' runs now'}.` : `:x: Rejected by <@${userId}> at ${outcome.decidedAt}: no action will be taken.`;
      return { replace_original: true, text: verb };
    }
    case 'already':
      return { replace_original: false, response_type: 'ephemeral', text: `Already ${outcome.item.status} by ${outcome.item.decidedBy ?? 'someone'} at ${outcome.item.decidedAt ?? 'an earlier time'}. Nothing was changed.` };
    case 'expired':
      return { replace_original: false, response_type: 'ephemeral', text: 'This approval has expired: the investigation no longer waits for a decision. Nothing was changed.' };
    case 'not_allowed':
      return { replace_original: false, response_type: 'ephemeral', text: `<@${userId}> is not an allowed approver for this tenant. Nothing was changed.` };
    case 'unknown':
      return { replace_original: false, response_type: 'ephemeral', text: 'No such approval for this workspace. Nothing was changed.' };
  }
}

/**
 * `POST /v1/tenants/{tenantId}/slack/interactions`: a click on an approval message's
 * button. The tenant's signing secret verifies the raw body (v0, five-minute window)
 * before anything in it is read; the clicker's Slack user id must be on the approver
 * list; the decision goes through the same single-use, expiring core as the link route.
 * Slack wants an answer within three seconds, so the message update goes to response_url.
 */
export async function handleSlackInteraction(request: SlackInteractionRequest, deps: SlackInteractionDeps): Promise<{ status: number; body: string }> {
  const unauthorized = { status: 401, body: 'invalid request signature' };
  const tenant = await loadTenantConfig(deps.tableName, request.tenantId);
  const ref = tenant?.approval.slackAppSecretRef;
  const secret = ref ? SlackAppSecret.safeParse(await deps.readSecret(ref)) : undefined;
  if (!secret?.success) return unauthorized;
  const verdict = verifySlackRequest(secret.data.signingSecret, request.headers, request.rawBody, deps.now());
  if (verdict !== 'ok') return { status: 401, body: verdict === 'stale' ? 'stale request timestamp' : unauthorized.body };
  let payload: z.infer<typeof BlockActions>;
  try {
    const parsed = BlockActions.safeParse(JSON.parse(new URLSearchParams(request.rawBody).get('payload') ?? ''));
    if (!parsed.success) return { status: 400, body: 'not an approval button action' };
    payload = parsed.data;
  } catch {
    return { status: 400, body: 'payload is not JSON' };
  }
  const [action] = payload.actions;
  const outcome = await recordDecision(deps, { tenantId: request.tenantId, approvalId: action!.value, decision: action!.action_id, identities: [payload.user.id] });
  if (payload.response_url?.startsWith(deps.responseUrlPrefix)) await deps.respond(payload.response_url, reply(outcome, payload.user.id));
  return { status: 200, body: '' };
}
