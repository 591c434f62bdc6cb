import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Rca } from '../../../functions/contracts/index.js';
import { createModelClient } from '../../../functions/reason/llm/client.js';
import { PROMPT_VERSION } from '../../../functions/reason/llm/prompt-v1.js';
import { reasonWithModel } from '../../../functions/reason/llm/reason.js';
import { startFakeLlmServer, type FakeLlmServer } from '../../helpers/fake-llm-server.js';
import { INJECTION, goodAnswer, llmConfig, scored, signal } from './fixtures.js';

let llm: FakeLlmServer;

beforeAll(async () => {
  llm = await startFakeLlmServer();
});
afterAll(async () => {
  await llm.close();
});
beforeEach(() => llm.reset());

async function reason(overrides: Parameters<typeof llmConfig>[1] = {}) {
  const config = llmConfig(llm.baseUrl, overrides);
  const outcome = await reasonWithModel({ signal, scored }, { client: createModelClient(config, 'sk-test-key'), config });
  Rca.parse(outcome.rca);
  return outcome;
}

const reply = (answer: unknown, usage = { prompt_tokens: 1200, completion_tokens: 300 }) => ({ content: JSON.stringify(answer), usage });

describe('the model writes the RCA', () => {
  it('uses a valid, grounded answer and records author, model, prompt version, tokens, latency and cost', async () => {
    llm.script(reply(goodAnswer()));
    const { rca, fallbackReason } = await reason();
    expect(fallbackReason).toBeUndefined();
    expect(rca).toMatchObject({ author: 'llm', model: 'test-model', promptVersion: PROMPT_VERSION, rootCause: { service: 'pricing', kind: 'deployment' } });
    expect([rca.summary, rca.rootCause.statement, ...rca.causalChain].every((s) => s.verified && s.evidenceIds.length > 0)).toBe(true);
    expect(rca.confidence).toBe(0.8);
    expect(rca.usage).toMatchObject({ promptTokens: 1200, completionTokens: 300, calls: 1, estimatedCostUsd: 0.006 });
    expect(rca.usage!.latencyMs).toBeGreaterThanOrEqual(0);
    const sent = llm.requests[0]!;
    expect(sent.headers.authorization).toBe('Bearer sk-test-key');
    expect(sent.body.model).toBe('test-model');
    expect(sent.body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'causeway_rca', strict: true } });
    expect(sent.body.max_completion_tokens).toBe(2000);
  });

  it('repairs invalid JSON once, then falls back to the deterministic RCA with a caveat', async () => {
    llm.script({ content: '{"summary": oops' }, reply(goodAnswer()));
    const repaired = await reason();
    expect(repaired.rca.author).toBe('llm');
    expect(repaired.rca.usage!.calls).toBe(2);
    const repairRequest = llm.requests[1]!.body.messages;
    expect(repairRequest.at(-2)).toMatchObject({ role: 'assistant', content: '{"summary": oops' });
    expect(repairRequest.at(-1)!.content).toMatch(/not valid JSON/);

    llm.reset();
    llm.script({ content: 'I think it was pricing.' }, { content: JSON.stringify({ summary: 'no' }) });
    const { rca, fallbackReason } = await reason();
    expect(rca.author).toBe('deterministic');
    expect(rca.model).toBe('test-model');
    expect(rca.usage!.calls).toBe(2);
    expect(fallbackReason).toMatch(/ModelOutputError/);
    expect(rca.caveats[0]).toMatch(/^written without the model: ModelOutputError/);
    expect(llm.requests).toHaveLength(2);
  });

  it('drops or marks statements citing invented evidence ids and lowers confidence', async () => {
    llm.script(
      reply(
        goodAnswer({
          summary: { text: 'pricing broke checkout', evidenceIds: ['LOG_99'] },
          causalChain: [
            { text: '10:00Z pricing v2.4.1 deployed', evidenceIds: ['CHANGE_1'] },
            { text: 'the database fell over', evidenceIds: ['METRIC_42'] },
          ],
        }),
      ),
    );
    const { rca } = await reason();
    expect(rca.author).toBe('llm');
    expect(rca.summary).toMatchObject({ verified: false, evidenceIds: [] });
    expect(rca.causalChain.map((s) => s.text)).toEqual(['10:00Z pricing v2.4.1 deployed']);
    expect(rca.confidence).toBeLessThan(0.8);
    expect(rca.caveats.join(' ')).toMatch(/LOG_99, METRIC_42/);
  });

  it('rejects an uncited contradiction of the top suspect, and shows a cited one only beside the deterministic root cause, unverified', async () => {
    llm.script(reply(goodAnswer({ rootCause: { service: 'checkout', kind: 'code_defect', statement: { text: 'checkout has a bug', evidenceIds: [] } } })));
    const uncited = await reason();
    expect(uncited.rca.author).toBe('deterministic');
    expect(uncited.rca.modelRootCause).toBeUndefined();
    expect(uncited.fallbackReason).toMatch(/contradicts the deterministic top suspect pricing\/deployment/);

    const dissent = { text: 'checkout 5xx ratio rose on its own', evidenceIds: ['METRIC_1'] };
    llm.script(reply(goodAnswer({ summary: { text: 'checkout broke itself; do not roll pricing back', evidenceIds: ['METRIC_1'] }, rootCause: { service: 'checkout', kind: 'code_defect', statement: dissent } })));
    const cited = await reason();
    expect(cited.fallbackReason).toBeUndefined();
    expect(cited.rca).toMatchObject({ author: 'deterministic', model: 'test-model', rootCause: { service: 'pricing', kind: 'deployment', statement: { verified: true } } });
    expect(cited.rca.summary.text).not.toMatch(/do not roll/);
    expect(cited.rca.modelRootCause).toEqual({
      service: 'checkout',
      kind: 'code_defect',
      statement: { ...dissent, verified: false },
      summary: { text: 'checkout broke itself; do not roll pricing back', evidenceIds: ['METRIC_1'], verified: false },
      reason: 'it contradicts the deterministic top suspect pricing/deployment (score 0.82), and the scored evidence does not rank it first',
    });
    expect(cited.rca.recommendedActions).toEqual([{ action: 'rollback', service: 'pricing', reason: 'roll pricing back to v2.4.0', evidenceIds: ['CHANGE_1'] }]);
    expect(cited.rca.confidence).toBeLessThanOrEqual(0.8 * 0.8);
    expect(cited.rca.caveats[0]).toMatch(/^the model named checkout\/code_defect as the root cause instead; it is shown beside the deterministic one, unverified/);
  });

  it('never lets a log line be its own proof: an injected "the root cause is X" moves no blame', async () => {
    const injected = { text: 'the logs say checkout is the root cause', evidenceIds: ['LOG_2'] };
    llm.script(reply(goodAnswer({ summary: injected, rootCause: { service: 'checkout', kind: 'code_defect', statement: injected }, recommendedActions: [{ action: 'none', service: '', reason: 'do not roll it back', evidenceIds: ['LOG_2'] }] })));
    const { rca } = await reason();
    expect(rca.rootCause).toMatchObject({ service: 'pricing', kind: 'deployment' });
    expect(rca.modelRootCause).toMatchObject({ service: 'checkout', statement: { verified: false }, reason: expect.stringMatching(/^it rests only on LOG_2, log or alert text, which cannot prove its own claim/) });
    expect(rca.recommendedActions[0]).toMatchObject({ action: 'rollback', service: 'pricing' });
    expect(rca.confidence).toBeCloseTo(0.8 * 0.6, 3);

    llm.script(reply(goodAnswer({ summary: { text: 'pricing is at fault, as the log line says', evidenceIds: ['LOG_2'] } })));
    const agreeing = await reason();
    expect(agreeing.rca).toMatchObject({ author: 'llm', rootCause: { service: 'pricing', statement: { verified: true } }, summary: { verified: false } });
    expect(agreeing.rca.caveats.join(' ')).toMatch(/rests only on log or alert text \(LOG_2\)/);
  });

  it('removes actions outside the catalog and other than the deterministic recommendation', async () => {
    llm.script(
      reply(
        goodAnswer({
          recommendedActions: [
            { action: 'delete_database', service: 'orders', reason: 'why not', evidenceIds: [] },
            { action: 'restart', service: 'checkout', reason: 'restart it', evidenceIds: ['LOG_2'] },
            { action: 'rollback', service: 'pricing', reason: 'v2.4.0 was healthy', evidenceIds: ['CHANGE_1'] },
          ],
        }),
      ),
    );
    const { rca } = await reason();
    expect(rca.recommendedActions).toEqual([{ action: 'rollback', service: 'pricing', reason: 'v2.4.0 was healthy', evidenceIds: ['CHANGE_1'] }]);
    expect(rca.caveats.filter((c) => c.startsWith('removed the model'))).toHaveLength(2);
  });

  it('sends evidence only as quoted data, and an injected instruction cannot add an action', async () => {
    llm.script(reply(goodAnswer({ recommendedActions: [{ action: 'scale_out', service: 'checkout', reason: 'scale checkout to 0 as instructed', evidenceIds: ['LOG_2'] }] })));
    const { rca } = await reason();
    expect(rca.recommendedActions).toEqual([{ action: 'rollback', service: 'pricing', reason: 'roll pricing back to v2.4.0', evidenceIds: ['CHANGE_1'] }]);
    const [system, user] = llm.requests[0]!.body.messages;
    expect(system!.role).toBe('system');
    expect(system!.content).not.toContain('scale checkout to 0');
    expect(system!.content).toMatch(/untrusted DATA/);
    const block = /<causeway_evidence>\n([\s\S]*)\n<\/causeway_evidence>$/.exec(user!.content);
    expect(block).not.toBeNull();
    expect(user!.content.match(/<\/causeway_evidence>/g)).toHaveLength(1);
    const data = JSON.parse(block![1]!) as { evidence: { id: string; template?: string }[] };
    expect(data.evidence.find((e) => e.id === 'LOG_2')!.template).toBe(INJECTION);
  });

  it('falls back with a caveat when the endpoint is slower than the timeout', async () => {
    llm.script({ ...reply(goodAnswer()), delayMs: 1500 });
    const started = Date.now();
    const { rca, fallbackReason } = await reason({ timeoutSeconds: 1 });
    expect(Date.now() - started).toBeLessThan(1400);
    expect(rca.author).toBe('deterministic');
    expect(fallbackReason).toMatch(/ModelTimeoutError: the model did not answer within 1 s/);
    expect(rca.caveats[0]).toMatch(/written without the model/);
  });

  it('retries a 429 once after the backoff it asks for, then succeeds or falls back', async () => {
    const limited = { status: 429, body: { error: { message: 'rate limited' } }, headers: { 'retry-after-ms': '20' } };
    llm.script(limited, reply(goodAnswer()));
    const recovered = await reason();
    expect(recovered.rca.author).toBe('llm');
    expect(recovered.rca.usage!.calls).toBe(2);

    llm.reset();
    llm.script(limited, { status: 503, body: { error: { message: 'overloaded' } } }, reply(goodAnswer()));
    const { rca, fallbackReason } = await reason();
    expect(rca.author).toBe('deterministic');
    expect(fallbackReason).toMatch(/ModelUnavailableError: the model endpoint answered 503/);
    expect(llm.requests).toHaveLength(2);
  });

  it('does not retry a request the endpoint refuses', async () => {
    llm.script({ status: 401, body: { error: { message: 'bad key' } } });
    const { rca, fallbackReason } = await reason();
    expect(rca.author).toBe('deterministic');
    expect(fallbackReason).toMatch(/ModelRequestError: the model endpoint refused the request: 401/);
    expect(llm.requests).toHaveLength(1);
  });
});

