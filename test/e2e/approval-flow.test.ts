import { fileURLToPath } from 'node:url';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantConfig } from '../../functions/contracts/index.js';
import { readAudit } from '../../functions/shared/audit.js';
import { readRecord } from '../../functions/shared/records.js';
import { keys } from '../../functions/shared/table.js';
import { runScenario, ensureScenarioTenant } from '../../cli/scenario-run.js';
import { LOCAL_SLACK_API_PATH } from '../../local/api-server.js';
import { startLocalStack, type LocalStack, type SlackMessage } from '../../local/stack.js';
import { putTenant } from '../../local/tenants.js';
import { Browser, csrfFrom, decide as decideAs, getPage, heading, linksFor, postDecision, signIn, signInLinkFrom as signInLink, userFor } from '../helpers/approvals.js';
import { identityFor, startLocalOidcIssuer, type LocalOidcIssuer } from '../helpers/oidc-issuer.js';
import type { LocalUser } from '../../local/oidc-issuer.js';

const SCENARIO = fileURLToPath(new URL('../../scenarios/shop-storefront-checkout-5xx.json', import.meta.url));

let stack: LocalStack;
let issuer: LocalOidcIssuer;
/** Opens the link, signs in through the tenant's provider as this person, and confirms. */
const decide = (url: string, who: LocalUser | string = 'oncall@example.com') => decideAs(issuer, url, who);

const BOT_SECRET = 'causeway/tenants/demo/slack-bot';
const CHANNEL = 'C0APPROVALS';

beforeAll(async () => {
  stack = await startLocalStack({ retryIntervalMs: 5 });
  process.env.SLACK_API_BASE_URL = `${stack.apiUrl}${LOCAL_SLACK_API_PATH}`;
  stack.secrets.put(BOT_SECRET, JSON.stringify({ signingSecret: 'slack-signing-secret-for-tests', botToken: 'xoxb-local-test-token', channel: CHANNEL }));
  issuer = await startLocalOidcIssuer();
  const tenant = await ensureScenarioTenant(stack, 'demo');
  await putTenant(stack, { ...tenant, identity: identityFor(stack, 'demo', issuer) });
});

afterAll(async () => {
  await stack.stop();
  await issuer.stop();
});

async function investigationAwaitingApproval() {
  const run = await runScenario(stack, SCENARIO);
  expect(run.record.status).toBe('awaiting_approval');
  expect(run.record.policy?.decision).toBe('approve');
  const approvalId = run.record.approval!.approvalId;
  return { run, approvalId, links: linksFor(stack, approvalId), execution: stack.sfn.listExecutions().find((e) => e.name === run.record.investigationId)! };
}

const record = (id: string) => readRecord(stack.tableName, 'demo', id, stack.db);
const audit = (id: string) => readAudit(stack.tableName, 'demo', id, stack.db);

/** A captured message as the Slack Web API stand-in hands it on: with the channel and ts it lives at. */
type Posted = { text?: string; blocks?: { type: string }[]; channel?: string; ts?: string; replace_original?: boolean };
const posted = (m: SlackMessage) => m.body as Posted;
/** The original message and every edit of it, oldest first: all captured under the same channel and ts. */
const versionsOf = (ts: string | undefined) => stack.slackMessages.map(posted).filter((m) => m.ts !== undefined && m.ts === ts && m.channel === CHANNEL);
/** Messages posted to the webhook about this investigation after its approval message: the follow-ups. */
const followUps = (investigationId: string) => stack.slackMessages.map(posted).filter((m) => m.ts === undefined && /^:\S+: (Approved|Rejected|Expired)/.test(m.text ?? '') && JSON.stringify(m).includes(investigationId));
const blockTypes = (m: Posted | undefined) => (m?.blocks ?? []).map((b) => b.type);

/** Runs `body` with the demo tenant's Slack app carrying a bot token and channel, then puts the tenant back. */
async function withBot(body: (tenant: TenantConfig) => Promise<void>, approval: Partial<TenantConfig['approval']> = {}): Promise<void> {
  const tenant = await ensureScenarioTenant(stack, 'demo');
  await putTenant(stack, { ...tenant, approval: { ...tenant.approval, slackAppSecretRef: BOT_SECRET, ...approval } });
  try {
    await body(tenant);
  } finally {
    await putTenant(stack, tenant);
  }
}

