import { createHash } from 'node:crypto';
import { z } from 'zod';
import { InvestigationId, RootCauseKind, ServiceName, type RcaFeedback } from '../contracts/index.js';
import { FEEDBACK_BLOCK_PREFIX, FEEDBACK_OTHER, FEEDBACK_RIGHT_ACTION, FEEDBACK_WRONG_ACTION, OPEN_EXPLORER_ACTION } from '../delivery/summary.js';
import { readRecord } from '../shared/records.js';
import { recordFeedback } from './record-feedback.js';

/** Slack vouches for the clicker: the issuer every Slack-signed identity carries. */
export const SLACK_ISSUER = 'https://slack.com';

const SlackUserId = z.string().regex(/^[UW][A-Z0-9]{2,20}$/);

/** A click on the summary's feedback controls: "Right", or a choice in the "Wrong — it was…" menu. */
const FeedbackAction = z.object({
  type: z.literal('block_actions'),
  team: z.object({ id: z.string().regex(/^[TE][A-Z0-9]{2,20}$/) }),
  user: z.object({ id: SlackUserId, username: z.string().max(200).optional() }),
  actions: z
    .array(
      z.union([
        z.object({ action_id: z.literal(FEEDBACK_RIGHT_ACTION), block_id: z.string().max(255) }),
        z.object({ action_id: z.literal(FEEDBACK_WRONG_ACTION), block_id: z.string().max(255), selected_option: z.object({ value: z.string().max(150) }) }),
      ]),
    )
    .length(1),
  response_url: z.url().optional(),
});

const SUMMARY_ACTIONS: readonly unknown[] = [FEEDBACK_RIGHT_ACTION, FEEDBACK_WRONG_ACTION, OPEN_EXPLORER_ACTION];

/** True when a verified interaction payload is a click on the summary's controls, so the approval route hands it over. */
export function isSummaryClick(payload: unknown): boolean {
  const actions = (payload as { actions?: { action_id?: unknown }[] } | null)?.actions;
  return Array.isArray(actions) && actions.some((a) => SUMMARY_ACTIONS.includes(a?.action_id));
}

const isLinkClick = (payload: unknown) => (payload as { actions?: { action_id?: unknown }[] }).actions?.every((a) => a?.action_id === OPEN_EXPLORER_ACTION) === true;

/** "kind|service" from the menu back to a root cause; "other" is wrong without naming one. */
function chosenCause(value: string): RcaFeedback['rootCause'] | 'other' | undefined {
  if (value === FEEDBACK_OTHER) return 'other';
  const [kind, ...service] = value.split('|');
  const parsed = z.object({ kind: RootCauseKind, service: ServiceName }).safeParse({ kind, service: service.join('|') });
  return parsed.success ? parsed.data : undefined;
}

export interface FeedbackClickDeps {
  tableName: string;
  now: () => Date;
  respond: (url: string, body: unknown) => Promise<void>;
  responseUrlPrefix: string;
}

const note = (text: string) => ({ replace_original: false, response_type: 'ephemeral', text });

/**
 * A click on the summary whose Slack signature the caller has already verified: the
 * explorer link is only acknowledged; a feedback click is recorded. The identity is
 * Slack's word only: `https://slack.com` and `{team}/{user}` from the signed payload. The
 * request's signature names it in the audit trail, so the same signed request replayed
 * inside Slack's five-minute window is refused (409) and changes nothing.
 */
export async function handleFeedbackClick(tenantId: string, payload: unknown, signature: string, deps: FeedbackClickDeps): Promise<{ status: number; body: string }> {
  if (isLinkClick(payload)) return { status: 200, body: '' };
  const parsed = FeedbackAction.safeParse(payload);
  if (!parsed.success) return { status: 400, body: 'not a feedback action' };
  const click = parsed.data;
  const action = click.actions[0]!;
  const investigationId = InvestigationId.safeParse(action.block_id.startsWith(FEEDBACK_BLOCK_PREFIX) ? action.block_id.slice(FEEDBACK_BLOCK_PREFIX.length) : '');
  if (!investigationId.success) return { status: 400, body: 'not a feedback action' };
  const cause = action.action_id === FEEDBACK_WRONG_ACTION ? chosenCause(action.selected_option.value) : undefined;
  if (action.action_id === FEEDBACK_WRONG_ACTION && !cause) return { status: 400, body: 'not a root cause choice' };
  const feedback: RcaFeedback = {
    at: deps.now().toISOString(),
    by: { issuer: SLACK_ISSUER, subject: `${click.team.id}/${click.user.id}`, ...(click.user.username ? { name: click.user.username } : {}) },
    verdict: action.action_id === FEEDBACK_RIGHT_ACTION ? 'right' : 'wrong',
    ...(cause && cause !== 'other' ? { rootCause: cause } : {}),
  };
  const requestId = createHash('sha256').update(signature).digest('hex').slice(0, 32);
  const outcome = await recordFeedback({ tableName: deps.tableName, tenantId, investigationId: investigationId.data, feedback, requestId }, () => readRecord(deps.tableName, tenantId, investigationId.data));
  if (outcome.kind === 'replayed') return { status: 409, body: 'this request was already recorded' };
  const responseUrl = click.response_url?.startsWith(deps.responseUrlPrefix) ? click.response_url : undefined;
  if (responseUrl) {
    const said =
      outcome.kind === 'recorded'
        ? `Thanks <@${click.user.id}>: recorded as ${feedback.verdict}${feedback.rootCause ? ` — the cause was ${feedback.rootCause.service} ${feedback.rootCause.kind.replace('_', ' ')}` : feedback.verdict === 'wrong' ? '. Name the right service and kind with POST …/feedback (rootCause), so this becomes an evaluation case' : ''}.`
        : outcome.kind === 'unknown'
          ? 'No such investigation for this workspace. Nothing was recorded.'
          : 'This investigation has no diagnosis to judge yet. Nothing was recorded.';
    await deps.respond(responseUrl, note(said));
  }
  return { status: 200, body: '' };
}
