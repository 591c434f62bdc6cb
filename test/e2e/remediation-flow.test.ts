import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runScenario, ensureScenarioTenant } from '../../cli/scenario-run.js';
import type { TenantConfig } from '../../functions/contracts/index.js';
import { slackSignature } from '../../functions/approval/slack-signature.js';
import { readAudit } from '../../functions/shared/audit.js';
import { markSignalResolved, readRecord } from '../../functions/shared/records.js';
import { LOCAL_SLACK_API_PATH } from '../../local/api-server.js';
import { startLocalStack, type LocalStack } from '../../local/stack.js';
import { putTenant } from '../../local/tenants.js';
import { csrfFrom, decide as decideAs, getPage, heading, linksFor, signIn, userFor } from '../helpers/approvals.js';
import { identityFor, startLocalOidcIssuer, type LocalOidcIssuer } from '../helpers/oidc-issuer.js';
import { fakeState, startFakeTargets, type FakeTargets } from '../helpers/fake-targets.js';

const SCENARIO = fileURLToPath(new URL('../../scenarios/shop-storefront-checkout-5xx.json', import.meta.url));
const SIGNING_SECRET = 'slack-signing-secret-for-tests';

let stack: LocalStack;
let fake: FakeTargets;
let tenant: TenantConfig;
let issuer: LocalOidcIssuer;
const decide = (url: string, email: string) => decideAs(issuer, url, email);

beforeAll(async () => {
  stack = await startLocalStack({ retryIntervalMs: 5, waitTimeMs: 20 });
  process.env.SLACK_RESPONSE_URL_PREFIX = `${stack.apiUrl}/_local/slack`;
  process.env.SLACK_API_BASE_URL = `${stack.apiUrl}${LOCAL_SLACK_API_PATH}`;
  fake = await startFakeTargets();
  issuer = await startLocalOidcIssuer();
  const base = await ensureScenarioTenant(stack, 'demo');
  stack.secrets.put('causeway/tenants/demo/k8s', JSON.stringify({ token: 'k8s-token' }));
  stack.secrets.put('causeway/tenants/demo/slack-app', JSON.stringify({ signingSecret: SIGNING_SECRET }));
  tenant = await putTenant(stack, {
    ...base,
    catalog: { pricing: { kubernetes: { namespace: 'shop', deployment: 'pricing' } } },
    remediation: { kubernetes: { apiUrl: fake.url, tokenSecretRef: 'causeway/tenants/demo/k8s' } },
    policy: { ...base.policy, dryRun: false, approvers: ['oncall@example.com', 'U0APPROVER'] },
    approval: { ...base.approval, slackAppSecretRef: 'causeway/tenants/demo/slack-app' },
    identity: identityFor(stack, 'demo', issuer),
  });
});

afterAll(async () => {
  await stack.stop();
  await fake.close();
  await issuer.stop();
});

beforeEach(() => {
  fake.state = fakeState();
  fake.requests.length = 0;
  fake.onDeploymentChange = undefined;
});

const record = (id: string) => readRecord(stack.tableName, 'demo', id, stack.db);
const trail = async (id: string) => (await readAudit(stack.tableName, 'demo', id, stack.db)).map((e) => e.type);
const k8sWrites = () => fake.requests.filter((r) => r.method !== 'GET');

/** What ingest does with the alert's resolved notification: the record's signal marked resolved. */
async function resolveAlert(investigationId: string): Promise<void> {
  await markSignalResolved(stack.tableName, 'demo', investigationId);
}

async function awaitingApproval() {
  const run = await runScenario(stack, SCENARIO);
  expect(run.record.status).toBe('awaiting_approval');
  const id = run.record.investigationId;
  const approvalId = run.record.approval!.approvalId;
  return { run, id, approvalId, links: linksFor(stack, approvalId), execution: stack.sfn.listExecutions().find((e) => e.name === id)! };
}

async function slackClick(body: string, timestamp = String(Math.floor(Date.now() / 1000)), signature = slackSignature(SIGNING_SECRET, timestamp, body)) {
  const response = await fetch(`${stack.apiUrl}/v1/tenants/demo/slack/interactions`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signature },
    body,
  });
  return { status: response.status, text: await response.text() };
}

const clickBody = (approvalId: string, user: string, actionId: 'approve' | 'reject' = 'approve') =>
  new URLSearchParams({ payload: JSON.stringify({ type: 'block_actions', user: { id: user }, actions: [{ action_id: actionId, value: approvalId }], response_url: `${stack.apiUrl}/_local/slack` }) }).toString();

