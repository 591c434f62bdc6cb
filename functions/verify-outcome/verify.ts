import type { InvestigationRecord, OutcomeVerification, RemediationResult } from '../contracts/index.js';

/**
 * Recovered or not, from the alert's own state: a resolved notification for the alert
 * marks the record's signal resolved. Honest and simple — it needs a source that sends
 * resolutions (Alertmanager, CloudWatch, PagerDuty, Grafana, Datadog, Opsgenie all do);
 * one that never does reads as not recovered, and the message says what was checked.
 */
export function verifyOutcome(record: InvestigationRecord, result: RemediationResult, now: Date): OutcomeVerification {
  const waited = Math.round((now.getTime() - Date.parse(result.at)) / 1000);
  const recovered = record.signal.status === 'resolved';
  return {
    status: recovered ? 'recovered' : 'not_recovered',
    basis: 'alert_state',
    checkedAt: now.toISOString(),
    detail: recovered
      ? `The alert "${record.signal.title}" resolved within ${waited} s of the action.`
      : `The alert "${record.signal.title}" is still firing ${waited} s after the action (no resolved notification received).`,
  };
}

/** The Slack message when the fix did not work: what ran, what was checked, and the exact way back. */
export function notRecoveredMessage(record: InvestigationRecord, result: RemediationResult, verification: OutcomeVerification): { text: string; blocks: unknown[] } {
  const text = `Causeway: ${record.signal.title} did not recover after the action on ${record.signal.service ?? 'the service'}`;
  return {
    text,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'Not recovered after the fix'.slice(0, 150) } },
      { type: 'section', text: { type: 'mrkdwn', text: `*Alert:* ${record.signal.title}\n*Checked:* ${verification.detail}\n*What ran:*\n\`\`\`${result.changes.join('\n')}\`\`\``.slice(0, 3000) } },
      { type: 'section', text: { type: 'mrkdwn', text: `*Undo:* ${result.undo ?? 'see the catalog entry for this action'}\nInvestigation \`${record.investigationId}\`; the audit trail has every step.`.slice(0, 3000) } },
    ],
  };
}
