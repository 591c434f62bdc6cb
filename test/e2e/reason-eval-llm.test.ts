import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../cli/commands.js';
import { startFakeLlmServer, type FakeLlmServer } from '../helpers/fake-llm-server.js';

const SCENARIO = fileURLToPath(new URL('../../scenarios/shop-storefront-checkout-5xx.json', import.meta.url));

let llm: FakeLlmServer;

beforeAll(async () => {
  llm = await startFakeLlmServer();
  Object.assign(process.env, { CAUSEWAY_LLM_BASE_URL: llm.baseUrl, CAUSEWAY_LLM_MODEL: 'fake-model', CAUSEWAY_LLM_API_KEY: 'sk-eval' });
});
afterAll(async () => {
  await llm.close();
});

describe('causeway eval --llm', () => {
  it("scores the model's root cause beside the deterministic one on the same run", async () => {
    llm.fallback = () => ({ content: JSON.stringify({ summary: { text: 'checkout is broken', evidenceIds: ['LOG_1'] }, rootCause: { service: 'nowhere', kind: 'code_defect', statement: { text: 'x', evidenceIds: [] } }, causalChain: [], recommendedActions: [], confidence: 1 }) });
    const lines: string[] = [];
    const { scores } = await evaluate([SCENARIO], false, (text) => lines.push(text), { llm: true });
    expect(llm.requests[0]!.headers.authorization).toBe('Bearer sk-eval');
    expect(scores[0]!.top1).toBe(true);
    expect(scores[0]!.llm).toMatchObject({ author: 'deterministic', top1: true, promptTokens: 1000, completionTokens: 200 });
    expect(lines.at(-1)).toMatch(/^model fake-model: top-1 100% vs deterministic 100%; its answer used in 0\/1/);
  });
});
