import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackSignature } from '../../functions/approval/slack-signature.js';
import { readAudit } from '../../functions/shared/audit.js';
import { mintSession, sessionCookie } from '../../functions/shared/explorer-session.js';
import { platformKeysFromSecret } from '../../functions/shared/platform-keys.js';
import { readRecord } from '../../functions/shared/records.js';
import { ensureScenarioTenant, runScenario } from '../../cli/scenario-run.js';
import { startLocalStack, type LocalStack } from '../../local/stack.js';
import { putTenant } from '../../local/tenants.js';

const NO_ACTION = fileURLToPath(new URL('../../scenarios/payments-card-authorizations-failing.json', import.meta.url));
const SIGNING_SECRET = 'slack-signing-secret-for-feedback-tests';
const TOKENS = { demo: 'demo-api-token-0123456789', other: 'other-api-token-0123456789' };

let stack: LocalStack;
let id: string;

beforeAll(async () => {
  stack = await startLocalStack({ retryIntervalMs: 5 });
  process.env.SLACK_RESPONSE_URL_PREFIX = `${stack.apiUrl}/_local/slack`;
  stack.secrets.put('causeway/tenants/demo/slack-app', JSON.stringify({ signingSecret: SIGNING_SECRET }));
  for (const tenantId of ['demo', 'other'] as const) {
    stack.secrets.put(`causeway/tenants/${tenantId}/webhooks`, JSON.stringify({ api: { token: TOKENS[tenantId] } }));
    const tenant = await ensureScenarioTenant(stack, tenantId);
    await putTenant(stack, { ...tenant, webhookSecretRef: `causeway/tenants/${tenantId}/webhooks`, policy: { ...tenant.policy, mode: 'off' }, approval: { ...tenant.approval, ...(tenantId === 'demo' ? { slackAppSecretRef: 'causeway/tenants/demo/slack-app' } : {}) } });
  }
  id = (await runScenario(stack, NO_ACTION)).record.investigationId;
});

afterAll(async () => {
  await stack.stop();
});

const record = () => readRecord(stack.tableName, 'demo', id, stack.db);
const feedbackEntries = async () => (await readAudit(stack.tableName, 'demo', id, stack.db)).filter((e) => e.type === 'feedback.given');

