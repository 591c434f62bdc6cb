import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TenantConfig } from '../../../functions/contracts/index.js';
import { TenantConfig as TenantSchema } from '../../../functions/contracts/index.js';
import type { DeliveryClaims, DeliveryRecord } from '../../../functions/delivery/claims.js';
import { deliverInvestigation, type DeliverDeps } from '../../../functions/delivery/deliver.js';
import { explorerUrl, summaryMessage } from '../../../functions/delivery/summary.js';
import type { AuditEntry } from '../../../functions/shared/audit.js';
import { startFakeSlack, type FakeSlack } from '../../helpers/fake-slack.js';
import { diagnosedRecord } from '../../helpers/investigation-records.js';

let slack: FakeSlack;
let claims: Map<string, DeliveryRecord>;
let audits: AuditEntry[];

beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(() => slack.close());
beforeEach(() => {
  slack.calls.length = 0;
  claims = new Map();
  audits = [];
});

function memoryClaims(): DeliveryClaims {
  return {
    claim: async (target) => {
      if (claims.has(target)) return false;
      claims.set(target, { target, status: 'sending', claimedAt: new Date().toISOString() });
      return true;
    },
    delivered: async (target, entry, ref) => {
      audits.push(entry);
      claims.set(target, { ...claims.get(target)!, status: 'delivered', ...(ref ? { ref } : {}) });
    },
    failed: async (target, entry, error) => {
      audits.push(entry);
      claims.set(target, { ...claims.get(target)!, status: 'failed', error });
    },
    read: async (target) => claims.get(target),
  };
}

const secrets: Record<string, unknown> = {
  'causeway/tenants/acme/slack-app': { signingSecret: 's', botToken: 'xoxb-test-token', channel: 'C0INCIDENTS' },
};
const deps = (): DeliverDeps => ({
  claims: memoryClaims(),
  readSecret: async (_tenantId, ref) => (ref === 'causeway/tenants/acme/webhook' ? { url: `${slack.url}/hook` } : secrets[ref]),
  slackApiBaseUrl: `${slack.url}/api/`,
  publicBaseUrl: 'https://causeway.example.com/',
});

const tenant = (approval: Partial<TenantConfig['approval']>): TenantConfig => TenantSchema.parse({ tenantId: 'acme', approval: { timeoutSeconds: 3600, ...approval } });

/** A record that went all the way: approved, rolled back, recovered. */
function remediatedRecord() {
  return {
    ...diagnosedRecord(),
    status: 'remediated' as const,
    approval: { approvalId: 'ap1', status: 'approved' as const, expiresAt: '2026-06-01T11:00:00.000Z', decidedBy: 'U024BE7LH', decidedAt: '2026-06-01T10:02:00.000Z' },
    remediation: { actionId: 'a1', status: 'applied' as const, summary: 'rolled back pricing', changes: ['pricing: v3.12.0 → v3.11.4'], at: '2026-06-01T10:02:10.000Z', undo: 'roll forward' },
    outcome: { status: 'recovered' as const, basis: 'alert_state' as const, checkedAt: '2026-06-01T10:06:00.000Z', detail: 'The alert resolved within 230 s of the action.' },
  };
}