async function storedSlackMessage(approvalId: string): Promise<unknown> {
  const out = await stack.db.send(new GetCommand({ TableName: stack.tableName, Key: keys.approval('demo', approvalId) }));
  return out.Item?.slackMessage;
}

describe('approval through the local state machine', () => {
  it('approves from the link: GET decides nothing, POST resumes the execution and the dry-run lands in the audit trail', async () => {
    const { run, links, execution } = await investigationAwaitingApproval();
    const id = run.record.investigationId;
    expect(run.approvalMessage?.body.text).toContain('rollback');
    expect(JSON.stringify(run.approvalMessage)).not.toContain('local-');

    const page = await getPage(links.approve);
    expect(page.status).toBe(200);
    expect(heading(page.html)).toContain('Approve: rollback pricing');
    expect(page.html).toContain('Sign in with the test provider to approve');
    expect(page.html).not.toContain('name="csrf"');
    const { page: signedIn, client } = await signIn(issuer, userFor('oncall@example.com'), links.approve);
    expect(signedIn.status).toBe(200);
    expect(signedIn.html).toContain('Signed in as <strong>oncall@example.com</strong>');
    expect(execution.status).toBe('RUNNING');
    expect((await record(id))?.approval?.status).toBe('pending');

    const decided = await client.request(links.approve, { form: { csrf: csrfFrom(signedIn.html) } });
    expect(decided.status).toBe(200);
    expect(heading(decided.html)).toBe('Approved');
    await execution.done;
    expect(execution.status).toBe('SUCCEEDED');

    const final = await record(id);
    expect(final?.status).toBe('remediated');
    expect(final?.approval).toMatchObject({ status: 'approved', decidedBy: 'oncall@example.com', decider: { via: 'oidc', issuer: issuer.issuer, subject: 'sub-oncall-example-com', email: 'oncall@example.com' } });
    expect(final?.remediation).toMatchObject({ status: 'dry_run', changes: ['service pricing: version v3.12.0 → v3.11.4'] });
    const [followUp, ...more] = followUps(id);
    expect(followUp?.text).toMatch(/^:white_check_mark: Approved by oncall@example\.com at \d{4}-\d\d-\d\dT[\d:.]+Z: the rollback of pricing runs as a dry-run\.$/);
    expect(blockTypes(followUp)).toEqual(['section', 'context']);
    expect(more).toEqual([]);
    const trail = await audit(id);
    expect(trail.map((e) => e.type).filter((type) => !type.startsWith('delivery.'))).toEqual([
      'investigation.diagnosed',
      'policy.decided',
      'approval.requested',
      'approval.signed_in',
      'approval.decided',
      'remediation.started',
      'remediation.completed',
      'investigation.remediated',
    ]);
    expect(trail.find((e) => e.type === 'approval.decided')).toMatchObject({ actor: 'oncall@example.com', detail: { decision: 'approved', via: 'oidc', issuer: issuer.issuer, subject: 'sub-oncall-example-com', email: 'oncall@example.com' } });
    expect(trail.find((e) => e.type === 'remediation.completed')?.detail).toMatchObject({ status: 'dry_run' });
  });

  it('a second click changes nothing and says who decided', async () => {
    const { run, links, execution } = await investigationAwaitingApproval();
    expect((await decide(links.approve, 'first@example.com')).status).toBe(200);
    await execution.done;
    const again = await decide(links.approve, 'second@example.com');
    expect(again.status).toBe(409);
    expect(again.html).toContain('first@example.com');
    const rejectAfter = await decide(links.reject, 'second@example.com');
    expect(rejectAfter.status).toBe(409);
    expect(followUps(run.record.investigationId).map((m) => m.text)).toEqual([expect.stringContaining('Approved by first@example.com')]);
  });

  it('rejects: the execution ends without remediation', async () => {
    const { run, links, execution } = await investigationAwaitingApproval();
    const result = await decide(links.reject, 'lead@example.com');
    expect(heading(result.html)).toBe('Rejected');
    await execution.done;
    expect(execution.status).toBe('SUCCEEDED');
    const final = await record(run.record.investigationId);
    expect(final?.status).toBe('rejected');
    expect(final?.remediation).toBeUndefined();
    const types = (await audit(run.record.investigationId)).map((e) => e.type);
    expect(types).toContain('investigation.rejected');
    expect(types).not.toContain('remediation.started');
    expect(followUps(run.record.investigationId).map((m) => m.text)).toEqual([expect.stringMatching(/^:x: Rejected by lead@example\.com at .+: the rollback of pricing will not run\.$/)]);
  });

  it('refuses forged, altered and cross-tenant links, and a POST without the form token', async () => {
    const { run, links, execution } = await investigationAwaitingApproval();
    const forged = new URL(links.approve);
    forged.searchParams.set('sig', 'A'.repeat(43));
    expect((await getPage(forged.toString())).status).toBe(403);
    const tampered = new URL(links.approve.replace(run.record.approval!.approvalId, 'AAAAAAAAAAAAAAAAAAAAAA'));
    expect((await getPage(tampered.toString())).status).toBe(403);
    const otherTenant = new URL(links.approve.replace('/tenants/demo/', '/tenants/other/'));
    expect((await getPage(otherTenant.toString())).status).toBe(403);
    const flipped = new URL(links.approve);
    flipped.searchParams.set('decision', 'reject');
    expect((await getPage(flipped.toString())).status).toBe(403);
    const later = new URL(links.approve);
    later.searchParams.set('exp', String(Number(later.searchParams.get('exp')) + 3600));
    expect((await getPage(later.toString())).status).toBe(403);
    const { page, client } = await signIn(issuer, userFor('oncall@example.com'), links.approve);
    expect((await client.request(links.approve, { form: {} })).status).toBe(403);
    expect((await client.request(links.approve, { form: { csrf: csrfFrom(page.html) }, headers: { origin: 'https://evil.example' } })).status).toBe(403);
    expect(execution.status).toBe('RUNNING');
    expect((await record(run.record.investigationId))?.approval?.status).toBe('pending');
    expect(followUps(run.record.investigationId)).toEqual([]);
    await stack.sfn.stopExecution(run.record.investigationId);
  });

  it('accepts only the tenant’s listed approvers, by verified identity: a listed subject decides; an unlisted one, a forged token and a typed name do not', async () => {
    const tenant = await ensureScenarioTenant(stack, 'demo');
    const lead = { sub: 'okta-00u1lead', email: 'lead@example.com', emailVerified: true };
    await putTenant(stack, { ...tenant, policy: { ...tenant.policy, approvers: ['U024BE7LH', 'lead@example.com', `oidc:${issuer.issuer}#${lead.sub}`] } });
    try {
      const { run, links, execution } = await investigationAwaitingApproval();
      const id = run.record.investigationId;

      const stranger = await decide(links.approve, 'intruder@other-tenant.example');
      expect(stranger.status).toBe(403);
      expect(heading(stranger.html)).toBe('Approve: rollback pricing (dry-run)?');
      expect(stranger.html).toContain('Signed in as <strong>intruder@other-tenant.example</strong>');
      expect(stranger.html).toContain("who is not on this tenant's approvers list");

      const unverified = await decide(links.approve, { sub: 'someone-else', email: 'lead@example.com', emailVerified: false });
      expect(unverified.status).toBe(403);

      const typed = await postDecision(links.approve, { approver: `oidc:${issuer.issuer}#${lead.sub}` });
      expect(typed.status).toBe(401);
      expect(heading(typed.html)).toBe('Sign in first');

      const browser = new Browser();
      const first = await browser.request(links.approve);
      issuer.signInAs(lead);
      issuer.tamperNextToken({ rogueKey: true });
      const forged = (await browser.follow(signInLink(first))).at(-1)!;
      issuer.signInAs(undefined);
      expect(forged.status).toBe(401);
      expect(forged.html).toContain('the ID token is not signed by the issuer&#39;s keys');

      expect(execution.status).toBe('RUNNING');
      expect((await record(id))?.approval?.status).toBe('pending');
      const refusals = (await audit(id)).filter((e) => e.type === 'approval.refused').map((e) => e.detail.reason ?? e.detail.check);
      expect(refusals).toEqual(['no_verified_identity', 'sign_in_refused']);
      expect((await audit(id)).find((e) => e.type === 'approval.refused' && e.detail.reason === 'sign_in_refused')?.detail).toMatchObject({ check: 'bad_signature' });

      const approved = await decide(links.approve, lead);
      expect(approved.status).toBe(200);
      expect(heading(approved.html)).toBe('Approved');
      await execution.done;
      expect(execution.status).toBe('SUCCEEDED');
      expect((await record(id))?.approval).toMatchObject({ status: 'approved', decidedBy: 'lead@example.com', decider: { issuer: issuer.issuer, subject: lead.sub } });
    } finally {
      await putTenant(stack, tenant);
    }
  });

  it('without an identity provider the page says how to decide, and no browser request decides', async () => {
    const tenant = await ensureScenarioTenant(stack, 'demo');
    await putTenant(stack, { ...tenant, identity: undefined });
    try {
      const { run, links, execution } = await investigationAwaitingApproval();
      const page = await getPage(links.approve);
      expect(page.status).toBe(200);
      expect(page.html).toContain('<strong>How to decide:</strong> this tenant has no identity provider');
      expect(page.html).toContain('an operator adds an <code>identity</code> block');
      expect(page.html).not.toContain('name="csrf"');
      expect((await postDecision(links.approve, { approver: 'oncall@example.com' })).status).toBe(401);
      expect(execution.status).toBe('RUNNING');
      await stack.sfn.stopExecution(run.record.investigationId);
    } finally {
      await putTenant(stack, tenant);
    }
  });

  it('expires: the task times out, the record says so and the link is dead', async () => {
    const tenant = await ensureScenarioTenant(stack, 'demo');
    await putTenant(stack, { ...tenant, approval: { ...tenant.approval, timeoutSeconds: 1 } });
    try {
      const { run, links, execution } = await investigationAwaitingApproval();
      await execution.done;
      expect(execution.status).toBe('SUCCEEDED');
      const final = await record(run.record.investigationId);
      expect(final?.status).toBe('expired');
      expect(final?.approval?.status).toBe('expired');
      const late = await getPage(links.approve);
      expect(late.status).toBe(410);
      expect((await audit(run.record.investigationId)).map((e) => e.type)).toContain('investigation.expired');
      expect(followUps(run.record.investigationId).map((m) => m.text)).toEqual([expect.stringMatching(/^:hourglass: Expired at .+: nobody decided on the rollback of pricing in time, so no action was taken\.$/)]);
    } finally {
      await putTenant(stack, tenant);
    }
  });
});

