import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError, retryAfterMs, type PostPolicy } from '../../../functions/delivery/http-post.js';
import { addOpsgenieNote, addPagerDutyNote } from '../../../functions/delivery/incident-notes.js';
import { OPSGENIE_KEY, PAGERDUTY_TOKEN, startFakeIncidentTools, type FakeIncidentTools } from '../../helpers/fake-incident-tools.js';

let tools: FakeIncidentTools;
const policy: PostPolicy = { timeoutMs: 300, attempts: 2, maxRetryAfterMs: 1500, backoffMs: 10 };
const pagerduty = () => ({ apiTokenSecretRef: 'causeway/tenants/acme/pagerduty', fromEmail: 'causeway@acme.example', apiBaseUrl: tools.url });
const opsgenie = () => ({ apiKeySecretRef: 'causeway/tenants/acme/opsgenie', apiBaseUrl: `${tools.url}/` });

beforeAll(async () => {
  tools = await startFakeIncidentTools();
});
afterAll(() => tools.close());
beforeEach(() => {
  tools.calls.length = 0;
  tools.script.length = 0;
});

async function failure(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

describe('PagerDuty incident notes', () => {
  it('posts the note with Token auth, the versioned Accept header and From, and keeps the note id', async () => {
    const result = await addPagerDutyNote(pagerduty(), PAGERDUTY_TOKEN, 'PABC123', 'Root cause: pricing deployment', policy);
    expect(result.noteId).toMatch(/^PN\d+X$/);
    const [call] = tools.calls;
    expect(call!.path).toBe('/incidents/PABC123/notes');
    expect(call!.headers.authorization).toBe(`Token token=${PAGERDUTY_TOKEN}`);
    expect(call!.headers.accept).toBe('application/vnd.pagerduty+json;version=2');
    expect(call!.headers.from).toBe('causeway@acme.example');
    expect(call!.body).toEqual({ note: { content: 'Root cause: pricing deployment' } });
  });

  it('fails at once on 401, naming the credential and never echoing the token', async () => {
    const error = await failure(addPagerDutyNote(pagerduty(), 'wrong-token', 'PABC123', 'note', policy));
    expect(error.reason).toBe('unauthorized');
    expect(error.status).toBe(401);
    expect(error.message).not.toContain('wrong-token');
    expect(tools.calls).toHaveLength(1);
  });

  it('waits out a short Retry-After on 429 and then lands the note', async () => {
    tools.script.push({ status: 429, headers: { 'retry-after': '1' } });
    await addPagerDutyNote(pagerduty(), PAGERDUTY_TOKEN, 'PABC123', 'note', policy);
    expect(tools.calls).toHaveLength(2);
  });

  it('gives up on a 429 whose Retry-After is longer than the budget, without waiting', async () => {
    tools.script.push({ status: 429, headers: { 'retry-after': '120' } });
    const error = await failure(addPagerDutyNote(pagerduty(), PAGERDUTY_TOKEN, 'PABC123', 'note', policy));
    expect(error.reason).toBe('rate_limited');
    expect(error.message).toContain('retry after 120 s');
    expect(tools.calls).toHaveLength(1);
  });

  it('tries a 5xx once more and reports server_error when it persists', async () => {
    tools.script.push({ status: 503 }, { status: 502 });
    const error = await failure(addPagerDutyNote(pagerduty(), PAGERDUTY_TOKEN, 'PABC123', 'note', policy));
    expect(error.reason).toBe('server_error');
    expect(tools.calls).toHaveLength(2);
  });

  it('treats a server that never answers as a timeout, and a second attempt that answers as success', async () => {
    tools.script.push({ hang: true });
    await addPagerDutyNote(pagerduty(), PAGERDUTY_TOKEN, 'PABC123', 'note', policy);
    expect(tools.calls).toHaveLength(2);
    tools.script.push({ hang: true }, { hang: true });
    const error = await failure(addPagerDutyNote(pagerduty(), PAGERDUTY_TOKEN, 'PABC123', 'note', policy));
    expect(error.reason).toBe('timeout');
  });

  it('does not retry a rejected request (400)', async () => {
    tools.script.push({ status: 400 });
    const error = await failure(addPagerDutyNote(pagerduty(), PAGERDUTY_TOKEN, 'PABC123', 'note', policy));
    expect(error.reason).toBe('rejected');
    expect(tools.calls).toHaveLength(1);
  });
});

describe('Opsgenie alert notes', () => {
  it('posts to /v2/alerts/{id}/notes?identifierType=id with GenieKey auth and keeps the request id', async () => {
    const result = await addOpsgenieNote(opsgenie(), OPSGENIE_KEY, '70413a06-38d6-4c85-92b8-5ebc900d42e2', 'Root cause: pricing deployment', policy);
    expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const [call] = tools.calls;
    expect(call!.path).toBe('/v2/alerts/70413a06-38d6-4c85-92b8-5ebc900d42e2/notes');
    expect(call!.query).toEqual({ identifierType: 'id' });
    expect(call!.headers.authorization).toBe(`GenieKey ${OPSGENIE_KEY}`);
    expect(call!.body).toEqual({ user: 'Causeway', source: 'Causeway', note: 'Root cause: pricing deployment' });
  });

  it('reports a wrong key as unauthorized', async () => {
    const error = await failure(addOpsgenieNote(opsgenie(), 'nope', 'a1', 'note', policy));
    expect(error.reason).toBe('unauthorized');
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates, and ignores garbage', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });
});
