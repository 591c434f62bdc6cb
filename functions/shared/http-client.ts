import { CausewayError, TransientError } from './errors.js';
import { requestTrustingCa } from './tls.js';

/*
 * The one HTTP path every HTTP-speaking provider uses. Its transport can be swapped for a
 * recorder or a replayer, which is how a live investigation becomes a golden run that
 * replays offline, byte for byte, through the real translators and normalizers.
 */

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** PEM CA bundle to trust instead of the system's, for a server whose certificate a private CA signed. */
  ca?: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type Transport = (request: HttpRequest, signal: AbortSignal) => Promise<HttpResponse>;

/** The backend refused our credentials (401/403): a configuration problem, not retried. */
export class BackendAuthError extends CausewayError {
  constructor(message: string) {
    super(message, 502);
  }
}

/** The backend rejected the query itself (400, 404, 422…): retrying the same query cannot help. */
export class BackendQueryError extends CausewayError {
  constructor(message: string) {
    super(message, 502);
  }
}

/** The backend answered 2xx with a body that is not what its API documents. */
export class BackendResponseError extends CausewayError {
  constructor(message: string) {
    super(message, 502);
  }
}

export const fetchTransport: Transport = async (request, signal) => {
  if (request.ca) return requestTrustingCa(request, request.ca, signal);
  const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body, signal });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  return { status: response.status, headers, body: await response.text() };
};

let transport: Transport = fetchTransport;

/** True while no recorder or replayer is installed: production traffic takes each client's own path. */
export function isDefaultTransport(): boolean {
  return transport === fetchTransport;
}

/** The transport in force now, for clients (the AWS SDK's) that send requests themselves. */
export function currentTransport(): Transport {
  return transport;
}

/** Swaps the transport for the whole process (capture and replay); returns the previous one. */
export function setTransport(next: Transport): Transport {
  const previous = transport;
  transport = next;
  return previous;
}

const SECRET_HEADER = /^(authorization|cookie|x-api-key|dd-api-key|dd-application-key|x-scope-orgid-token|.*-token|.*-secret)$/i;

/** The request as it may be written down: credentials replaced, so a recording can be committed. */
export function redactRequest(request: HttpRequest): HttpRequest {
  const headers = Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [k, SECRET_HEADER.test(k) ? '[redacted]' : v]));
  return { ...request, headers };
}

/** Strips a URL of credentials and query secrets before it goes into an error or a note. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '(invalid url)';
  }
}

/** OpenSSL's verdicts on a certificate the client does not trust: retrying cannot change them. */
const UNTRUSTED_CERTIFICATE = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** The code of a certificate verification failure, from node:https or from fetch (which wraps it as `cause`). */
function untrustedCertificate(error: unknown): string | undefined {
  const codeOf = (e: unknown) => (e && typeof e === 'object' && 'code' in e && typeof e.code === 'string' ? e.code : undefined);
  const code = codeOf(error) ?? codeOf((error as { cause?: unknown } | undefined)?.cause);
  return code && UNTRUSTED_CERTIFICATE.has(code) ? code : undefined;
}

/**
 * Sends a request and classifies the outcome the way Step Functions needs: throttling,
 * 5xx and network failures are TransientError (retried); 401/403, a server certificate we
 * do not trust, other 4xx and unreadable bodies are named errors (recorded, not retried).
 */
export async function sendRequest(request: HttpRequest, signal: AbortSignal): Promise<HttpResponse> {
  const where = `${request.method} ${describeUrl(request.url)}`;
  let response: HttpResponse;
  try {
    response = await transport(request, signal);
  } catch (error) {
    if (signal.aborted || error instanceof CausewayError) throw error;
    const untrusted = untrustedCertificate(error);
    if (untrusted) throw new BackendAuthError(`${where}: the server's TLS certificate is not trusted (${untrusted}); for a private CA, give the backend's CA certificate (Kubernetes: caData in its secret)`);
    throw new TransientError(`${where}: ${(error as Error).message}`);
  }
  if (response.status === 429 || response.status >= 500) {
    const retryAfter = response.headers['retry-after'] ? ` (retry after ${response.headers['retry-after']})` : '';
    throw new TransientError(`${where} answered ${response.status}${retryAfter}`);
  }
  if (response.status === 401 || response.status === 403) throw new BackendAuthError(`${where} answered ${response.status}: check the backend's credentials`);
  if (response.status >= 400) throw new BackendQueryError(`${where} answered ${response.status}: ${response.body.slice(0, 300)}`);
  return response;
}

/** sendRequest, then the body parsed as JSON. */
export async function requestJson(request: HttpRequest, signal: AbortSignal): Promise<unknown> {
  const response = await sendRequest({ ...request, headers: { accept: 'application/json', ...request.headers } }, signal);
  try {
    return JSON.parse(response.body) as unknown;
  } catch {
    throw new BackendResponseError(`${request.method} ${describeUrl(request.url)} answered ${response.status} with a body that is not JSON`);
  }
}

export interface RecordedExchange {
  request: HttpRequest;
  response: HttpResponse;
}

/** Wraps a transport so every exchange is appended to `sink`, credentials redacted. */
export function recordingTransport(inner: Transport, sink: RecordedExchange[]): Transport {
  return async (request, signal) => {
    const response = await inner(request, signal);
    sink.push({ request: redactRequest(request), response });
    return response;
  };
}

function exchangeKey(request: HttpRequest): string {
  return `${request.method} ${request.url}\n${request.body ?? ''}`;
}

/**
 * Serves recorded exchanges instead of the network: each request gets the next recorded
 * response for the same method, URL and body. A request that was never recorded fails
 * loudly, so a replay can never quietly reach a live backend.
 */
export function replayTransport(exchanges: RecordedExchange[]): Transport {
  const queues = new Map<string, HttpResponse[]>();
  for (const { request, response } of exchanges) {
    const key = exchangeKey(request);
    queues.set(key, [...(queues.get(key) ?? []), response]);
  }
  return async (request) => {
    const response = queues.get(exchangeKey(request))?.shift();
    if (!response) throw new BackendQueryError(`no recorded exchange for ${request.method} ${describeUrl(request.url)}`);
    return response;
  };
}
