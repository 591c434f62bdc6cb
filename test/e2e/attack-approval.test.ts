import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario, ensureScenarioTenant } from '../../cli/scenario-run.js';
import { slackSignature } from '../../functions/approval/slack-signature.js';
import { approvalUrl } from '../../functions/shared/approval-links.js';
import { readAudit, type StoredAuditEntry } from '../../functions/shared/audit.js';
import { platformKeysFromSecret } from '../../functions/shared/platform-keys.js';
import { readRecord } from '../../functions/shared/records.js';
import { startLocalStack, PLATFORM_SECRET_NAME, type LocalStack } from '../../local/stack.js';
import { putTenant } from '../../local/tenants.js';
import { Browser, csrfFrom, heading, linksFor, postDecision, signIn, signInLinkFrom, userFor } from '../helpers/approvals.js';
import { identityFor, startLocalOidcIssuer, type LocalOidcIssuer } from '../helpers/oidc-issuer.js';

/*
 * The approval path as an attacker sees it, against the local stack over real HTTP: every
 * attempt must be refused with its exact answer, leave the run waiting with no answer sent
 * to Step Functions, and show up in the investigation's audit trail as `approval.refused`.
 */

const SCENARIO = fileURLToPath(new URL('../../scenarios/shop-storefront-checkout-5xx.json', import.meta.url));
const SIGNING_SECRET = 'attack-suite-slack-signing-secret';

let stack: LocalStack;
let issuer: LocalOidcIssuer;
let taskAnswers = 0;

beforeAll(async () => {
  stack = await startLocalStack({ retryIntervalMs: 5 });
  process.env.SLACK_RESPONSE_URL_PREFIX = `${stack.apiUrl}/_local/slack`;
  issuer = await startLocalOidcIssuer();
  const tenant = await ensureScenarioTenant(stack, 'demo');
  stack.secrets.put('causeway/tenants/demo/slack-app', JSON.stringify({ signingSecret: SIGNING_SECRET }));
  await putTenant(stack, {
    ...tenant,
    identity: identityFor(stack, 'demo', issuer),
    approval: { ...tenant.approval, slackAppSecretRef: 'causeway/tenants/demo/slack-app' },
    policy: { ...tenant.policy, approvers: ['oncall@example.com', 'U0APPROVER'] },
  });
  await ensureScenarioTenant(stack, 'other');
  const send = stack.sfn.sendTaskSuccess.bind(stack.sfn);
  const fail = stack.sfn.sendTaskFailure.bind(stack.sfn);
  stack.sfn.sendTaskSuccess = (token, output) => (taskAnswers++, send(token, output));
  stack.sfn.sendTaskFailure = (token, error, cause) => (taskAnswers++, fail(token, error, cause));
});

afterAll(async () => {
  await stack.stop();
  await issuer.stop();
});

async function awaitingApproval() {
  const run = await runScenario(stack, SCENARIO);
  const id = run.record.investigationId;
  const approvalId = run.record.approval!.approvalId;
  return { id, approvalId, links: linksFor(stack, approvalId), execution: stack.sfn.listExecutions().find((e) => e.name === id)! };
}

const refusals = async (id: string): Promise<StoredAuditEntry[]> => (await readAudit(stack.tableName, 'demo', id, stack.db)).filter((e) => e.type === 'approval.refused');

/** Nothing changed: the run still waits, no task answer went out, the approval is pending and nobody decided. */
async function expectUntouched(id: string, answersBefore: number): Promise<void> {
  expect(stack.sfn.listExecutions().find((e) => e.name === id)?.status).toBe('RUNNING');
  expect(taskAnswers).toBe(answersBefore);
  expect((await readRecord(stack.tableName, 'demo', id, stack.db))?.approval?.status).toBe('pending');
  expect((await readAudit(stack.tableName, 'demo', id, stack.db)).map((e) => e.type)).not.toContain('approval.decided');
}

async function slackClick(body: string, timestamp = String(Math.floor(Date.now() / 1000)), signature = slackSignature(SIGNING_SECRET, timestamp, body)) {
  const response = await fetch(`${stack.apiUrl}/v1/tenants/demo/slack/interactions`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signature },
    body,
  });
  return { status: response.status, text: await response.text() };
}

