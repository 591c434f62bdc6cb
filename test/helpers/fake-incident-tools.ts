import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One note request as the fake received it. */
export interface NoteCall {
  tool: 'pagerduty' | 'opsgenie';
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** A scripted answer for the next request: a status (with headers), or no answer at all (a timeout). */
export type Scripted = { status: number; headers?: Record<string, string> } | { hang: true };

export interface FakeIncidentTools {
  url: string;
  calls: NoteCall[];
  /** Answers for the next requests, consumed in order before the normal behaviour resumes. */
  script: Scripted[];
  close: () => Promise<void>;
}

export const PAGERDUTY_TOKEN = 'pd-rest-token-for-tests';
export const OPSGENIE_KEY = 'og-genie-key-for-tests';

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** PagerDuty's error envelope. */
const pagerDutyError = (message: string, code: number) => ({ error: { message, code, errors: [message] } });
/** Opsgenie's error envelope. */
const opsgenieError = (message: string) => ({ message, took: 0.001, requestId: randomUUID() });

/**
 * A loopback stand-in for PagerDuty's REST API v2 and Opsgenie's Alert API, speaking their
 * note paths, auth headers and payloads: `POST /incidents/{id}/notes` (Token auth, the
 * versioned Accept header, `From` required; 201 with the note) and
 * `POST /v2/alerts/{id}/notes?identifierType=id` (GenieKey auth; 202 with a requestId).
 */
export async function startFakeIncidentTools(): Promise<FakeIncidentTools> {
  const fake = { calls: [] as NoteCall[], script: [] as Scripted[] } as FakeIncidentTools;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const text = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown> = {};
      try {
        body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      } catch {
        return send(res, 400, pagerDutyError('Invalid JSON', 2001));
      }
      const pd = /^\/incidents\/([A-Z0-9]+)\/notes$/.exec(url.pathname);
      const og = /^\/v2\/alerts\/([^/]+)\/notes$/.exec(url.pathname);
      if (!pd && !og) return send(res, 404, { error: 'not found' });
      fake.calls.push({ tool: pd ? 'pagerduty' : 'opsgenie', path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, body });
      const scripted = fake.script.shift();
      if (scripted && 'hang' in scripted) return;
      if (scripted) return send(res, scripted.status, pd ? pagerDutyError('scripted', scripted.status) : opsgenieError('scripted'), scripted.headers);
      if (pd) {
        if (req.headers.authorization !== `Token token=${PAGERDUTY_TOKEN}`) return send(res, 401, pagerDutyError('Unauthorized', 2006));
        if (req.headers.accept !== 'application/vnd.pagerduty+json;version=2') return send(res, 406, pagerDutyError('Not Acceptable', 2001));
        if (!req.headers.from) return send(res, 400, pagerDutyError('Invalid Input Provided', 2001));
        const note = body.note as { content?: unknown } | undefined;
        if (typeof note?.content !== 'string' || note.content === '') return send(res, 400, pagerDutyError('Invalid Input Provided', 2001));
        return send(res, 201, {
          note: { id: `PN${fake.calls.length}X`, user: { id: 'PUSER01', type: 'user_reference', summary: String(req.headers.from) }, channel: { summary: 'The PagerDuty API' }, content: note.content, created_at: new Date().toISOString() },
        });
      }
      if (req.headers.authorization !== `GenieKey ${OPSGENIE_KEY}`) return send(res, 401, opsgenieError('Could not authenticate'));
      if (url.searchParams.get('identifierType') !== 'id') return send(res, 404, opsgenieError('Alert does not exist'));
      if (typeof body.note !== 'string' || body.note === '') return send(res, 422, opsgenieError('Note should not be empty'));
      return send(res, 202, { result: 'Request will be processed', took: 0.01, requestId: randomUUID() });
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
