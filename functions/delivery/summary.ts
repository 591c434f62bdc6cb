import type { InvestigationRecord } from '../contracts/index.js';
import { escapeMrkdwn } from '../approval/outcome-message.js';
import { SHOWN_SIMILAR, seenBeforeLine } from '../memory/recall.js';
import type { SlackMessageContent } from '../shared/slack-web-api.js';

/** Below this the summary says so in words: a guess must not read like a finding. */
export const LOW_CONFIDENCE = 0.5;

/** The action ids of the feedback controls; the Slack interaction route sends these to the feedback core. */
export const FEEDBACK_RIGHT_ACTION = 'feedback_right';
export const FEEDBACK_WRONG_ACTION = 'feedback_wrong';
/** The block carrying the feedback controls; the investigation id follows the prefix. */
export const FEEDBACK_BLOCK_PREFIX = 'causeway-feedback:';
/** The explorer link button; Slack reports link clicks too, and they are only acknowledged. */
export const OPEN_EXPLORER_ACTION = 'open_explorer';
/** The "something else" choice: wrong, without naming the cause. */
export const FEEDBACK_OTHER = 'other';

/**
 * The explorer's page for one investigation, on the public API base URL. The link names
 * the investigation only; whoever opens it signs in to the explorer, nothing rides in it.
 */
