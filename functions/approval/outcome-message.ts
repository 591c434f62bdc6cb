import { diagnosisBlocks, type ApprovalContext } from '../request-approval/slack-message.js';
import type { SlackMessageContent } from '../shared/slack-web-api.js';

/** How an approval ended, whichever route ended it: a decision (link or button) or the task's timeout. */
export type ApprovalEnd = { kind: 'decided'; status: 'approved' | 'rejected'; decidedBy: string; decidedAt: string } | { kind: 'expired'; at: string };

/** The part of the proposed action the closing words need. */
export interface EndedAction {
  kind: string;
  service: string;
  dryRun: boolean;
}

/** Slack reads `&`, `<` and `>` as markup; a name typed on the approval page must not become a mention or a link. */
export function escapeMrkdwn(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A Slack user id (a button click, or an id typed on the page) renders as a mention; anything else as escaped text. */
function who(decidedBy: string): string {
  return /^[UW][A-Z0-9]{2,20}$/.test(decidedBy) ? `<@${decidedBy}>` : escapeMrkdwn(decidedBy);
}

/** One sentence: what happened, who decided and when (UTC), and what follows. */
export function endLine(action: EndedAction, end: ApprovalEnd): string {
  if (end.kind === 'expired') return `:hourglass: Expired at ${end.at}: nobody decided on the ${action.kind} of ${action.service} in time, so no action was taken.`;
  if (end.status === 'rejected') return `:x: Rejected by ${who(end.decidedBy)} at ${end.decidedAt}: the ${action.kind} of ${action.service} will not run.`;
  return `:white_check_mark: Approved by ${who(end.decidedBy)} at ${end.decidedAt}: the ${action.kind} of ${action.service} ${action.dryRun ? 'runs as a dry-run' : 'runs now'}.`;
}

const TITLES = { approved: 'Approved', rejected: 'Rejected', expired: 'Expired' } as const;

function footer(investigationId: string): unknown {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: `Investigation \`${investigationId}\`; the audit trail has every step.` }] };
}

/**
 * What the approval message becomes once the approval ended: the outcome first, then the
 * diagnosis it was decided on (when the record still has it), and no buttons or links left
 * to click. Used for `chat.update` and for a click's `response_url`.
 */
export function endedMessage(input: { action: EndedAction; investigationId: string; end: ApprovalEnd; context?: ApprovalContext }): SlackMessageContent {
  const { action, end } = input;
  const line = endLine(action, end);
  const title = TITLES[end.kind === 'expired' ? 'expired' : end.status];
  return {
    text: line,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: `${title}: ${action.kind} ${action.service}`.slice(0, 150) } },
      { type: 'section', text: { type: 'mrkdwn', text: line.slice(0, 3000) } },
      ...(input.context ? diagnosisBlocks(input.context) : []),
      footer(input.investigationId),
    ],
  };
}

/** The short note an incoming webhook gets instead, since a webhook cannot edit what it posted. */
export function followUpMessage(input: { action: EndedAction; investigationId: string; end: ApprovalEnd }): SlackMessageContent {
  const line = endLine(input.action, input.end);
  return { text: line, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: line.slice(0, 3000) } }, footer(input.investigationId)] };
}