describe('the approval message tells how the approval ended', () => {
  it('a link approval edits the bot’s message: chat.update at the same channel and ts, who and when, no buttons left', async () => {
    await withBot(async () => {
      const { run, approvalId, links, execution } = await investigationAwaitingApproval();
      const id = run.record.investigationId;
      const original = posted(run.approvalMessage!);
      expect(original).toMatchObject({ channel: CHANNEL, ts: expect.stringMatching(/^\d+\.\d{6}$/) });
      expect(blockTypes(original).filter((t) => t === 'actions')).toHaveLength(2);
      expect(await storedSlackMessage(approvalId)).toEqual({ channel: CHANNEL, ts: original.ts });
      expect((await audit(id)).find((e) => e.type === 'approval.requested')?.detail).toMatchObject({ notified: true, via: 'chat.postMessage', slackMessage: { channel: CHANNEL, ts: original.ts } });

      expect(heading((await decide(links.approve, 'oncall@example.com')).html)).toBe('Approved');
      await execution.done;
      expect(execution.status).toBe('SUCCEEDED');
      const [first, edit, ...more] = versionsOf(original.ts);
      expect(first).toBe(original);
      expect(more).toEqual([]);
      expect(edit?.text).toMatch(/^:white_check_mark: Approved by oncall@example\.com at \d{4}-.+Z: the rollback of pricing runs as a dry-run\.$/);
      expect(blockTypes(edit)).toEqual(['header', 'section', 'section', 'section', 'section', 'context']);
      expect(JSON.stringify(edit)).not.toContain(approvalId);
      expect(JSON.stringify(edit)).toContain('Approved: rollback pricing');
      expect(followUps(id)).toEqual([]);
      expect((await audit(id)).map((e) => e.type)).not.toContain('approval.notification_failed');
    });
  });

  it('a link rejection edits it too', async () => {
    await withBot(async () => {
      const { run, links, execution } = await investigationAwaitingApproval();
      const original = posted(run.approvalMessage!);
      await decide(links.reject, 'lead@example.com');
      await execution.done;
      expect(versionsOf(original.ts).map((m) => m.text)).toEqual([original.text, expect.stringMatching(/^:x: Rejected by lead@example\.com at /)]);
    });
  });

  it('an expiry edits it when the task times out, and a late click changes nothing more', async () => {
    await withBot(
      async () => {
        const { run, links, execution } = await investigationAwaitingApproval();
        const original = posted(run.approvalMessage!);
        await execution.done;
        expect((await record(run.record.investigationId))?.status).toBe('expired');
        const [, edit, ...more] = versionsOf(original.ts);
        expect(more).toEqual([]);
        expect(edit?.text).toMatch(/^:hourglass: Expired at .+: nobody decided on the rollback of pricing in time, so no action was taken\.$/);
        expect(blockTypes(edit)).not.toContain('actions');
        expect((await getPage(links.approve)).status).toBe(410);
        expect(versionsOf(original.ts)).toHaveLength(2);
      },
      { timeoutSeconds: 1 },
    );
  });

  it('a refused edit neither undoes nor blocks the decision: it stands, the run goes on, the failure is audited', async () => {
    await withBot(async () => {
      const { run, approvalId, links, execution } = await investigationAwaitingApproval();
      const id = run.record.investigationId;
      const original = posted(run.approvalMessage!);
      await stack.db.send(
        new UpdateCommand({ TableName: stack.tableName, Key: keys.approval('demo', approvalId), UpdateExpression: 'SET slackMessage.ts = :gone', ExpressionAttributeValues: { ':gone': '1000000000.000001' } }),
      );
      const decided = await decide(links.approve, 'oncall@example.com');
      expect(decided.status).toBe(200);
      expect(heading(decided.html)).toBe('Approved');
      await execution.done;
      expect(execution.status).toBe('SUCCEEDED');
      expect((await record(id))?.approval).toMatchObject({ status: 'approved', decidedBy: 'oncall@example.com' });
      expect((await record(id))?.status).toBe('remediated');
      expect(versionsOf(original.ts)).toEqual([original]);
      const failed = (await audit(id)).find((e) => e.type === 'approval.notification_failed');
      expect(failed).toMatchObject({ actor: 'causeway:slack', detail: { approvalId, end: 'approved', via: 'chat.update', error: 'ConfigurationError', message: 'Slack chat.update failed: message_not_found' } });
    });
  });
});