export function explorerUrl(publicBaseUrl: string, investigationId: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/explorer/investigations/${encodeURIComponent(investigationId)}`;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const cite = (ids: string[]) => (ids.length > 0 ? ` _(${ids.join(', ')})_` : '');
const kindWords = (kind: string) => kind.replace('_', ' ');

/** "86%", or "38% — low confidence" under {@link LOW_CONFIDENCE}. */
export function confidenceWords(confidence: number): string {
  return confidence < LOW_CONFIDENCE ? `${pct(confidence)} — low confidence, check the evidence before acting` : pct(confidence);
}

/** The few lines every channel shares: root cause, confidence, top evidence, what was done, seen before. */
export function summaryLines(record: InvestigationRecord): string[] {
  const { signal, rca } = record;
  const lines = [`Alert: ${signal.title} (${signal.severity}, ${signal.source})`];
  if (!rca) {
    lines.push(`Causeway could not finish this investigation (status ${record.status}); the record names the stage that failed.`);
    return lines;
  }
  lines.push(`Root cause: ${rca.rootCause.service} — ${kindWords(rca.rootCause.kind)}. ${rca.rootCause.statement.text}`);
  lines.push(`Confidence: ${confidenceWords(rca.confidence)}`);
  const seen = seenBeforeLine(record.similar);
  if (seen) lines.push(`Seen before: ${seen}`);
  return lines;
}

/** What was done about it, in one line; undefined when there was nothing to do. */
function actionLine(record: InvestigationRecord): string | undefined {
  const { policy, remediation, outcome } = record;
  if (!policy) return undefined;
  if (!policy.action) return `Action: none — ${policy.reasons[0] ?? policy.decision}`;
  const proposed = `${kindWords(policy.action.kind)} of ${policy.action.service}`;
  if (policy.decision === 'deny') return `Action: ${proposed} denied by policy — ${policy.reasons[0]}`;
  if (policy.decision === 'none') return `Action: ${proposed} recommended, not run — ${policy.reasons[0]}`;
  if (remediation) return `Action: ${proposed} ${remediation.status.replace('_', '-')}${outcome ? `, ${outcome.status.replace('_', ' ')}` : ''}`;
  return `Action: ${proposed} — ${record.status.replace('_', ' ')}`;
}

/** The similar incidents block: the first five, each with why it matched. */
function similarText(record: InvestigationRecord): string | undefined {
  const similar = record.similar ?? [];
  if (similar.length === 0) return undefined;
  const items = similar.slice(0, SHOWN_SIMILAR).map((s) => {
    const cause = s.service ? `${s.service} ${kindWords(s.kind ?? '')}`.trim() : 'unknown cause';
    return `• ${s.at.slice(0, 10)} ${escapeMrkdwn(cause)}: ${escapeMrkdwn([s.action, s.outcome].filter(Boolean).join(', '))} _(${escapeMrkdwn(s.sharedSignals.slice(0, 2).join('; '))})_`;
  });
  return `*Similar incidents*\n${items.join('\n')}`.slice(0, 3000);
}

/** The feedback controls: "Right", and a menu naming the other suspects (or something else) for "Wrong". */
function feedbackBlock(record: InvestigationRecord): unknown {
  const root = record.rca!.rootCause;
  const alternatives = (record.scored?.suspects ?? [])
    .filter((s) => !(s.service === root.service && s.kind === root.kind))
    .map((s) => ({ value: `${s.kind}|${s.service}`, label: `${s.service} — ${kindWords(s.kind)}` }))
    .filter((o) => o.value.length <= 150)
    .slice(0, 8);
  const options = [...alternatives, { value: FEEDBACK_OTHER, label: 'Something else (name it through the feedback API)' }].map((o) => ({ text: { type: 'plain_text', text: o.label.slice(0, 75) }, value: o.value }));
  return {
    type: 'actions',
    block_id: `${FEEDBACK_BLOCK_PREFIX}${record.investigationId}`,
    elements: [
      { type: 'button', action_id: FEEDBACK_RIGHT_ACTION, value: 'right', style: 'primary', text: { type: 'plain_text', text: 'Right' } },
      { type: 'static_select', action_id: FEEDBACK_WRONG_ACTION, placeholder: { type: 'plain_text', text: 'Wrong — it was…' }, options },
    ],
  };
}

/**
 * The summary of a finished investigation as a Block Kit message: the alert, the root
 * cause with its confidence, the top evidence with ids, what was done, similar past
 * incidents, the explorer link and, with a Slack app to verify clicks, feedback controls.
 */
export function summaryMessage(record: InvestigationRecord, options: { explorerUrl: string; feedback: boolean }): SlackMessageContent {
  const { rca } = record;
  const lines = summaryLines(record);
  const text = `Causeway: ${rca ? `${rca.rootCause.service} ${kindWords(rca.rootCause.kind)} (${pct(rca.confidence)})` : `investigation ${record.status}`} — ${record.signal.title}`.slice(0, 3000);
  const header = rca ? `Root cause: ${rca.rootCause.service} — ${kindWords(rca.rootCause.kind)}` : `Investigation ${record.status}`;
  const blocks: unknown[] = [{ type: 'header', text: { type: 'plain_text', text: header.slice(0, 150) } }];
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: lines.map(escapeMrkdwn).join('\n').slice(0, 3000) } });
  if (rca && rca.causalChain.length > 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*Top evidence*\n${rca.causalChain.slice(0, 3).map((s) => `• ${escapeMrkdwn(s.text)}${cite(s.evidenceIds)}`).join('\n')}`.slice(0, 3000) } });
  }
  const action = actionLine(record);
  if (action) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(action).slice(0, 3000) } });
  const similar = similarText(record);
  if (similar) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: similar } });
  blocks.push({ type: 'actions', block_id: 'causeway-explore', elements: [{ type: 'button', action_id: OPEN_EXPLORER_ACTION, text: { type: 'plain_text', text: 'Open in the explorer' }, url: options.explorerUrl }] });
  if (rca && options.feedback) blocks.push(feedbackBlock(record));
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Investigation ${record.investigationId} · tenant ${record.tenantId} · ${rca ? `written by ${rca.author}` : record.status}` }] });
  return { text, blocks };
}

/** One later step of the investigation, told in the summary's thread (or as its own message without a bot). */
export interface ThreadUpdate {
  key: 'approval' | 'remediation' | 'outcome';
  text: string;
}

/** The approval, remediation and outcome as replies, oldest first; only what happened. */
export function threadUpdates(record: InvestigationRecord): ThreadUpdate[] {
  const updates: ThreadUpdate[] = [];
  const { approval, remediation, outcome, policy } = record;
  if (approval) {
    const decided = approval.decidedBy ? ` by ${approval.decidedBy}${approval.decidedAt ? ` at ${approval.decidedAt}` : ''}` : '';
    updates.push({ key: 'approval', text: `Approval: ${policy?.action ? `${policy.action.kind} of ${policy.action.service} ` : ''}${approval.status}${decided}.` });
  }
  if (remediation) {
    const changes = remediation.changes.length > 0 ? `\n${remediation.changes.slice(0, 10).map((c) => `• ${c}`).join('\n')}` : '';
    updates.push({ key: 'remediation', text: `Remediation ${remediation.status.replace('_', '-')}: ${remediation.summary}${changes}${remediation.undo ? `\nUndo: ${remediation.undo}` : ''}` });
  }
  if (outcome) updates.push({ key: 'outcome', text: `Outcome: ${outcome.status.replace('_', ' ')}. ${outcome.detail}` });
  return updates.map((u) => ({ ...u, text: escapeMrkdwn(u.text).slice(0, 3000) }));
}

/** The note left on the source incident: plain text, the summary and the link, nothing a note cannot render. */
export function incidentNote(record: InvestigationRecord, link: string): string {
  const lines = ['Causeway investigation', ...summaryLines(record)];
  const chain = record.rca?.causalChain.slice(0, 3) ?? [];
  if (chain.length > 0) lines.push('Top evidence:', ...chain.map((s) => `- ${s.text}${s.evidenceIds.length > 0 ? ` [${s.evidenceIds.join(', ')}]` : ''}`));
  const action = actionLine(record);
  if (action) lines.push(action);
  lines.push(`Details: ${link}`);
  return lines.join('\n');
}
