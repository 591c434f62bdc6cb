import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake endpoint does for one request. */
export interface FakeReply {
  /** HTTP status; 200 by default. */
  status?: number;
  /** The assistant message content (a 200 reply); ignored when `body` is given. */
  content?: string;
  /** A raw JSON body instead of a chat completion (error replies). */
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering (timeouts). */
  delayMs?: number;
  usage?: { prompt_tokens: number; completion_tokens: number };
}

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: {
    model: string;
    messages: { role: string; content: string }[];
    response_format?: { type: string; json_schema?: { name: string; schema: unknown; strict?: boolean } };
    [key: string]: unknown;
  };
}

export interface FakeLlmServer {
  /** The OpenAI-compatible base URL (ends in /v1). */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Replies used in order, one per request; then `fallback`, then a 500. */
  script: (...replies: FakeReply[]) => void;
  /** Computes a reply from the request when the script is empty (end-to-end runs). */
  fallback: ((request: RecordedRequest) => FakeReply) | undefined;
  reset: () => void;
  close: () => Promise<void>;
}

/**
 * A local OpenAI-compatible endpoint: `POST /v1/chat/completions` on 127.0.0.1 answering
 * from a script, recording every request, so tests run the real `openai` client over
 * real HTTP without a network or a model.
 */
export async function startFakeLlmServer(): Promise<FakeLlmServer> {
  const queue: FakeReply[] = [];
  const requests: RecordedRequest[] = [];
  const state: Pick<FakeLlmServer, 'fallback'> = { fallback: undefined };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
        response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      const recorded: RecordedRequest = { path: request.url, headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as RecordedRequest['body'] };
      requests.push(recorded);
      const reply = queue.shift() ?? state.fallback?.(recorded) ?? { status: 500, body: { error: { message: 'no scripted reply' } } };
      const send = () => {
        if (response.destroyed) return;
        const status = reply.status ?? 200;
        const body = reply.body ?? {
          id: `chatcmpl-${requests.length}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: recorded.body.model,
          choices: [{ index: 0, message: { role: 'assistant', content: reply.content ?? '' }, finish_reason: 'stop' }],
          usage: { ...(reply.usage ?? { prompt_tokens: 1000, completion_tokens: 200 }), total_tokens: 0 },
        };
        response.writeHead(status, { 'content-type': 'application/json', ...reply.headers }).end(JSON.stringify(body));
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...replies) => void queue.push(...replies),
    get fallback() {
      return state.fallback;
    },
    set fallback(fn) {
      state.fallback = fn;
    },
    reset: () => {
      queue.length = 0;
      requests.length = 0;
      state.fallback = undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
