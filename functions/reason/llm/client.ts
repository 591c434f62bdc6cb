import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { LlmConfig } from '../../contracts/index.js';
import { ModelRequestError, ModelTimeoutError, ModelUnavailableError } from './errors.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  messages: ChatMessage[];
  schema: { name: string; jsonSchema: Record<string, unknown> };
  timeoutMs: number;
}

export interface ChatResult {
  content: string;
  promptTokens: number;
  completionTokens: number;
}

/** The one thing the reasoning core needs from a model; tests and eval inject their own endpoint through the real client. */
export interface ModelClient {
  readonly model: string;
  complete(request: ChatRequest): Promise<ChatResult>;
}

/** Keyless servers (Ollama, a local vLLM) still need a non-empty key for the client; they ignore it. */
const NO_KEY = 'no-key-configured';

/**
 * A Chat Completions client for any OpenAI-compatible endpoint. The SDK's own retries are
 * off (`maxRetries: 0`): retries are decided by the caller against one deadline, so a slow
 * endpoint can never push the Reason Lambda past its timeout. Errors come back typed:
 * timeout, unavailable (429/5xx/connection, retryable), or a request the endpoint refused.
 */
export function createModelClient(config: Pick<LlmConfig, 'baseUrl' | 'model' | 'maxOutputTokens' | 'tokenLimitField'>, apiKey: string | undefined): ModelClient {
  const openai = new OpenAI({ apiKey: apiKey ?? NO_KEY, baseURL: config.baseUrl, timeout: 60_000, maxRetries: 0 });
  return {
    model: config.model,
    async complete(request) {
      try {
        const completion = await openai.chat.completions.create(
          {
            model: config.model,
            messages: request.messages,
            temperature: 0,
            [config.tokenLimitField]: config.maxOutputTokens,
            response_format: { type: 'json_schema', json_schema: { name: request.schema.name, schema: request.schema.jsonSchema, strict: true } },
          },
          { timeout: request.timeoutMs, maxRetries: 0 },
        );
        return {
          content: completion.choices[0]?.message.content ?? '',
          promptTokens: completion.usage?.prompt_tokens ?? 0,
          completionTokens: completion.usage?.completion_tokens ?? 0,
        };
      } catch (error) {
        throw translate(error, request.timeoutMs);
      }
    },
  };
}

/** Maps the SDK's errors to ours; the message names the status, never the key or the prompt. */
function translate(error: unknown, timeoutMs: number): Error {
  if (error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError) {
    return new ModelTimeoutError(`the model did not answer within ${Math.round(timeoutMs / 1000)} s`, { cause: error });
  }
  if (error instanceof APIConnectionError) return new ModelUnavailableError(`the model endpoint could not be reached: ${error.message}`, { cause: error });
  if (error instanceof APIError) {
    const status = error.status ?? 0;
    if (status === 429 || status >= 500) {
      return new ModelUnavailableError(`the model endpoint answered ${status}`, { cause: error, retryAfterMs: retryAfterMs(error.headers) });
    }
    return new ModelRequestError(`the model endpoint refused the request: ${status} ${error.message}`.slice(0, 300), { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}

function retryAfterMs(headers: Headers | undefined): number | undefined {
  const ms = Number(headers?.get('retry-after-ms'));
  if (Number.isFinite(ms) && ms > 0) return ms;
  const seconds = Number(headers?.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}