describe('the local Slack Web API stand-in', () => {
  const call = async (method: string, body: string, token = 'xoxb-local-test-token') => {
    const response = await fetch(`${stack.apiUrl}${LOCAL_SLACK_API_PATH}${method}`, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body });
    expect(response.status).toBe(200);
    return (await response.json()) as { ok: boolean; error?: string; channel?: string; ts?: string };
  };

  it('answers as Slack does, ok:false with the error code, and captures nothing it refused', async () => {
    const before = stack.slackMessages.length;
    expect(await call('chat.postMessage', JSON.stringify({ channel: CHANNEL, text: 'hi' }), '')).toEqual({ ok: false, error: 'not_authed' });
    expect(await call('chat.postMessage', JSON.stringify({ channel: CHANNEL, text: 'hi' }), 'not-a-slack-token')).toEqual({ ok: false, error: 'not_authed' });
    expect(await call('chat.postMessage', '{not json')).toEqual({ ok: false, error: 'invalid_json' });
    expect(await call('chat.postMessage', JSON.stringify({ text: 'hi' }))).toEqual({ ok: false, error: 'channel_not_found' });
    expect(await call('chat.update', JSON.stringify({ channel: CHANNEL, ts: '1.000001', text: 'hi' }))).toEqual({ ok: false, error: 'message_not_found' });
    expect(await call('chat.delete', JSON.stringify({ channel: CHANNEL, ts: '1.000001' }))).toEqual({ ok: false, error: 'unknown_method' });
    expect(stack.slackMessages).toHaveLength(before);
    const first = await call('chat.postMessage', JSON.stringify({ channel: CHANNEL, text: 'hi' }));
    expect(first).toMatchObject({ ok: true, channel: CHANNEL, ts: expect.stringMatching(/^\d+\.\d{6}$/) });
    expect(await call('chat.update', JSON.stringify({ channel: 'C0OTHER', ts: first.ts, text: 'moved?' }))).toEqual({ ok: false, error: 'message_not_found' });
    expect(await call('chat.update', JSON.stringify({ channel: CHANNEL, ts: first.ts, text: 'edited' }))).toMatchObject({ ok: true, ts: first.ts });
    expect(stack.slackMessages.slice(before).map(posted)).toEqual([
      { channel: CHANNEL, text: 'hi', ts: first.ts },
      { channel: CHANNEL, text: 'edited', ts: first.ts },
    ]);
  });
});