describe('a live rollback from the Slack message to the audit entry', () => {
  it('scenario → RCA → Slack → GET (nothing) → POST approve → the Deployment is rolled back → recovered', async () => {
    const { id, links, execution, run } = await awaitingApproval();
    expect(run.approvalMessage?.body.text).toContain('rollback of pricing');
    expect(JSON.stringify(run.approvalMessage?.body)).toContain('platform=kubernetes namespace=shop deployment=pricing');
    fake.onDeploymentChange = () => resolveAlert(id);

    const page = await getPage(links.approve);
    expect(heading(page.html)).toBe('Approve: rollback pricing?');
    expect(execution.status).toBe('RUNNING');
    expect(k8sWrites()).toEqual([]);

    const { page: signedIn, client } = await signIn(issuer, userFor('oncall@example.com'), links.approve);
    const decided = await client.request(links.approve, { form: { csrf: csrfFrom(signedIn.html) } });
    expect(heading(decided.html)).toBe('Approved');
    await execution.done;
    expect(execution.status).toBe('SUCCEEDED');

    expect(k8sWrites()).toEqual([expect.objectContaining({ method: 'PATCH', path: '/apis/apps/v1/namespaces/shop/deployments/pricing', contentType: 'application/json-patch+json' })]);
    expect(fake.state.deployment.spec.template.spec.containers[0]?.image).toBe('registry.example/pricing:v3.11.4');
    const final = await record(id);
    expect(final?.status).toBe('remediated');
    expect(final?.remediation).toMatchObject({ status: 'applied', executor: 'rollback-kubernetes', changes: [expect.stringContaining('revision 3 (pricing=registry.example/pricing:v3.12.0) → revision 2')] });
    expect(final?.outcome).toMatchObject({ status: 'recovered', basis: 'alert_state' });
    const audit = await readAudit(stack.tableName, 'demo', id, stack.db);
    expect(audit.map((e) => e.type).filter((type) => !type.startsWith('delivery.'))).toEqual([
      'investigation.diagnosed',
      'policy.decided',
      'approval.requested',
      'approval.signed_in',
      'approval.decided',
      'remediation.started',
      'remediation.completed',
      'outcome.recovered',
      'investigation.remediated',
    ]);
    expect(audit.find((e) => e.type === 'remediation.started')).toMatchObject({ actor: 'oncall@example.com', detail: { dryRun: false, plan: { executor: 'rollback-kubernetes', desired: { replicaSet: 'pricing-2abc' } } } });
  });

  it('not recovered: the record says so and Slack gets the undo', async () => {
    const { id, links, execution } = await awaitingApproval();
    await decide(links.approve, 'oncall@example.com');
    await execution.done;
    expect((await record(id))?.outcome?.status).toBe('not_recovered');
    expect(await trail(id)).toContain('outcome.not_recovered');
    const notice = stack.slackMessages.find((m) => m.body.text?.includes('did not recover'))?.body;
    expect(notice?.text).toContain('did not recover');
    expect(JSON.stringify(notice)).toContain('rollout undo deployment/pricing');
  });
});

