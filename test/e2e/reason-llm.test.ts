import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureScenarioTenant, runScenario } from '../../cli/scenario-run.js';
import { readRecord } from '../../functions/shared/records.js';
import { PROMPT_VERSION } from '../../functions/reason/llm/prompt-v1.js';
import { startLocalStack, type LocalStack } from '../../local/stack.js';
import { putTenant } from '../../local/tenants.js';
import { startFakeLlmServer, type FakeLlmServer, type FakeReply, type RecordedRequest } from '../helpers/fake-llm-server.js';

const SCENARIO = fileURLToPath(new URL('../../scenarios/shop-storefront-checkout-5xx.json', import.meta.url));
const TOKEN = 'questions-token-0123456789';

let stack: LocalStack;
let llm: FakeLlmServer;

interface QuotedData {
  deterministic: { suspects: { service: string; kind: string; evidenceIds: string[] }[]; recommendedAction: { kind: string; service?: string } };
  evidence: { id: string }[];
}

/** Reads the quoted data block the way a model would see it. */
function quoted(request: RecordedRequest): QuotedData {
  const user = request.body.messages.find((m) => m.role === 'user')!.content;
  return JSON.parse(/<causeway_evidence>\n([\s\S]*?)\n<\/causeway_evidence>/.exec(user)![1]!) as QuotedData;
}

/** What the fake model does: agree with the deterministic top suspect, or blame the runner-up and propose its own action. */
let stance: 'agree' | 'dissent' = 'agree';

/** What the dissenting model proposed, read back by the test so it can show policy did not follow it. */
let proposed: { service: string; action: string } | undefined;

function modelReply(request: RecordedRequest): FakeReply {
  const data = quoted(request);
  if (request.body.response_format?.json_schema?.name === 'causeway_answer') {
    return { content: JSON.stringify({ answer: 'The first evidence item shows it.', evidenceIds: [data.evidence[0]!.id, 'LOG_999'] }) };
  }
  const top = data.deterministic.suspects[0]!;
  const action = data.deterministic.recommendedAction;
  if (stance === 'dissent') {
    const other = data.deterministic.suspects.find((s) => s.service !== top.service)!;
    proposed = { service: other.service, action: action.kind === 'restart' ? 'scale_out' : 'restart' };
    const statement = { text: `${other.service} is the root cause; ${top.service} is only a victim, do not roll it back.`, evidenceIds: other.evidenceIds };
    return {
      content: JSON.stringify({
        summary: statement,
        rootCause: { service: other.service, kind: other.kind, statement },
        causalChain: [statement],
        recommendedActions: [{ action: proposed.action, service: other.service, reason: `${proposed.action} ${other.service}`, evidenceIds: other.evidenceIds }],
        confidence: 0.95,
      }),
    };
  }
  const statement = { text: `${top.service} changed and then failed.`, evidenceIds: top.evidenceIds };
  return {
    content: JSON.stringify({
      summary: statement,
      rootCause: { service: top.service, kind: top.kind, statement },
      causalChain: [statement],
      recommendedActions: [{ action: action.kind, service: action.service ?? '', reason: 'as scored', evidenceIds: top.evidenceIds }],
      confidence: 0.7,
    }),
  };
}

beforeAll(async () => {
  llm = await startFakeLlmServer();
  llm.fallback = modelReply;
  stack = await startLocalStack({ retryIntervalMs: 5 });
  const tenant = await ensureScenarioTenant(stack, 'demo');
  stack.secrets.put('causeway/tenants/demo/llm', JSON.stringify({ apiKey: 'sk-local-test' }));
  stack.secrets.put('causeway/tenants/demo/webhooks', JSON.stringify({ api: { token: TOKEN } }));
  await putTenant(stack, { ...tenant, webhookSecretRef: 'causeway/tenants/demo/webhooks', llm: { baseUrl: llm.baseUrl, model: 'fake-model', apiKeySecretRef: 'causeway/tenants/demo/llm', timeoutSeconds: 5, maxOutputTokens: 2000, tokenLimitField: 'max_completion_tokens', inputCostPerMTok: 1, outputCostPerMTok: 4 } });
});