describe('deliverInvestigation to Slack', () => {
  it('with a bot: the summary, then approval, remediation and outcome as replies in its thread', async () => {
    const results = await deliverInvestigation(remediatedRecord(), tenant({ slackAppSecretRef: 'causeway/tenants/acme/slack-app' }), deps());
    expect(results.map((r) => `${r.target}:${r.status}`)).toEqual(['slack-summary:delivered', 'slack-approval:delivered', 'slack-remediation:delivered', 'slack-outcome:delivered']);
    const [summary, ...replies] = slack.calls;
    expect(summary!.path).toBe('/api/chat.postMessage');
    expect(summary!.headers.authorization).toBe('Bearer xoxb-test-token');
    expect(summary!.body.thread_ts).toBeUndefined();
    expect(replies.map((r) => r.body.thread_ts)).toEqual(['1700000000.000100', '1700000000.000100', '1700000000.000100']);
    expect(replies.map((r) => r.body.text)).toEqual([
      expect.stringContaining('Approval: approved by U024BE7LH'),
      expect.stringContaining('Remediation applied: rolled back pricing'),
      expect.stringContaining('Outcome: recovered.'),
    ]);
  });

  it('a second run sends nothing again, and still threads under the first summary', async () => {
    const d = deps();
    await deliverInvestigation(remediatedRecord(), tenant({ slackAppSecretRef: 'causeway/tenants/acme/slack-app' }), d);
    slack.calls.length = 0;
    const again = await deliverInvestigation(remediatedRecord(), tenant({ slackAppSecretRef: 'causeway/tenants/acme/slack-app' }), d);
    expect(again.every((r) => r.status === 'skipped')).toBe(true);
    expect(slack.calls).toEqual([]);
  });

  it('webhook only: each update is a message of its own, naming the investigation', async () => {
    await deliverInvestigation(remediatedRecord(), tenant({ slackWebhookSecretRef: 'causeway/tenants/acme/webhook' }), deps());
    expect(slack.calls.map((c) => c.path)).toEqual(['/hook', '/hook', '/hook', '/hook']);
    expect(slack.calls.slice(1).every((c) => String(c.body.text).includes('inv-1'))).toBe(true);
    expect(JSON.stringify(slack.calls[0]!.body)).not.toContain('feedback_right');
  });

  it('Slack refusing the summary fails it in the trail, sends no replies, and does not throw', async () => {
    slack.answer = () => ({ body: { ok: false, error: 'channel_not_found' } });
    try {
      const results = await deliverInvestigation(remediatedRecord(), tenant({ slackAppSecretRef: 'causeway/tenants/acme/slack-app' }), deps());
      expect(results).toEqual([{ target: 'slack-summary', status: 'failed', error: 'ConfigurationError' }]);
      expect(audits).toEqual([expect.objectContaining({ type: 'delivery.failed', detail: expect.objectContaining({ target: 'slack-summary', message: expect.stringContaining('channel_not_found') }) })]);
    } finally {
      slack.answer = (await import('../../helpers/fake-slack.js')).slackOk;
    }
  });
});

describe('summaryMessage', () => {
  it('labels low confidence, links the explorer without credentials, and offers Right and the other suspects for Wrong', () => {
    const record = diagnosedRecord({ confidence: 0.38 });
    const message = summaryMessage(record, { explorerUrl: explorerUrl('https://causeway.example.com/', record.investigationId), feedback: true });
    const shown = JSON.stringify(message);
    expect(shown).toContain('38% — low confidence');
    expect(shown).toContain('"url":"https://causeway.example.com/explorer/investigations/inv-1"');
    const feedback = (message.blocks as { block_id?: string; elements?: { action_id: string; options?: { value: string }[] }[] }[]).find((b) => b.block_id === 'causeway-feedback:inv-1');
    expect(feedback?.elements?.map((e) => e.action_id)).toEqual(['feedback_right', 'feedback_wrong']);
    expect(feedback?.elements?.[1]?.options?.map((o) => o.value)).toEqual(['code_defect|checkout', 'other']);
  });

  it('shows the similar incidents and the seen-before line', () => {
    const record = { ...diagnosedRecord(), similar: [{ investigationId: 'old-1', at: '2026-05-20T00:00:00.000Z', service: 'pricing', kind: 'deployment' as const, summary: 's', action: 'rollback of pricing v3.11.0', outcome: 'recovered within 6 min', similarity: 0.8, sharedSignals: ['same root cause: pricing deployment'] }] };
    const shown = JSON.stringify(summaryMessage(record, { explorerUrl: 'https://x.example/explorer/investigations/inv-1', feedback: false }));
    expect(shown).toContain('Seen before: seen once in 90 days; last: rollback of pricing v3.11.0, recovered within 6 min');
    expect(shown).toContain('Similar incidents');
    expect(shown).not.toContain('feedback_right');
  });
});