describe('Slack buttons', () => {
  it('refuse a bad signature, a stale timestamp and a stranger, then approve for a listed Slack user', async () => {
    const { id, approvalId, execution, run } = await awaitingApproval();
    const buttons = (run.approvalMessage?.body.blocks as Array<{ block_id?: string; elements?: Array<{ action_id: string; value: string }> }>).find((b) => b.block_id === 'causeway-decide');
    expect(buttons?.elements?.map((e) => [e.action_id, e.value])).toEqual([['approve', approvalId], ['reject', approvalId]]);

    const body = clickBody(approvalId, 'U0APPROVER');
    expect((await slackClick(body, undefined, 'v0=' + '0'.repeat(64))).status).toBe(401);
    const old = String(Math.floor(Date.now() / 1000) - 600);
    expect(await slackClick(body, old)).toEqual({ status: 401, text: 'stale request timestamp' });
    const tampered = await slackClick(body.replace('approve', 'reject'), String(Math.floor(Date.now() / 1000)), slackSignature(SIGNING_SECRET, String(Math.floor(Date.now() / 1000)), body));
    expect(tampered.status).toBe(401);
    expect((await slackClick(clickBody(approvalId, 'U0STRANGER'))).status).toBe(200);
    expect(JSON.stringify(stack.slackMessages.at(-1)?.body)).toContain('not an allowed approver');
    expect(execution.status).toBe('RUNNING');
    expect((await record(id))?.approval?.status).toBe('pending');

    expect((await slackClick(body)).status).toBe(200);
    expect(stack.slackMessages.at(-1)?.body).toMatchObject({ replace_original: true, text: expect.stringContaining('Approved by <@U0APPROVER>') });
    await execution.done;
    expect((await record(id))?.approval).toMatchObject({ status: 'approved', decidedBy: 'U0APPROVER' });
    expect((await slackClick(body)).status).toBe(200);
    expect(JSON.stringify(stack.slackMessages.at(-1)?.body)).toContain('Already approved by U0APPROVER');
  });

  it('with a bot token and channel, an approving click edits the bot’s message itself; response_url only answers clicks that decide nothing', async () => {
    stack.secrets.put('causeway/tenants/demo/slack-bot', JSON.stringify({ signingSecret: SIGNING_SECRET, botToken: 'xoxb-local-test-token', channel: 'C0APPROVALS' }));
    await putTenant(stack, { ...tenant, approval: { ...tenant.approval, slackAppSecretRef: 'causeway/tenants/demo/slack-bot' } });
    try {
      const { id, approvalId, execution, run } = await awaitingApproval();
      const original = run.approvalMessage!.body as { channel?: string; ts?: string };
      expect(original).toMatchObject({ channel: 'C0APPROVALS', ts: expect.any(String) });
      fake.onDeploymentChange = () => resolveAlert(id);
      const since = stack.slackMessages.length;

      expect((await slackClick(clickBody(approvalId, 'U0STRANGER'))).status).toBe(200);
      expect(stack.slackMessages.at(-1)?.body).toMatchObject({ replace_original: false, response_type: 'ephemeral', text: expect.stringContaining('not an allowed approver') });
      expect((await slackClick(clickBody(approvalId, 'U0APPROVER'))).status).toBe(200);
      await execution.done;
      const after = stack.slackMessages
        .slice(since)
        .map((m) => m.body as { text?: string; ts?: string; thread_ts?: string; channel?: string; replace_original?: boolean; blocks?: { type: string; block_id?: string }[] })
        .filter((m) => !m.thread_ts && !m.blocks?.some((b) => b.block_id === 'causeway-explore'));
      expect(after).toHaveLength(2);
      expect(after[1]).toMatchObject({ channel: 'C0APPROVALS', ts: original.ts, text: expect.stringContaining('Approved by <@U0APPROVER> at ') });
      expect(after[1]).not.toHaveProperty('replace_original');
      expect(after[1]?.blocks?.map((b) => b.type)).not.toContain('actions');
      expect((await record(id))?.approval).toMatchObject({ status: 'approved', decidedBy: 'U0APPROVER' });
      expect(await trail(id)).not.toContain('approval.notification_failed');
    } finally {
      await putTenant(stack, tenant);
    }
  });
});

describe('freeze windows', () => {
  const allWeek = [
    { days: [0, 1, 2, 3, 4, 5, 6], from: '00:00', to: '23:59', reason: 'holiday freeze' },
    { days: [0, 1, 2, 3, 4, 5, 6], from: '23:59', to: '00:00', reason: 'holiday freeze' },
  ];

  it('deny the action up front: no approval is asked and nothing runs', async () => {
    await putTenant(stack, { ...tenant, policy: { ...tenant.policy, freezeWindows: allWeek } });
    try {
      const run = await runScenario(stack, SCENARIO);
      expect(run.record.policy).toMatchObject({ decision: 'deny', reasons: [expect.stringContaining('holiday freeze')] });
      const execution = stack.sfn.listExecutions().find((e) => e.name === run.record.investigationId)!;
      await execution.done;
      expect((await record(run.record.investigationId))?.status).toBe('denied');
      expect(run.approvalMessage).toBeUndefined();
      expect(k8sWrites()).toEqual([]);
    } finally {
      await putTenant(stack, tenant);
    }
  });

  it('stop an approved action when the freeze began while the approval waited', async () => {
    const { id, links, execution } = await awaitingApproval();
    await putTenant(stack, { ...tenant, policy: { ...tenant.policy, freezeWindows: allWeek } });
    try {
      await decide(links.approve, 'oncall@example.com');
      await execution.done;
      expect((await record(id))?.remediation).toMatchObject({ status: 'refused', summary: expect.stringContaining('holiday freeze') });
      expect(await trail(id)).toContain('remediation.refused');
      expect(k8sWrites()).toEqual([]);
    } finally {
      await putTenant(stack, tenant);
    }
  });
});
