import { consoleOrigin } from '../shared/aws-console.js';
import { authenticateApiToken } from '../shared/api-token.js';
import { CausewayError, MalformedRequestError, NotFoundError } from '../shared/errors.js';
import { TENANT_TOKEN_ISSUER } from '../shared/api-token.js';
import { type Session, type SessionIdentity, clearedSessionCookie, isLoopback, mintSession, sessionCookie, sessionFromCookies } from '../shared/explorer-session.js';
import { type ReadDeps, getInvestigation, listInvestigations, parseListQuery } from '../read-api/core.js';
import { EXPLORER_CSS, EXPLORER_JS, FAVICON_SVG } from './assets.js';
import { detailPage } from './detail-page.js';
import { evidencePage } from './evidence-page.js';
import { type Html, html } from './html.js';
import { EXPLORER, page, tenantBase } from './layout.js';
import { type ListFilters, WITHIN, listPage } from './list-page.js';
import { signInPage } from './sign-in-page.js';

export interface ExplorerRequest {
  method: string;
  /** The raw path, e.g. `/explorer/tenants/demo/investigations`. */
  path: string;
  query: Record<string, string | undefined>;
  /** Payload-2.0 cookies, `name=value` each. */
  cookies: readonly string[] | undefined;
  /** Lower-cased. */
  headers: Record<string, string>;
  /** The fields of a form post (sign-in); empty for anything else. */
  form: Record<string, string>;
  /** The host the browser reached (API Gateway's domain, or loopback locally). */
  domainName: string;
}

export interface ExplorerResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  cookies?: string[];
  /** Why a request was refused, for logs only. */
  logReason?: string;
}

export interface ExplorerDeps extends ReadDeps {
  sessionKey: () => Promise<Buffer>;
  redeemLoginCode: (tenantId: string, code: string) => Promise<{ next: string; by: SessionIdentity } | undefined>;
  /** The investigation state machine, for links to executions in the console. */
  stateMachineArn?: string;
  now: () => Date;
}

/**
 * Scripts, styles, connections and form posts from this origin only; nothing inline, no
 * framing, no plugins. The handler's security-header middleware sets it on every response,
 * with nosniff, no referrer, Cross-Origin-Opener-Policy and HSTS.
 */
export const EXPLORER_CSP = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self'",
  'connect-src': "'self'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
  'base-uri': "'none'",
};

function headersFor(contentType: string): Record<string, string> {
  return { 'content-type': contentType, 'cache-control': 'no-store' };
}

function htmlResponse(status: number, body: Html, extra: Partial<ExplorerResponse> = {}): ExplorerResponse {
  return { status, headers: headersFor('text/html; charset=utf-8'), body: body.value, ...extra };
}

function redirect(location: string, cookies?: string[]): ExplorerResponse {
  return { status: 303, headers: { ...headersFor('text/plain; charset=utf-8'), location }, body: '', cookies };
}

/** A page to return to after signing in: an explorer path on this origin, nothing that could leave it. */
function safeNext(next: string | undefined): string | undefined {
  return next && /^\/explorer\/[A-Za-z0-9_\-./?=&%]*$/.test(next) && !next.includes('//') && !next.includes('..') ? next : undefined;
}

/**
 * A POST must come from one of this origin's own pages: the browser's Origin header (or,
 * without it, Sec-Fetch-Site) says so. Together with SameSite=Strict this stops another
 * site from signing a browser in or out.
 */
function sameOrigin(request: ExplorerRequest): boolean {
  const origin = request.headers.origin;
  const expected = `${isLoopback(request.domainName) ? 'http' : 'https'}://${request.domainName}`;
  if (origin) return origin === expected;
  return request.headers['sec-fetch-site'] === 'same-origin';
}