async function postFeedback(body: unknown, token?: string, tenantId = 'demo', investigationId = id) {
  const response = await fetch(`${stack.apiUrl}/v1/tenants/${tenantId}/investigations/${investigationId}/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function signedClick(payload: unknown, timestamp = String(Math.floor(Date.now() / 1000))) {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return { body, timestamp, signature: slackSignature(SIGNING_SECRET, timestamp, body) };
}

async function sendClick(click: { body: string; timestamp: string; signature: string }) {
  const response = await fetch(`${stack.apiUrl}/v1/tenants/demo/slack/interactions`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': click.timestamp, 'x-slack-signature': click.signature },
    body: click.body,
  });
  return response.status;
}

/** The feedback block of the summary Slack got for this investigation, as a click would carry it. */
function feedbackBlock() {
  const summary = stack.slackMessages.find((m) => m.body.text?.startsWith('Causeway: ') && JSON.stringify(m.body).includes(id));
  const block = (summary?.body.blocks as { block_id?: string; elements?: { action_id: string; options?: { value: string }[] }[] }[]).find((b) => b.block_id?.startsWith('causeway-feedback:'));
  expect(block).toBeDefined();
  return block!;
}

const click = (user: string, action: Record<string, unknown>) => ({ type: 'block_actions', team: { id: 'T0ACME' }, user: { id: user, username: user.toLowerCase() }, actions: [action], response_url: `${stack.apiUrl}/_local/slack` });

describe('feedback on an RCA', () => {
  it('from the API: the identity is the token’s, never the body’s; other tenants’ tokens and no token are refused', async () => {
    expect((await postFeedback({ verdict: 'right' })).status).toBe(401);
    expect((await postFeedback({ verdict: 'right' }, TOKENS.other)).status).toBe(401);
    expect(await postFeedback({ verdict: 'right' }, TOKENS.other, 'other')).toEqual({ status: 404, body: { error: `no investigation ${id}` } });
    const impersonating = await postFeedback({ verdict: 'right', by: { issuer: 'https://slack.com', subject: 'T0ACME/U0BOSS' } }, TOKENS.demo);
    expect(impersonating.status).toBe(422);
    expect(impersonating.body.error).toMatch(/^\(root\): /);
    expect((await postFeedback({ verdict: 'maybe' }, TOKENS.demo)).status).toBe(422);
    expect((await postFeedback({ verdict: 'wrong', rootCause: { service: 'payments', kind: 'flaky' } }, TOKENS.demo)).body.error).toMatch(/^rootCause\.kind: /);
    expect(await feedbackEntries()).toEqual([]);

    const given = await postFeedback({ verdict: 'wrong', rootCause: { service: 'payments', kind: 'code_defect' }, note: 'the retry loop, not Stripe' }, TOKENS.demo);
    expect(given.status).toBe(200);
    expect((await record())?.feedback).toEqual([
      { at: expect.any(String), by: { issuer: 'causeway:tenant-token', subject: 'demo' }, verdict: 'wrong', rootCause: { service: 'payments', kind: 'code_defect' }, note: 'the retry loop, not Stripe' },
    ]);
    expect(await feedbackEntries()).toEqual([expect.objectContaining({ actor: 'causeway:tenant-token#demo', detail: expect.objectContaining({ verdict: 'wrong' }) })]);
  });

  it('from a Slack click: Right and a Wrong choice land with the Slack-verified identity; a replay and a forgery change nothing', async () => {
    const block = feedbackBlock();
    const right = signedClick(click('U0ALICE', { action_id: 'feedback_right', block_id: block.block_id, value: 'right' }));
    expect(await sendClick(right)).toBe(200);
    expect(stack.slackMessages.at(-1)?.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('recorded as right') });
    expect(await sendClick(right)).toBe(409);

    const choice = block.elements!.find((e) => e.action_id === 'feedback_wrong')!.options![0]!.value;
    const wrong = signedClick(click('U0BOB', { action_id: 'feedback_wrong', block_id: block.block_id, selected_option: { value: choice } }));
    expect(await sendClick({ ...wrong, signature: `v0=${'0'.repeat(64)}` })).toBe(401);
    const forgedBody = signedClick(click('U0MALLORY', { action_id: 'feedback_right', block_id: block.block_id }));
    expect(await sendClick({ ...forgedBody, signature: right.signature })).toBe(401);
    expect(await sendClick(wrong)).toBe(200);

    const feedback = (await record())?.feedback ?? [];
    expect(feedback.map((f) => [f.by.issuer, f.by.subject, f.verdict])).toEqual([
      ['causeway:tenant-token', 'demo', 'wrong'],
      ['https://slack.com', 'T0ACME/U0ALICE', 'right'],
      ['https://slack.com', 'T0ACME/U0BOB', 'wrong'],
    ]);
    const [kind, service] = choice.split('|');
    expect(feedback[2]?.rootCause).toEqual({ service, kind });
    expect(await feedbackEntries()).toHaveLength(3);
  });

  it('a click on the explorer link is acknowledged and records nothing', async () => {
    const before = (await record())?.feedback;
    expect(await sendClick(signedClick(click('U0CAROL', { action_id: 'open_explorer', block_id: 'causeway-explore' })))).toBe(200);
    expect((await record())?.feedback).toEqual(before);
  });

  it('a later verdict from the same person replaces theirs on the record; the trail keeps both', async () => {
    const block = feedbackBlock();
    expect(await sendClick(signedClick(click('U0ALICE', { action_id: 'feedback_wrong', block_id: block.block_id, selected_option: { value: 'other' } })))).toBe(200);
    const alice = (await record())?.feedback?.filter((f) => f.by.subject === 'T0ACME/U0ALICE');
    expect(alice).toEqual([expect.objectContaining({ verdict: 'wrong' })]);
    expect(alice?.[0]?.rootCause).toBeUndefined();
    expect(await feedbackEntries()).toHaveLength(4);
  });
});

describe("feedback from the explorer's session cookie", () => {
  const keysOf = () => platformKeysFromSecret(JSON.parse(stack.secrets.get('causeway/platform')!))!;
  const cookieFor = (tenantId: string, key = keysOf().explorerSessionKey) =>
    sessionCookie(mintSession(key, tenantId, { issuer: 'https://idp.example', subject: 'sam' }, new Date()).value, true).split(';')[0]!;
  const post = (cookie: string, contentType = 'application/json', tenantId = 'demo') =>
    fetch(`${stack.apiUrl}/v1/tenants/${tenantId}/investigations/${id}/feedback`, { method: 'POST', headers: { 'content-type': contentType, cookie }, body: JSON.stringify({ verdict: 'right' }) });

  it("records the session's person as the author", async () => {
    expect((await post(cookieFor('demo'))).status).toBe(200);
    expect((await record())?.feedback).toContainEqual(expect.objectContaining({ verdict: 'right', by: { issuer: 'https://idp.example', subject: 'sam' } }));
  });

  it("refuses another tenant's session, a cookie signed with another key, and a non-JSON post carrying a good cookie", async () => {
    expect((await post(cookieFor('other'))).status).toBe(401);
    expect((await post(cookieFor('demo', Buffer.alloc(32, 7)))).status).toBe(401);
    expect((await post(cookieFor('demo'), 'text/plain')).status).toBe(401);
  });
});
