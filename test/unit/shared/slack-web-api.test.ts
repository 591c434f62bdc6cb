import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { postMessage, SlackRateLimitedError, updateMessage } from '../../../functions/shared/slack-web-api.js';
import { slackOk, startFakeSlack, type FakeSlack } from '../../helpers/fake-slack.js';

const TOKEN = 'xoxb-unit-test-token';
let slack: FakeSlack;
const bot = () => ({ baseUrl: `${slack.url}/api/`, token: TOKEN });

beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(() => slack.close());
beforeEach(() => {
  slack.calls.length = 0;
  slack.answer = slackOk;
});

/** The error a call rejects with, so its name, message and fields can all be checked. */
async function failure(call: Promise<unknown>): Promise<Error & { retryAfterSeconds?: number }> {
  const error = await call.then(
    () => undefined,
    (e: Error) => e,
  );
  if (!error) throw new Error('the call succeeded');
  return error;
}

describe('Slack Web API client', () => {
  it('posts JSON with the bot token in the Authorization header and returns the channel id and ts Slack answered', async () => {
    slack.answer = () => ({ body: { ok: true, channel: 'C0APPROVALS', ts: '1718000000.000200', message: { text: 'hi' } } });
    const ref = await postMessage(bot(), 'C0APPROVALS', { text: 'hi', blocks: [{ type: 'section' }] });
    expect(ref).toEqual({ channel: 'C0APPROVALS', ts: '1718000000.000200' });
    const [call] = slack.calls;
    expect(call).toMatchObject({ method: 'POST', path: '/api/chat.postMessage', body: { channel: 'C0APPROVALS', text: 'hi', blocks: [{ type: 'section' }] } });
    expect(call!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(call!.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.stringify(call!.body)).not.toContain(TOKEN);
  });

  it('edits by channel and ts, always sending blocks so the old buttons do not survive', async () => {
    await updateMessage({ baseUrl: `${slack.url}/api`, token: TOKEN }, { channel: 'C0APPROVALS', ts: '1718000000.000200' }, { text: 'Approved' });
    expect(slack.calls[0]).toMatchObject({ path: '/api/chat.update', body: { channel: 'C0APPROVALS', ts: '1718000000.000200', text: 'Approved', blocks: [] } });
  });

  it('turns ok:false into a ConfigurationError naming Slack’s code, never the token', async () => {
    slack.answer = () => ({ body: { ok: false, error: 'channel_not_found' } });
    const error = await failure(postMessage(bot(), 'C0GONE', { text: 'hi' }));
    expect(error.name).toBe('ConfigurationError');
    expect(error.message).toBe('Slack chat.postMessage failed: channel_not_found');
    expect(error.message).not.toContain(TOKEN);
    slack.answer = () => ({ body: { ok: false, error: 'message_not_found' } });
    expect((await failure(updateMessage(bot(), { channel: 'C0APPROVALS', ts: '1.2' }, { text: 'x' }))).message).toBe('Slack chat.update failed: message_not_found');
  });

  it('turns HTTP 429 into a TransientError carrying Retry-After', async () => {
    slack.answer = () => ({ status: 429, headers: { 'retry-after': '30' }, body: { ok: false, error: 'ratelimited' } });
    const error = await failure(postMessage(bot(), 'C0APPROVALS', { text: 'hi' }));
    expect(error).toBeInstanceOf(SlackRateLimitedError);
    expect(error.name).toBe('TransientError');
    expect(error.retryAfterSeconds).toBe(30);
    expect(error.message).toContain('retry after 30 s');
  });

  it('reads a 429 without a usable Retry-After, and ok:false ratelimited on HTTP 200, as throttling too', async () => {
    slack.answer = () => ({ status: 429, headers: { 'retry-after': 'soon' }, body: {} });
    const bare = await failure(postMessage(bot(), 'C0APPROVALS', { text: 'hi' }));
    expect(bare.name).toBe('TransientError');
    expect(bare.retryAfterSeconds).toBeUndefined();
    slack.answer = () => ({ headers: { 'retry-after': '7' }, body: { ok: false, error: 'ratelimited' } });
    const inBody = await failure(updateMessage(bot(), { channel: 'C0APPROVALS', ts: '1.2' }, { text: 'x' }));
    expect(inBody).toBeInstanceOf(SlackRateLimitedError);
    expect(inBody.retryAfterSeconds).toBe(7);
  });

  it('retries Slack’s own trouble: 5xx and ok:false internal_error are TransientError', async () => {
    slack.answer = () => ({ status: 503, body: 'upstream unavailable' });
    expect((await failure(postMessage(bot(), 'C0APPROVALS', { text: 'hi' }))).name).toBe('TransientError');
    slack.answer = () => ({ body: { ok: false, error: 'internal_error' } });
    const internal = await failure(postMessage(bot(), 'C0APPROVALS', { text: 'hi' }));
    expect(internal.name).toBe('TransientError');
    expect(internal).not.toBeInstanceOf(SlackRateLimitedError);
  });

  it('makes a network failure a TransientError', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(postMessage({ baseUrl: `http://127.0.0.1:${port}/api/`, token: TOKEN }, 'C0APPROVALS', { text: 'hi' }));
    expect(error.name).toBe('TransientError');
    expect(error.message).toContain('Slack chat.postMessage unreachable');
  });

  it('refuses an answer that is not Slack’s: no JSON, or ok without a ts', async () => {
    slack.answer = () => ({ body: '<html>proxy login</html>' });
    const html = await failure(postMessage(bot(), 'C0APPROVALS', { text: 'hi' }));
    expect(html.name).toBe('ConfigurationError');
    expect(html.message).toContain('without a JSON body');
    slack.answer = () => ({ body: { ok: true, channel: 'C0APPROVALS' } });
    expect((await failure(postMessage(bot(), 'C0APPROVALS', { text: 'hi' }))).message).toContain('without ok, channel and ts');
    slack.answer = () => ({ status: 404, body: { ok: true, channel: 'C0APPROVALS', ts: '1.2' } });
    expect((await failure(postMessage(bot(), 'C0APPROVALS', { text: 'hi' }))).name).toBe('ConfigurationError');
  });
});
