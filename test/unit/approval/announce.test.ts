import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { announceEnd, chooseDelivery, type AnnounceDeps, type AnnounceInput } from '../../../functions/approval/announce.js';
import { endedMessage, endLine, followUpMessage, type ApprovalEnd } from '../../../functions/approval/outcome-message.js';
import type { AuditEntry } from '../../../functions/shared/audit.js';
import type { TenantSlack } from '../../../functions/shared/slack.js';
import { slackOk, startFakeSlack, type FakeSlack } from '../../helpers/fake-slack.js';

const action = { kind: 'rollback', service: 'pricing', risk: 'low', plan: ['pricing: v3.12.0 → v3.11.4'], undo: 'roll forward', dryRun: true };
const REF = { channel: 'C0APPROVALS', ts: '1718000000.000400' };
const approved: ApprovalEnd = { kind: 'decided', status: 'approved', decidedBy: 'oncall@example.com', decidedAt: '2026-06-01T09:00:00.000Z' };
const context = {
  signal: { title: 'Checkout 5xx', severity: 'critical' },
  rca: { rootCause: { statement: { text: 'pricing v3.12.0 broke checkout', evidenceIds: ['DEPLOY_1'] } }, confidence: 0.8, causalChain: [{ text: 'deploy then errors', evidenceIds: ['LOG_1'] }] },
  policy: { action: { ...action, reversible: true, blastRadius: 'one service' } },
} as unknown as NonNullable<Awaited<ReturnType<AnnounceDeps['context']>>>;

let slack: FakeSlack;
let audit: AuditEntry[];

beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(() => slack.close());
beforeEach(() => {
  slack.calls.length = 0;
  slack.answer = slackOk;
  audit = [];
});

const bot = (): TenantSlack => ({ bot: { token: 'xoxb-1-abc', channel: 'C0APPROVALS' }, webhookUrl: `${slack.url}/hook` });
function deps(tenant: TenantSlack | (() => Promise<TenantSlack>), overrides: Partial<AnnounceDeps> = {}): AnnounceDeps {
  return {
    slackApiBaseUrl: `${slack.url}/api/`,
    slack: typeof tenant === 'function' ? tenant : async () => tenant,
    context: async () => context,
    audit: async (entry) => void audit.push(entry),
    ...overrides,
  };
}
const input = (end: ApprovalEnd = approved, extra: Partial<AnnounceInput> = {}): AnnounceInput => ({
  tenantId: 'acme',
  approval: { approvalId: 'appr-0001', investigationId: 'inv-0001', action, slackMessage: REF },
  end,
  ...extra,
});
const blockTypes = (body: Record<string, unknown>) => (body.blocks as { type: string }[]).map((b) => b.type);

describe('how the end of an approval reaches Slack', () => {
  it('edits the bot’s message when its channel and ts are known, else replaces via response_url, else follows up on the webhook', () => {
    const base = { slackApiBaseUrl: 'http://slack.local/api/' };
    expect(chooseDelivery(bot(), REF, { ...base, responseUrl: 'http://slack.local/respond' })).toMatchObject({ via: 'chat.update', ref: REF, bot: { token: 'xoxb-1-abc', baseUrl: base.slackApiBaseUrl } });
    expect(chooseDelivery(bot(), undefined, { ...base, responseUrl: 'http://slack.local/respond' })).toEqual({ via: 'response_url', url: 'http://slack.local/respond' });
    expect(chooseDelivery(bot(), undefined, base)).toEqual({ via: 'webhook', url: `${slack.url}/hook` });
    expect(chooseDelivery({ webhookUrl: 'http://hook' }, REF, base)).toEqual({ via: 'webhook', url: 'http://hook' });
    expect(chooseDelivery({}, REF, base)).toBeUndefined();
  });
});

describe('the closing words', () => {
  it('say who decided and when, or that it expired, and what follows', () => {
    expect(endLine(action, approved)).toBe(':white_check_mark: Approved by oncall@example.com at 2026-06-01T09:00:00.000Z: the rollback of pricing runs as a dry-run.');
    expect(endLine({ ...action, dryRun: false }, { ...approved, decidedBy: 'U0APPROVER' })).toContain('Approved by <@U0APPROVER> at 2026-06-01T09:00:00.000Z: the rollback of pricing runs now.');
    expect(endLine(action, { ...approved, status: 'rejected' })).toBe(':x: Rejected by oncall@example.com at 2026-06-01T09:00:00.000Z: the rollback of pricing will not run.');
    expect(endLine(action, { kind: 'expired', at: '2026-06-01T10:00:00.000Z' })).toBe(':hourglass: Expired at 2026-06-01T10:00:00.000Z: nobody decided on the rollback of pricing in time, so no action was taken.');
  });

  it('escape a name typed on the approval page, so it cannot ping the channel or hide a link', () => {
    expect(endLine(action, { ...approved, decidedBy: '<!channel> & <https://evil.example|me>' })).toContain('Approved by &lt;!channel&gt; &amp; &lt;https://evil.example|me&gt; at');
  });

  it('replace the buttons and links with the outcome and keep the diagnosis it was decided on', () => {
    const ended = endedMessage({ action, investigationId: 'inv-0001', end: approved, context });
    expect(blockTypes(ended as unknown as Record<string, unknown>)).toEqual(['header', 'section', 'section', 'section', 'section', 'context']);
    expect(JSON.stringify(ended)).toContain('Approved: rollback pricing');
    expect(JSON.stringify(ended)).toContain('pricing v3.12.0 broke checkout');
    expect(JSON.stringify(endedMessage({ action, investigationId: 'inv-0001', end: approved }).blocks)).not.toContain('Root cause');
    expect(followUpMessage({ action, investigationId: 'inv-0001', end: approved })).toEqual({
      text: endLine(action, approved),
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: endLine(action, approved) } }, expect.objectContaining({ type: 'context' })],
    });
  });
});

