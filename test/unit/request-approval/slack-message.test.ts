import { describe, expect, it } from 'vitest';
import { approvalMessage } from '../../../functions/request-approval/slack-message.js';
import { diagnosedRecord } from '../../helpers/investigation-records.js';

const record = diagnosedRecord();
const policy = {
  decision: 'approve' as const,
  reasons: ['needs a human'],
  approvalTimeoutSeconds: 3600,
  action: { actionId: 'a1', kind: 'rollback' as const, service: 'pricing', target: {}, params: {}, risk: 'medium' as const, reversible: true, undo: 'roll forward', blastRadius: 'pricing', dryRun: true, plan: ['pricing: v3.12.0 → v3.11.4'], verifyAfterSeconds: 300 },
};
const message = (seenBefore?: string) =>
  approvalMessage({ signal: record.signal, rca: record.rca!, policy, approveUrl: 'https://x.example/a', rejectUrl: 'https://x.example/r', expiresAt: '2026-06-01T11:00:00.000Z', ...(seenBefore ? { seenBefore } : {}) });

describe('approvalMessage', () => {
  it('tells the approver when memory has seen this before, escaped for Slack', () => {
    const shown = JSON.stringify(message('seen twice in 90 days; last: rollback of pricing <v3.11.0>, recovered within 6 min'));
    expect(shown).toContain('*Seen before:* seen twice in 90 days; last: rollback of pricing &lt;v3.11.0&gt;, recovered within 6 min');
  });

  it('says nothing about history when there is none', () => {
    expect(JSON.stringify(message())).not.toContain('Seen before');
  });
});