const clickBody = (approvalId: string, user: string) =>
  new URLSearchParams({ payload: JSON.stringify({ type: 'block_actions', user: { id: user, team_id: 'T0ACME' }, actions: [{ action_id: 'approve', value: approvalId }], response_url: `${stack.apiUrl}/_local/slack` }) }).toString();

describe('attacks on the approval path: zero accepted', () => {
  it('a forged link: another signature, an altered decision or expiry, even from a signed-in approver', async () => {
    const { id, links } = await awaitingApproval();
    const before = taskAnswers;
    const { client, page } = await signIn(issuer, userFor('oncall@example.com'), links.approve);
    const forged = new URL(links.approve);
    forged.searchParams.set('sig', 'A'.repeat(43));
    const flipped = new URL(links.approve);
    flipped.searchParams.set('decision', 'reject');
    const extended = new URL(links.approve);
    extended.searchParams.set('exp', String(Number(extended.searchParams.get('exp')) + 86_400));
    for (const url of [forged, flipped, extended]) {
      const answer = await client.request(url.toString(), { form: { csrf: csrfFrom(page.html) } });
      expect(answer.status).toBe(403);
      expect(heading(answer.html)).toBe('This link is not valid');
    }
    expect((await refusals(id)).map((e) => e.detail)).toEqual([0, 1, 2].map(() => expect.objectContaining({ reason: 'invalid_link', method: 'POST' })));
    await expectUntouched(id, before);
    await stack.sfn.stopExecution(id);
  });

  it('an expired link, though truly signed, decides nothing', async () => {
    const { id, approvalId } = await awaitingApproval();
    const before = taskAnswers;
    const keys = platformKeysFromSecret(JSON.parse(stack.secrets.get(PLATFORM_SECRET_NAME)!))!;
    const expired = approvalUrl(stack.apiUrl, keys, { tenantId: 'demo', approvalId, decision: 'approve', expires: Math.floor(Date.now() / 1000) - 60 });
    const answer = await postDecision(expired, {});
    expect(answer.status).toBe(410);
    expect(heading(answer.html)).toBe('This approval has expired');
    expect((await refusals(id)).map((e) => e.detail.reason)).toEqual(['expired_link']);
    await expectUntouched(id, before);
    await stack.sfn.stopExecution(id);
  });

  it('a cross-tenant link: the same approval under another tenant’s path finds nothing', async () => {
    const { id, links } = await awaitingApproval();
    const before = taskAnswers;
    const crossed = links.approve.replace('/tenants/demo/', '/tenants/other/');
    expect((await fetch(crossed)).status).toBe(403);
    const answer = await postDecision(crossed, { approver: 'oncall@example.com' });
    expect(answer.status).toBe(403);
    expect(heading(answer.html)).toBe('This link is not valid');
    await expectUntouched(id, before);
    await stack.sfn.stopExecution(id);
  });

  it('a typed identity: a listed name in the form, with or without a stranger’s session, is nobody', async () => {
    const { id, links } = await awaitingApproval();
    const before = taskAnswers;
    const typed = await postDecision(links.approve, { approver: 'oncall@example.com', csrf: 'x' });
    expect(typed.status).toBe(401);
    expect(heading(typed.html)).toBe('Sign in first');
    const { client, page } = await signIn(issuer, userFor('intruder@example.net'), links.approve);
    expect(page.status).toBe(403);
    const overStranger = await client.request(links.approve, { form: { approver: 'oncall@example.com', csrf: 'guessed' } });
    expect(overStranger.status).toBe(403);
    expect(heading(overStranger.html)).toBe('Form token missing or wrong');
    expect((await refusals(id)).map((e) => [e.actor, e.detail.reason, e.detail.typedIdentityIgnored])).toEqual([
      ['unverified', 'no_verified_identity', 'oncall@example.com'],
      [`oidc:${issuer.issuer}#sub-intruder-example-net`, 'bad_form_token', undefined],
    ]);
    await expectUntouched(id, before);
    await stack.sfn.stopExecution(id);
  });

  it('a forged ID token: a listed person’s claims signed with a key the issuer never published', async () => {
    const { id, links } = await awaitingApproval();
    const before = taskAnswers;
    const browser = new Browser();
    const page = await browser.request(links.approve);
    issuer.signInAs(userFor('oncall@example.com'));
    issuer.tamperNextToken({ rogueKey: true });
    const hops = await browser.follow(signInLinkFrom(page));
    issuer.signInAs(undefined);
    expect(hops.at(-1)).toMatchObject({ status: 401 });
    expect(heading(hops.at(-1)!.html)).toBe('Sign-in refused');
    expect((await browser.request(links.approve)).html).not.toContain('name="csrf"');
    expect((await refusals(id)).map((e) => e.detail)).toEqual([expect.objectContaining({ reason: 'sign_in_refused', check: 'bad_signature' })]);
    await expectUntouched(id, before);
    await stack.sfn.stopExecution(id);
  });

  it('a forged Slack click: a made-up signature, or a signed body altered after signing', async () => {
    const { id, approvalId } = await awaitingApproval();
    const before = taskAnswers;
    const body = clickBody(approvalId, 'U0APPROVER');
    expect(await slackClick(body, undefined, `v0=${'0'.repeat(64)}`)).toEqual({ status: 401, text: 'invalid request signature' });
    const now = String(Math.floor(Date.now() / 1000));
    expect(await slackClick(clickBody(approvalId, 'U0STRANGER').replace('U0STRANGER', 'U0APPROVER'), now, slackSignature(SIGNING_SECRET, now, clickBody(approvalId, 'U0STRANGER')))).toEqual({ status: 401, text: 'invalid request signature' });
    expect((await refusals(id)).map((e) => e.detail.reason)).toEqual(['bad_slack_signature', 'bad_slack_signature']);
    await expectUntouched(id, before);
    await stack.sfn.stopExecution(id);
  });

  it('a replayed Slack click: a captured click after the window, and a captured click again after it decided', async () => {
    const { id, approvalId, execution } = await awaitingApproval();
    const body = clickBody(approvalId, 'U0APPROVER');
    const captured = String(Math.floor(Date.now() / 1000) - 600);
    const before = taskAnswers;
    expect(await slackClick(body, captured)).toEqual({ status: 401, text: 'stale request timestamp' });
    await expectUntouched(id, before);

    const now = String(Math.floor(Date.now() / 1000));
    const signature = slackSignature(SIGNING_SECRET, now, body);
    expect((await slackClick(body, now, signature)).status).toBe(200);
    await execution.done;
    const afterDecision = taskAnswers;
    expect(afterDecision).toBe(before + 1);
    expect((await slackClick(body, now, signature)).status).toBe(200);
    expect(JSON.stringify(stack.slackMessages.at(-1)?.body)).toContain('Already approved by U0APPROVER');
    expect(taskAnswers).toBe(afterDecision);
    const trail = await readAudit(stack.tableName, 'demo', id, stack.db);
    expect(trail.filter((e) => e.type === 'approval.decided')).toHaveLength(1);
    expect((await refusals(id)).map((e) => [e.actor, e.detail.reason])).toEqual([
      ['unverified', 'stale_slack_request'],
      ['slack:T0ACME/U0APPROVER', 'already_decided'],
    ]);
  });

  it('a replayed link: the approver’s own POST sent again after the decision', async () => {
    const { id, links, execution } = await awaitingApproval();
    const { client, page } = await signIn(issuer, userFor('oncall@example.com'), links.approve);
    const form = { csrf: csrfFrom(page.html) };
    expect((await client.request(links.approve, { form })).status).toBe(200);
    await execution.done;
    const afterDecision = taskAnswers;
    const replayed = await client.request(links.approve, { form });
    expect(replayed.status).toBe(409);
    expect(heading(replayed.html)).toBe('Already approved');
    expect(taskAnswers).toBe(afterDecision);
    expect((await readAudit(stack.tableName, 'demo', id, stack.db)).filter((e) => e.type === 'approval.decided')).toHaveLength(1);
    expect((await refusals(id)).map((e) => e.detail.reason)).toEqual(['already_decided']);
  });
});