afterAll(async () => {
  await stack?.stop();
  await llm?.close();
});

const ask = (tenantId: string, investigationId: string, token: string, body: unknown) =>
  fetch(`${stack.apiUrl}/v1/tenants/${tenantId}/investigations/${investigationId}/questions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });

describe('a tenant with a model, through the local state machine', () => {
  let investigationId: string;

  it('records an RCA written by a model that agrees, with its usage', async () => {
    stance = 'agree';
    const run = await runScenario(stack, SCENARIO);
    investigationId = run.record.investigationId;
    const { rca } = run.record;
    expect(rca).toMatchObject({ author: 'llm', model: 'fake-model', promptVersion: PROMPT_VERSION, rootCause: { service: 'pricing', kind: 'deployment' } });
    expect(rca!.modelRootCause).toBeUndefined();
    expect(rca!.usage).toMatchObject({ promptTokens: 1000, completionTokens: 200, calls: 1, estimatedCostUsd: 0.0018 });
    expect(llm.requests[0]!.headers.authorization).toBe('Bearer sk-local-test');
  });

  it('a model that blames another service and proposes another action moves neither the root cause nor the policy, and is shown beside, unverified', async () => {
    stance = 'dissent';
    proposed = undefined;
    const run = await runScenario(stack, SCENARIO);
    const { rca, scored, policy } = run.record;
    const recommended = scored!.recommendedAction;
    expect(proposed).toBeDefined();
    expect(recommended).toMatchObject({ kind: 'rollback', service: 'pricing' });
    expect([proposed!.action, proposed!.service]).not.toEqual([recommended.kind, recommended.service]);
    expect(proposed!.service).not.toBe(scored!.suspects[0]!.service);

    expect(policy?.action).toMatchObject({ kind: recommended.kind, service: recommended.service });
    expect(rca).toMatchObject({ author: 'deterministic', model: 'fake-model', rootCause: { service: 'pricing', kind: 'deployment' } });
    expect(rca!.recommendedActions).toEqual([expect.objectContaining({ action: recommended.kind, service: recommended.service })]);
    expect(rca!.modelRootCause).toMatchObject({ service: proposed!.service, statement: { verified: false }, summary: { verified: false } });
    expect(rca!.summary.text).not.toMatch(/do not roll it back/);

    const blocks = (run.approvalMessage?.body as { blocks?: { text?: { text?: string } }[] } | undefined)?.blocks ?? [];
    const slack = blocks.map((b) => b.text?.text ?? '').join('\n');
    expect(slack).toContain(rca!.rootCause.statement.text);
    expect(slack).toContain(`The model suggests instead (unverified):* ${proposed!.service}`);
    expect(run.approvalMessage?.body.text).toContain(`approve ${recommended.kind} of ${recommended.service}?`);
  });

  it('answers a follow-up question from the persisted evidence and appends it to the record', async () => {
    const response = await ask('demo', investigationId, TOKEN, { question: 'What changed right before the errors?' });
    expect(response.status).toBe(200);
    const { question } = (await response.json()) as { question: { author: string; evidenceIds: string[]; verified: boolean; caveats: string[] } };
    expect(question).toMatchObject({ author: 'llm', verified: true });
    expect(question.evidenceIds).toHaveLength(1);
    expect(question.caveats.join(' ')).toMatch(/LOG_999/);
    const record = await readRecord(stack.tableName, 'demo', investigationId, stack.db);
    expect(record!.questions).toHaveLength(1);
    expect(record!.questions![0]).toMatchObject({ question: 'What changed right before the errors?', author: 'llm', model: 'fake-model', promptVersion: PROMPT_VERSION });
  });

  it('refuses a wrong token and an unknown tenant alike, and rejects a bad body', async () => {
    for (const [tenant, token] of [['demo', 'wrong-token-0123456789'], ['nobody', TOKEN]] as const) {
      const response = await ask(tenant, investigationId, token, { question: 'anything?' });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: 'unauthorized' });
    }
    expect((await ask('demo', investigationId, TOKEN, { question: '' })).status).toBe(422);
    expect((await ask('demo', 'no-such-investigation', TOKEN, { question: 'why?' })).status).toBe(404);
  });
});
