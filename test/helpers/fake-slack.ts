import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackCall {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export interface SlackAnswer {
  status?: number;
  headers?: Record<string, string>;
  /** A JSON value, or a raw string sent as is. */
  body: unknown;
}

export interface FakeSlack {
  /** The server's root: `${url}/api/` is a Web API base URL, `${url}/hook` a webhook, `${url}/respond` a response_url. */
  url: string;
  calls: SlackCall[];
  /** How the next calls are answered; by default Slack's success for the Web API and 200 `ok` for hooks. */
  answer: (call: SlackCall) => SlackAnswer;
  close: () => Promise<void>;
}

/** Slack's success answer for chat.postMessage and chat.update. */
export function slackOk(call: SlackCall): SlackAnswer {
  if (!call.path.startsWith('/api/')) return { body: 'ok' };
  return { body: { ok: true, channel: call.body.channel ?? 'C0TEST', ts: call.body.ts ?? '1700000000.000100' } };
}

/** A loopback stand-in for Slack: records every call and answers as the test says, so no test reaches slack.com. */
export async function startFakeSlack(): Promise<FakeSlack> {
  const fake = { calls: [] as SlackCall[], answer: slackOk } as FakeSlack;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const call: SlackCall = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
      fake.calls.push(call);
      const answer = fake.answer(call);
      const raw = typeof answer.body === 'string';
      res.writeHead(answer.status ?? 200, { 'content-type': raw ? 'text/plain' : 'application/json; charset=utf-8', ...answer.headers });
      res.end(raw ? (answer.body as string) : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
