import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TenantConfig } from '../../../functions/contracts/index.js';
import { postApprovalMessage } from '../../../functions/request-approval/post.js';
import { tenantSlack } from '../../../functions/shared/slack.js';
import { slackOk, startFakeSlack, type FakeSlack } from '../../helpers/fake-slack.js';

const APP = 'causeway/tenants/acme/slack-app';
const HOOK = 'causeway/tenants/acme/slack';
const approval = (refs: { app?: boolean; hook?: boolean }) =>
  TenantConfig.parse({ tenantId: 'acme', approval: { ...(refs.app ? { slackAppSecretRef: APP } : {}), ...(refs.hook ? { slackWebhookSecretRef: HOOK } : {}) } }).approval;
const secrets = (values: Record<string, unknown>) => async (_tenantId: string, ref: string) => values[ref];

let slack: FakeSlack;
beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(() => slack.close());
beforeEach(() => {
  slack.calls.length = 0;
  slack.answer = slackOk;
});

describe('the tenant’s Slack', () => {
  it('has a bot when the app secret carries a bot token and a channel id, beside the webhook', async () => {
    const read = secrets({ [APP]: { signingSecret: 's', botToken: 'xoxb-1-abc', channel: 'C0APPROVALS' }, [HOOK]: { url: 'https://hooks.slack.com/services/T/B/x' } });
    expect(await tenantSlack('acme', approval({ app: true, hook: true }), read)).toEqual({ bot: { token: 'xoxb-1-abc', channel: 'C0APPROVALS' }, webhookUrl: 'https://hooks.slack.com/services/T/B/x' });
  });

  it('has no bot, and says why without the secret’s values, when the app secret is incomplete or malformed', async () => {
    const tokenOnly = await tenantSlack('acme', approval({ app: true }), secrets({ [APP]: { signingSecret: 's', botToken: 'xoxb-1-abc' } }));
    expect(tokenOnly).toEqual({ botProblem: `secret ${APP} has a bot token but no channel` });
    const channelOnly = await tenantSlack('acme', approval({ app: true }), secrets({ [APP]: { signingSecret: 's', channel: 'C0APPROVALS' } }));
    expect(channelOnly.botProblem).toBe(`secret ${APP} has a channel but no bot token`);
    const channelName = await tenantSlack('acme', approval({ app: true }), secrets({ [APP]: { signingSecret: 's', botToken: 'xoxb-1-abc', channel: '#approvals' } }));
    expect(channelName).toEqual({ botProblem: `secret ${APP} is not a Slack app secret (channel)` });
    const missing = await tenantSlack('acme', approval({ app: true }), secrets({}));
    expect(missing.bot).toBeUndefined();
    expect(JSON.stringify([tokenOnly, channelOnly, channelName])).not.toContain('xoxb-1-abc');
  });

  it('has only the signing secret for buttons: no bot, no problem', async () => {
    expect(await tenantSlack('acme', approval({ app: true }), secrets({ [APP]: { signingSecret: 's' } }))).toEqual({});
    expect(await tenantSlack('acme', approval({}), secrets({}))).toEqual({});
  });
});

describe('posting the approval message', () => {
  const message = { text: 'Causeway: approve rollback of pricing?', blocks: [{ type: 'actions' }] };

  it('goes through chat.postMessage when there is a bot, and keeps the channel and ts Slack answered', async () => {
    slack.answer = () => ({ body: { ok: true, channel: 'C0APPROVALS', ts: '1718000000.000300' } });
    const posted = await postApprovalMessage({ bot: { token: 'xoxb-1-abc', channel: 'C0APPROVALS' }, webhookUrl: `${slack.url}/hook` }, message, `${slack.url}/api/`);
    expect(posted).toEqual({ via: 'chat.postMessage', ref: { channel: 'C0APPROVALS', ts: '1718000000.000300' } });
    expect(slack.calls.map((c) => c.path)).toEqual(['/api/chat.postMessage']);
    expect(slack.calls[0]!.body).toEqual({ channel: 'C0APPROVALS', ...message });
  });

  it('goes to the incoming webhook when there is no bot, and nowhere when there is neither', async () => {
    expect(await postApprovalMessage({ webhookUrl: `${slack.url}/hook` }, message, `${slack.url}/api/`)).toEqual({ via: 'webhook' });
    expect(slack.calls).toEqual([expect.objectContaining({ path: '/hook', body: message })]);
    expect(await postApprovalMessage({}, message, `${slack.url}/api/`)).toEqual({ via: 'none' });
    expect(slack.calls).toHaveLength(1);
  });

  it('falls back to the webhook when Slack refuses the bot for its setup, and says why', async () => {
    slack.answer = (call) => (call.path === '/hook' ? { body: 'ok' } : { body: { ok: false, error: 'not_in_channel' } });
    const posted = await postApprovalMessage({ bot: { token: 'xoxb-1-abc', channel: 'C0APPROVALS' }, webhookUrl: `${slack.url}/hook` }, message, `${slack.url}/api/`);
    expect(posted).toEqual({ via: 'webhook', botError: 'Slack chat.postMessage failed: not_in_channel' });
    expect(slack.calls.map((c) => c.path)).toEqual(['/api/chat.postMessage', '/hook']);
  });

  it('does not fall back on throttling: ASL retries the bot, so the message stays editable', async () => {
    slack.answer = () => ({ status: 429, headers: { 'retry-after': '3' }, body: { ok: false, error: 'ratelimited' } });
    await expect(postApprovalMessage({ bot: { token: 'xoxb-1-abc', channel: 'C0APPROVALS' }, webhookUrl: `${slack.url}/hook` }, message, `${slack.url}/api/`)).rejects.toMatchObject({ name: 'TransientError' });
    expect(slack.calls.map((c) => c.path)).toEqual(['/api/chat.postMessage']);
  });

  it('lets Slack’s refusal through typed, so ASL retries throttling and fails the run on a wrong channel', async () => {
    const bot = { bot: { token: 'xoxb-1-abc', channel: 'C0APPROVALS' } };
    slack.answer = () => ({ status: 429, headers: { 'retry-after': '3' }, body: { ok: false, error: 'ratelimited' } });
    await expect(postApprovalMessage(bot, message, `${slack.url}/api/`)).rejects.toMatchObject({ name: 'TransientError', retryAfterSeconds: 3 });
    slack.answer = () => ({ body: { ok: false, error: 'not_in_channel' } });
    await expect(postApprovalMessage(bot, message, `${slack.url}/api/`)).rejects.toMatchObject({ name: 'ConfigurationError', message: 'Slack chat.postMessage failed: not_in_channel' });
    slack.answer = () => ({ status: 404, body: 'no_service' });
    await expect(postApprovalMessage({ webhookUrl: `${slack.url}/hook` }, message, `${slack.url}/api/`)).rejects.toMatchObject({ name: 'ConfigurationError' });
  });
});
