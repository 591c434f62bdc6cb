import type { LlmConfig, ModelUsage } from '../../contracts/index.js';
import type { ChatRequest, ChatResult, ModelClient } from './client.js';
import { ModelTimeoutError, ModelUnavailableError } from './errors.js';

/** Below this much time left, a call is not worth starting: it could not finish usefully. */
const MIN_CALL_MS = 1000;
const DEFAULT_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 5000;

export interface Clock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const systemClock: Clock = { now: () => Date.now(), sleep: (ms) => new Promise((done) => setTimeout(done, ms)) };

/**
 * One deadline for every model call of a task (first call, its 429/5xx retry, the repair),
 * and the meter of what they cost. Each call's timeout is the tenant's per-call timeout
 * cut to what is left, so the task always ends with time to spare for the fallback.
 */
export class ModelSession {
  private readonly deadline: number;
  private promptTokens = 0;
  private completionTokens = 0;
  private latencyMs = 0;
  private calls = 0;

  constructor(
    private readonly client: ModelClient,
    private readonly config: Pick<LlmConfig, 'timeoutSeconds' | 'inputCostPerMTok' | 'outputCostPerMTok'>,
    budgetMs: number,
    private readonly clock: Clock = systemClock,
  ) {
    this.deadline = clock.now() + budgetMs;
  }

  get model(): string {
    return this.client.model;
  }

  /** One completion; a 429/5xx is retried once after a backoff if the deadline allows it. */
  async complete(request: Omit<ChatRequest, 'timeoutMs'>): Promise<ChatResult> {
    try {
      return await this.call(request);
    } catch (error) {
      if (!(error instanceof ModelUnavailableError)) throw error;
      const backoff = Math.min(MAX_BACKOFF_MS, error.retryAfterMs ?? DEFAULT_BACKOFF_MS);
      if (this.remaining() - backoff < MIN_CALL_MS) throw error;
      await this.clock.sleep(backoff);
      return this.call(request);
    }
  }

  /** What the calls so far cost, for the record. */
  usage(): ModelUsage {
    const { inputCostPerMTok: input, outputCostPerMTok: output } = this.config;
    const cost = input === undefined && output === undefined ? undefined : (this.promptTokens * (input ?? 0) + this.completionTokens * (output ?? 0)) / 1_000_000;
    return {
      promptTokens: this.promptTokens,
      completionTokens: this.completionTokens,
      latencyMs: this.latencyMs,
      calls: this.calls,
      ...(cost === undefined ? {} : { estimatedCostUsd: Math.round(cost * 1_000_000) / 1_000_000 }),
    };
  }

  private remaining(): number {
    return this.deadline - this.clock.now();
  }

  private async call(request: Omit<ChatRequest, 'timeoutMs'>): Promise<ChatResult> {
    const left = this.remaining();
    if (left < MIN_CALL_MS) throw new ModelTimeoutError('the time budget for the model ran out');
    const timeoutMs = Math.min(this.config.timeoutSeconds * 1000, left);
    const started = this.clock.now();
    this.calls += 1;
    try {
      const result = await this.client.complete({ ...request, timeoutMs });
      this.promptTokens += result.promptTokens;
      this.completionTokens += result.completionTokens;
      return result;
    } finally {
      this.latencyMs += this.clock.now() - started;
    }
  }
}