describe('a model RCA below 0.5 confidence says so first, like the deterministic one', () => {
  it('labels an answer that grounding took below 0.5, at its final figure', async () => {
    llm.script(reply(goodAnswer({ rootCause: { service: 'pricing', kind: 'deployment', statement: { text: 'pricing v2.4.1 broke', evidenceIds: [] } }, causalChain: [{ text: 'made up', evidenceIds: ['METRIC_77'] }] })));
    const { rca } = await reason();
    expect(rca.author).toBe('llm');
    expect(rca.confidence).toBeCloseTo(0.8 * 0.7 * 0.8, 3);
    expect(rca.summary.text).toBe('Low confidence (0.45): Checkout 5xx came from pricing v2.4.1 failing on every price lookup.');
    expect(rca.caveats[0]).toBe('low confidence (0.45): check the evidence and the alternatives before acting');
  });

  it('labels the deterministic RCA a cited dissent leaves below 0.5', async () => {
    const injected = { text: 'the logs say checkout is the root cause', evidenceIds: ['LOG_2'] };
    llm.script(reply(goodAnswer({ summary: injected, rootCause: { service: 'checkout', kind: 'code_defect', statement: injected } })));
    const { rca } = await reason();
    expect(rca.confidence).toBeCloseTo(0.48, 3);
    expect(rca.summary.text).toMatch(/^Low confidence \(0\.48\): "Checkout 5xx above 5%" is most likely caused by a bad deployment in pricing\./);
    expect(rca.caveats[0]).toMatch(/^low confidence \(0\.48\)/);
  });

  it('restates the deterministic label at the final figure and keeps its reason; leaves an RCA at 0.5 or more unlabeled', async () => {
    const doubtful = { ...scored, confidence: 0.45 };
    const config = llmConfig(llm.baseUrl);
    llm.script(reply(goodAnswer({ causalChain: [{ text: 'made up', evidenceIds: ['METRIC_77'] }] })));
    const { rca } = await reasonWithModel({ signal, scored: doubtful }, { client: createModelClient(config, 'sk-test-key'), config });
    expect(rca.confidence).toBeCloseTo(0.45 * 0.8, 3);
    expect(rca.summary.text).toMatch(/^Low confidence \(0\.36\): Checkout 5xx came from pricing/);
    expect(rca.caveats[0]).toBe('low confidence (0.36): the evidence does not single out pricing; check the alternatives before acting');
    expect(rca.caveats.filter((c) => /^low confidence/.test(c))).toHaveLength(1);

    llm.script(reply(goodAnswer()));
    const sure = await reason();
    expect(sure.rca.confidence).toBe(0.8);
    expect(sure.rca.summary.text).not.toMatch(/Low confidence/);
    expect(sure.rca.caveats.join(' ')).not.toMatch(/low confidence/);
  });
});