function executionLink(arn: string | undefined, executionName: string): { url?: string; arn?: string } {
  const match = /^arn:(aws[a-z-]*):states:([a-z0-9-]+):(\d{12}):stateMachine:(.+)$/.exec(arn ?? '');
  if (!match) return {};
  const [, partition, region, account, name] = match;
  const executionArn = `arn:${partition}:states:${region}:${account}:execution:${name}:${executionName}`;
  if (account === '000000000000') return { arn: executionArn };
  return { arn: executionArn, url: `${consoleOrigin(region!)}/states/home?region=${region}#/v2/executions/details/${encodeURIComponent(executionArn)}` };
}

function notFound(session: Session | undefined, what: string): ExplorerResponse {
  return htmlResponse(404, page('Not found', html`<h1>Not found</h1><p>${what}</p>${session ? html`<p><a href="${tenantBase(session.tenantId)}">Back to the investigations</a></p>` : ''}`, session));
}

async function signIn(request: ExplorerRequest, deps: ExplorerDeps): Promise<ExplorerResponse> {
  const { form } = request;
  const tenantId = (form.tenant ?? '').trim();
  const next = safeNext(form.next);
  try {
    await authenticateApiToken(tenantId, form.token?.trim() || undefined, deps);
  } catch (error) {
    const reason = error instanceof Error && error.cause instanceof Error ? error.cause.message : 'refused';
    return htmlResponse(401, signInPage({ tenantId, next, error: 'That tenant and token do not match.' }), { logReason: reason });
  }
  const { value } = mintSession(await deps.sessionKey(), tenantId, { issuer: TENANT_TOKEN_ISSUER, subject: `${tenantId}/api-token`, name: 'API token' }, deps.now());
  return redirect(next ?? tenantBase(tenantId), [sessionCookie(value, isLoopback(request.domainName))]);
}

async function redeem(request: ExplorerRequest, tenantId: string, deps: ExplorerDeps): Promise<ExplorerResponse> {
  const redeemed = request.query.code ? await deps.redeemLoginCode(tenantId, request.query.code) : undefined;
  if (!redeemed) return htmlResponse(401, signInPage({ tenantId, error: 'That login link was already used or has expired. Sign in with the API token instead.' }), { logReason: 'login code unknown, used or expired' });
  const { value } = mintSession(await deps.sessionKey(), tenantId, redeemed.by, deps.now());
  return redirect(safeNext(redeemed.next) ?? tenantBase(tenantId), [sessionCookie(value, isLoopback(request.domainName))]);
}

async function listRoute(request: ExplorerRequest, session: Session, deps: ExplorerDeps): Promise<ExplorerResponse> {
  const filters: ListFilters = { service: request.query.service || undefined, status: request.query.status || undefined, within: request.query.within || undefined };
  try {
    if (filters.within && !(filters.within in WITHIN)) throw new MalformedRequestError(`within: one of ${Object.keys(WITHIN).join(', ')}`);
    const since = filters.within ? new Date(deps.now().getTime() - WITHIN[filters.within]!).toISOString() : undefined;
    const query = parseListQuery({ service: filters.service, status: filters.status, since, cursor: request.query.cursor || undefined });
    return htmlResponse(200, listPage(session, await listInvestigations(session.tenantId, query, deps), filters));
  } catch (error) {
    if (!(error instanceof MalformedRequestError)) throw error;
    return htmlResponse(400, listPage(session, { investigations: [] }, filters, error.message));
  }
}

async function investigationRoute(session: Session, investigationId: string, evidenceId: string | undefined, deps: ExplorerDeps): Promise<ExplorerResponse> {
  const { investigation, audit } = await getInvestigation(session.tenantId, investigationId, deps);
  if (evidenceId !== undefined) {
    const item = investigation.scored?.evidence.find((e) => e.id === evidenceId);
    if (!item) return notFound(session, `Investigation ${investigationId} has no evidence item ${evidenceId}.`);
    return htmlResponse(200, evidencePage(session, investigation, item));
  }
  const tenant = await deps.loadTenant(session.tenantId);
  const execution = executionLink(deps.stateMachineArn, investigation.executionName);
  return htmlResponse(200, detailPage({ session, record: investigation, audit, topology: tenant?.topology ?? {}, executionUrl: execution.url, executionArn: execution.arn }));
}