describe('announcing the end', () => {
  it('edits the original message in place with chat.update: same channel and ts, no buttons left', async () => {
    expect(await announceEnd(input(), deps(bot()))).toEqual({ via: 'chat.update', ok: true });
    expect(slack.calls).toHaveLength(1);
    const [call] = slack.calls;
    expect(call).toMatchObject({ path: '/api/chat.update', body: { channel: REF.channel, ts: REF.ts, text: expect.stringContaining('Approved by oncall@example.com') } });
    expect(call!.headers.authorization).toBe('Bearer xoxb-1-abc');
    expect(blockTypes(call!.body)).not.toContain('actions');
    expect(audit).toEqual([]);
  });

  it('says expired the same way', async () => {
    await announceEnd(input({ kind: 'expired', at: '2026-06-01T10:00:00.000Z' }), deps(bot()));
    expect(slack.calls[0]).toMatchObject({ path: '/api/chat.update', body: { ts: REF.ts, text: expect.stringContaining('Expired at 2026-06-01T10:00:00.000Z') } });
  });

  it('follows up on the webhook when the message cannot be edited', async () => {
    const result = await announceEnd(input(approved, { approval: { approvalId: 'appr-0001', investigationId: 'inv-0001', action } }), deps({ webhookUrl: `${slack.url}/hook` }));
    expect(result).toEqual({ via: 'webhook', ok: true });
    expect(slack.calls).toEqual([expect.objectContaining({ path: '/hook', body: followUpMessage({ action, investigationId: 'inv-0001', end: approved }) })]);
  });

  it('replaces the clicked message through response_url when the bot did not post it', async () => {
    await announceEnd(input(approved, { approval: { approvalId: 'appr-0001', investigationId: 'inv-0001', action }, responseUrl: `${slack.url}/respond` }), deps({ webhookUrl: `${slack.url}/hook` }));
    expect(slack.calls).toEqual([expect.objectContaining({ path: '/respond', body: expect.objectContaining({ replace_original: true, text: expect.stringContaining('Approved by') }) })]);
  });

  it('does nothing, and audits nothing, when the tenant has no Slack at all', async () => {
    expect(await announceEnd(input(), deps({}))).toEqual({ via: 'none', ok: true });
    expect(slack.calls).toEqual([]);
    expect(audit).toEqual([]);
  });

  it('never throws when Slack refuses the edit: the failure is audited with Slack’s code', async () => {
    slack.answer = () => ({ body: { ok: false, error: 'message_not_found' } });
    expect(await announceEnd(input(), deps(bot()))).toEqual({ via: 'chat.update', ok: false, error: 'ConfigurationError' });
    expect(audit).toEqual([
      {
        type: 'approval.notification_failed',
        actor: 'causeway:slack',
        detail: { approvalId: 'appr-0001', end: 'approved', via: 'chat.update', error: 'ConfigurationError', message: 'Slack chat.update failed: message_not_found' },
      },
    ]);
  });

  it('never throws when Slack throttles the edit or the webhook fails', async () => {
    slack.answer = () => ({ status: 429, headers: { 'retry-after': '20' }, body: { ok: false, error: 'ratelimited' } });
    expect(await announceEnd(input({ ...approved, status: 'rejected' }), deps(bot()))).toMatchObject({ ok: false, error: 'TransientError' });
    expect(audit[0]?.detail).toMatchObject({ end: 'rejected', via: 'chat.update', message: expect.stringContaining('retry after 20 s') });
    slack.answer = () => ({ status: 500, body: 'boom' });
    expect(await announceEnd(input({ kind: 'expired', at: '2026-06-01T10:00:00.000Z' }, { approval: { approvalId: 'appr-0001', investigationId: 'inv-0001', action } }), deps({ webhookUrl: `${slack.url}/hook` }))).toMatchObject({ via: 'webhook', ok: false });
    expect(audit[1]?.detail).toMatchObject({ end: 'expired', via: 'webhook', error: 'TransientError' });
  });

  it('never throws when the tenant’s Slack secrets cannot be read, nor when the audit write fails too', async () => {
    const unreadable = async (): Promise<TenantSlack> => {
      throw Object.assign(new Error('secret causeway/tenants/acme/slack-app could not be read: AccessDeniedException'), { name: 'ConfigurationError' });
    };
    expect(await announceEnd(input(), deps(unreadable))).toEqual({ via: 'none', ok: false, error: 'ConfigurationError' });
    expect(audit[0]).toMatchObject({ type: 'approval.notification_failed', detail: { via: 'none', message: expect.stringContaining('AccessDeniedException') } });
    slack.answer = () => ({ body: { ok: false, error: 'invalid_auth' } });
    const auditDown = deps(bot(), { audit: async () => Promise.reject(new Error('table unavailable')) });
    await expect(announceEnd(input(), auditDown)).resolves.toMatchObject({ ok: false });
  });

  it('still edits, without the diagnosis, when the record cannot be read', async () => {
    const result = await announceEnd(input(), deps(bot(), { context: async () => Promise.reject(new Error('throttled')) }));
    expect(result).toEqual({ via: 'chat.update', ok: true });
    expect(blockTypes(slack.calls[0]!.body)).toEqual(['header', 'section', 'context']);
  });
});
