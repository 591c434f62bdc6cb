import { escapeMrkdwn } from '../approval/outcome-message.js';
import type { IncidentSignal, PolicyDecision, Rca } from '../contracts/index.js';

/** What the approval is about: the alert, its diagnosis and the proposed action. */
export interface ApprovalContext {
  signal: IncidentSignal;
  rca: Rca;
  policy: PolicyDecision;
}

export interface ApprovalMessageInput extends ApprovalContext {
  approveUrl: string;
  rejectUrl: string;
  expiresAt: string;
  /** Set when the tenant has a Slack app: buttons that decide in Slack, carrying only the approval id. */
  interactiveApprovalId?: string;
  /** Memory's line on similar past incidents ("seen 3 times in 90 days; last: …"), when there were any. */
  seenBefore?: string;
}

const cite = (ids: string[]) => (ids.length > 0 ? ` _(${ids.join(', ')})_` : '');

/** The model's dissenting root cause, said under the deterministic one and marked unverified; empty when the model agreed. */
function modelDissent(rca: Rca): string {
  const model = rca.modelRootCause;
  if (!model) return '';
  return `\n*The model suggests instead (unverified):* ${model.service} — ${model.statement.text}${cite(model.statement.evidenceIds)}\n_Not acted on: ${model.reason}_`;
}

/**
 * The diagnosis, its evidence and the proposed action with its risk and dry-run: shared by
 * the approval message and the edit that closes it, so the channel keeps what was decided on.
 */
export function diagnosisBlocks({ signal, rca, policy }: ApprovalContext): unknown[] {
  const action = policy.action!;
  return [
    { type: 'section', text: { type: 'mrkdwn', text: `*Alert:* ${signal.title} (${signal.severity})\n*Root cause:* ${rca.rootCause.statement.text}${cite(rca.rootCause.statement.evidenceIds)}${rca.rootCause.statement.verified ? '' : ' _(unverified)_'}${modelDissent(rca)}\n*Confidence:* ${Math.round(rca.confidence * 100)}%`.slice(0, 3000) } },
    { type: 'section', text: { type: 'mrkdwn', text: `*Evidence*\n${rca.causalChain.slice(0, 5).map((s) => `• ${s.text}${cite(s.evidenceIds)}`).join('\n')}`.slice(0, 3000) } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*Proposed:* ${action.kind} on ${action.service} — risk *${action.risk}*, ${action.reversible ? 'reversible' : 'NOT reversible'}${action.dryRun ? ', *dry-run*' : ''}\n*Blast radius:* ${action.blastRadius}\n*Undo:* ${action.undo}\n*Would change:*\n\`\`\`${action.plan.join('\n')}\`\`\``.slice(0, 3000),
      },
    },
  ];
}

/** A Slack Block Kit message: the diagnosis, its evidence, the proposed action with its risk and dry-run, and the two links. */
export function approvalMessage(input: ApprovalMessageInput): { text: string; blocks: unknown[] } {
  const { rca, policy } = input;
  const action = policy.action!;
  const text = `Causeway: approve ${action.kind} of ${action.service}? ${rca.summary.text}`;
  return {
    text,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: `Approval needed: ${action.kind} ${action.service}`.slice(0, 150) } },
      ...diagnosisBlocks(input),
      ...(input.seenBefore ? [{ type: 'section', text: { type: 'mrkdwn', text: `*Seen before:* ${escapeMrkdwn(input.seenBefore)}`.slice(0, 3000) } }] : []),
      {
        type: 'actions',
        elements: [
          { type: 'button', style: 'primary', text: { type: 'plain_text', text: 'Review and approve' }, url: input.approveUrl },
          { type: 'button', style: 'danger', text: { type: 'plain_text', text: 'Reject' }, url: input.rejectUrl },
        ],
      },
      ...(input.interactiveApprovalId
        ? [
            {
              type: 'actions',
              block_id: 'causeway-decide',
              elements: [
                { type: 'button', action_id: 'approve', value: input.interactiveApprovalId, style: 'primary', text: { type: 'plain_text', text: 'Approve here' }, confirm: { title: { type: 'plain_text', text: 'Approve?' }, text: { type: 'mrkdwn', text: `${action.kind} ${action.service}${action.dryRun ? ' (dry-run)' : ''}` }, confirm: { type: 'plain_text', text: 'Approve' }, deny: { type: 'plain_text', text: 'Cancel' } } },
                { type: 'button', action_id: 'reject', value: input.interactiveApprovalId, style: 'danger', text: { type: 'plain_text', text: 'Reject here' } },
              ],
            },
          ]
        : []),
      { type: 'context', elements: [{ type: 'mrkdwn', text: `Links expire at ${input.expiresAt}. Opening a link decides nothing; you confirm on the page.` }] },
    ],
  };
}