/** A path segment as sent; a malformed escape stays as it is and simply matches nothing. */
function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const TENANT_PAGE = /^\/explorer\/tenants\/([^/]+)\/(login|investigations)(?:\/([^/]+)(?:\/evidence\/([^/]+))?)?$/;

/**
 * Every explorer request: routes by path, signs in (token form, login link) and out, and
 * serves pages only to a session of the path's tenant. Anything else gets the sign-in
 * form with a 401 — the same for an unknown tenant, a wrong tenant and no session.
 */
export async function handleExplorer(request: ExplorerRequest, deps: ExplorerDeps): Promise<ExplorerResponse> {
  const { method, path } = request;
  if (method === 'GET' && path === `${EXPLORER}/assets/explorer.css`) return { status: 200, headers: { ...headersFor('text/css; charset=utf-8'), 'cache-control': 'public, max-age=300' }, body: EXPLORER_CSS };
  if (method === 'GET' && path === `${EXPLORER}/assets/explorer.js`) return { status: 200, headers: { ...headersFor('text/javascript; charset=utf-8'), 'cache-control': 'public, max-age=300' }, body: EXPLORER_JS };
  if (method === 'GET' && path === `${EXPLORER}/assets/favicon.svg`) return { status: 200, headers: { ...headersFor('image/svg+xml'), 'cache-control': 'public, max-age=86400' }, body: FAVICON_SVG };
  if (method === 'POST' && !sameOrigin(request)) return { status: 403, headers: headersFor('text/plain; charset=utf-8'), body: 'cross-origin form posts are refused', logReason: `origin ${request.headers.origin ?? '(none)'}` };
  if (method === 'POST' && path === `${EXPLORER}/sign-in`) return signIn(request, deps);
  if (method === 'POST' && path === `${EXPLORER}/sign-out`) return redirect(`${EXPLORER}/sign-in`, [clearedSessionCookie(isLoopback(request.domainName))]);
  if (method !== 'GET') return notFound(undefined, 'No such page.');

  const key = await deps.sessionKey();
  if (path === EXPLORER || path === `${EXPLORER}/`) {
    const session = sessionFromCookies(key, request.cookies, undefined, deps.now());
    return redirect(session ? tenantBase(session.tenantId) : `${EXPLORER}/sign-in`);
  }
  if (path === `${EXPLORER}/sign-in`) return htmlResponse(200, signInPage({ tenantId: request.query.tenant, next: safeNext(request.query.next) }));

  const match = TENANT_PAGE.exec(path);
  if (!match) return notFound(undefined, 'No such page.');
  const [, tenantSegment, kind, investigationSegment, evidenceSegment] = match;
  const tenantId = decode(tenantSegment!);
  if (kind === 'login') return investigationSegment === undefined ? redeem(request, tenantId, deps) : notFound(undefined, 'No such page.');

  const session = sessionFromCookies(key, request.cookies, tenantId, deps.now());
  if (!session) {
    const next = safeNext(`${path}${request.query && Object.keys(request.query).length ? `?${new URLSearchParams(request.query as Record<string, string>).toString()}` : ''}`);
    return htmlResponse(401, signInPage({ tenantId, next }), { logReason: 'no session for this tenant' });
  }
  try {
    if (investigationSegment === undefined) return await listRoute(request, session, deps);
    return await investigationRoute(session, decode(investigationSegment), evidenceSegment === undefined ? undefined : decode(evidenceSegment), deps);
  } catch (error) {
    if (error instanceof NotFoundError) return notFound(session, error.message);
    if (error instanceof CausewayError && error.status < 500) return htmlResponse(error.status, page('Error', html`<h1>Error</h1><p>${error.message}</p>`, session));
    throw error;
  }
}
