import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { TenantConfig } from '../contracts/index.js';
import { approvalPath, linkQuery, parseLink, verifyLink } from '../shared/approval-links.js';
import { safeEqual } from '../shared/compare.js';
import type { PlatformKeys } from '../shared/platform-keys.js';
import type { TenantSecretReader } from '../shared/secrets.js';
import { principal } from './approvers.js';
import type { ApprovalLedger } from './ledger.js';
import { authorizationUrl, discover, exchangeCode, IdentityVerificationError, verifyIdToken, type Discovery } from './oidc.js';
import { messagePage } from './pages.js';
import { auditRefusal } from './refusals.js';
import type { SignInStore } from './store.js';
import { isLoopback, mintSession, sessionCookie } from '../shared/explorer-session.js';
import { cookie, sealSession, SESSION_COOKIE, SESSION_SECONDS, SIGNIN_COOKIE, SIGNIN_SECONDS } from './session.js';

/** A browser answer: a page, or a redirect, with the cookies to set. */
export interface WebResponse {
  status: number;
  html?: string;
  location?: string;
  cookies?: string[];
}

export interface SignInDeps {
  signIns: SignInStore;
  keys: PlatformKeys;
  ledger: ApprovalLedger;
  publicBaseUrl: string;
  now: () => Date;
  loadTenant: (tenantId: string) => Promise<TenantConfig | undefined>;
  readSecret: TenantSecretReader;
}

const ClientSecret = z.object({ clientSecret: z.string().min(1) });
/** A sign-in in flight: for an approval (back to its link) or for the explorer (back to `next`, with an explorer session). */
const Transaction = z.object({
  approvalId: z.string().optional(),
  returnQuery: z.string().optional(),
  next: z.string().optional(),
  codeVerifier: z.string(),
  nonce: z.string(),
  bindingHash: z.string(),
  issuer: z.string(),
  expiresAt: z.number(),
});

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');
const random = () => randomBytes(32).toString('base64url');
const page = (status: number, title: string, text: string): WebResponse => ({ status, html: messagePage(title, text) });

/** The redirect URI to register with the provider: one per tenant. */
export function callbackPath(tenantId: string): string {
  return `/v1/tenants/${encodeURIComponent(tenantId)}/identity/callback`;
}

const secure = (deps: SignInDeps) => new URL(deps.publicBaseUrl).protocol === 'https:';

/**
 * Sends the browser to the tenant's provider. The `state`, `nonce` and PKCE verifier are
 * random per sign-in and kept server-side (tenant-scoped, ten minutes, single use); a random
 * value in an HttpOnly cookie binds the sign-in to this browser, so a sign-in started
 * elsewhere cannot land here.
 */
async function begin(tenantId: string, target: { approvalId: string; returnQuery: string } | { next: string }, deps: SignInDeps): Promise<WebResponse> {
  const tenant = await deps.loadTenant(tenantId);
  if (!tenant?.identity) return page(404, 'No identity provider', 'This tenant has no identity provider configured: approvals are decided with the Slack buttons, and the explorer takes the API token. Nothing was changed.');
  let discovery: Discovery;
  try {
    discovery = await discover(tenant.identity.issuer);
  } catch (error) {
    if (!(error instanceof IdentityVerificationError)) throw error;
    return page(502, 'Sign-in unavailable', `The tenant's identity provider cannot be used right now: ${error.message}. Nothing was changed.`);
  }
  const state = random();
  const nonce = random();
  const codeVerifier = random();
  const binding = random();
  await deps.signIns.put(tenantId, sha256(state), {
    ...target,
    codeVerifier,
    nonce,
    bindingHash: sha256(binding),
    issuer: tenant.identity.issuer,
    expiresAt: Math.floor(deps.now().getTime() / 1000) + SIGNIN_SECONDS,
  });
  const redirectUri = new URL(callbackPath(tenantId), deps.publicBaseUrl).toString();
  return {
    status: 302,
    location: authorizationUrl(discovery, tenant.identity, { redirectUri, state, nonce, codeVerifier }),
    cookies: [cookie(SIGNIN_COOKIE, binding, { path: callbackPath(tenantId), maxAge: SIGNIN_SECONDS, secure: secure(deps) })],
  };
}

/** `GET /v1/tenants/{tenantId}/approvals/{approvalId}/signin?<link>`: starts a sign-in for a valid, pending approval link. */
export async function startSignIn(request: { tenantId: string; approvalId: string; query: Record<string, string | undefined> }, deps: SignInDeps): Promise<WebResponse> {
  const signed = parseLink(request.tenantId, request.approvalId, request.query);
  if (!signed || !verifyLink(deps.keys, signed)) return page(403, 'This link is not valid', 'The link was altered, belongs to another approval, or was never issued. Nothing was changed.');
  if (signed.link.expires <= Math.floor(deps.now().getTime() / 1000)) return page(410, 'This approval has expired', 'The investigation no longer waits for a decision. Nothing was changed.');
  return begin(request.tenantId, { approvalId: request.approvalId, returnQuery: linkQuery(signed).toString() }, deps);
}

/**
 * `GET /v1/tenants/{tenantId}/identity/signin?next=/explorer/tenants/{tenantId}/…`: starts a
 * sign-in to the explorer, which ends in an explorer session for the verified person and a
 * redirect to `next`, a page of this tenant's explorer only (any other target is replaced by
 * the tenant's list, so the route cannot be used to send people elsewhere).
 */
export async function startExplorerSignIn(request: { tenantId: string; next: string | undefined }, deps: SignInDeps): Promise<WebResponse> {
  const home = `/explorer/tenants/${encodeURIComponent(request.tenantId)}`;
  const next = request.next && (request.next === home || request.next.startsWith(`${home}/`)) && !request.next.includes('//') ? request.next : `${home}/investigations`;
  return begin(request.tenantId, { next }, deps);
}

/** Takes the sign-in `state` names, once: a replayed or invented state finds nothing. */
async function consume(deps: SignInDeps, tenantId: string, state: string): Promise<z.infer<typeof Transaction> | undefined> {
  const parsed = Transaction.safeParse(await deps.signIns.take(tenantId, sha256(state)));
  return parsed.success ? parsed.data : undefined;
}

/**
 * `GET /v1/tenants/{tenantId}/identity/callback`: the provider's redirect back. The `state`
 * must name a sign-in this tenant started, not yet used or expired, from this browser; the
 * code is exchanged with its PKCE verifier; the ID token is verified (keys, issuer, audience,
 * expiry, nonce). Only then is a session set, and the browser sent back to the approval page.
 * Every refusal after the state is known is written to the approval's trail.
 */
export async function finishSignIn(request: { tenantId: string; query: Record<string, string | undefined>; cookies: Record<string, string> }, deps: SignInDeps): Promise<WebResponse> {
  const clearBinding = cookie(SIGNIN_COOKIE, '', { path: callbackPath(request.tenantId), maxAge: 0, secure: secure(deps) });
  const { state, code, error } = request.query;
  if (!state || state.length > 200) return page(400, 'Sign-in incomplete', 'The identity provider sent no sign-in state back. Open the approval link again.');
  const tx = await consume(deps, request.tenantId, state);
  const nowMs = deps.now().getTime();
  if (!tx) return { ...page(401, 'Sign-in refused', 'This sign-in is unknown to this tenant or was already used. Open the approval link again. Nothing was changed.'), cookies: [clearBinding] };
  const refuse = async (reason: string, text: string): Promise<WebResponse> => {
    if (tx.approvalId) await auditRefusal(deps.ledger, request.tenantId, tx.approvalId, 'sign_in_refused', { check: reason });
    return { ...page(401, 'Sign-in refused', `${text} Nothing was changed.`), cookies: [clearBinding] };
  };
  if (tx.expiresAt * 1000 <= nowMs) return refuse('state_expired', 'The sign-in took longer than ten minutes.');
  if (!safeEqual(sha256(request.cookies[SIGNIN_COOKIE] ?? ''), tx.bindingHash)) return refuse('state_mismatch', 'The sign-in was started in another browser.');
  if (error) return refuse('provider_error', `The identity provider refused the sign-in (${error.slice(0, 60)}).`);
  if (!code) return refuse('no_code', 'The identity provider sent no authorization code.');
  const tenant = await deps.loadTenant(request.tenantId);
  const config = tenant?.identity;
  if (!config || config.issuer !== tx.issuer) return refuse('provider_changed', "The tenant's identity provider changed during the sign-in.");
  try {
    const discovery = await discover(config.issuer);
    const secret = config.clientSecretRef ? ClientSecret.safeParse(await deps.readSecret(request.tenantId, config.clientSecretRef)) : undefined;
    if (secret && !secret.success) throw new IdentityVerificationError('provider_misconfigured', `secret ${config.clientSecretRef} holds no clientSecret`);
    const redirectUri = new URL(callbackPath(request.tenantId), deps.publicBaseUrl).toString();
    const idToken = await exchangeCode(discovery, config, secret?.data.clientSecret, { code, redirectUri, codeVerifier: tx.codeVerifier });
    const { identity, expiresAt } = await verifyIdToken(idToken, config, { jwksUri: discovery.jwks_uri, nonce: tx.nonce, now: deps.now() });
    if (!tx.approvalId) {
      const name = identity.name ?? identity.email;
      const who = { issuer: identity.issuer, subject: identity.subject, ...(name ? { name } : {}) };
      const explorer = mintSession(deps.keys.explorerSessionKey, request.tenantId, who, deps.now());
      const loopback = isLoopback(new URL(deps.publicBaseUrl).hostname);
      return { status: 303, location: new URL(tx.next ?? '/explorer', deps.publicBaseUrl).toString(), cookies: [clearBinding, sessionCookie(explorer.value, loopback)] };
    }
    const exp = Math.min(Math.floor(nowMs / 1000) + SESSION_SECONDS, expiresAt);
    const { value } = sealSession(deps.keys, request.tenantId, identity, exp);
    const item = await deps.ledger.load(request.tenantId, tx.approvalId);
    if (item) await deps.ledger.audit(request.tenantId, item.investigationId, { type: 'approval.signed_in', actor: principal(identity), detail: { approvalId: tx.approvalId, issuer: identity.issuer, subject: identity.subject, ...(identity.email ? { email: identity.email } : {}) } });
    return {
      status: 303,
      location: new URL(`${approvalPath(request.tenantId, tx.approvalId)}?${tx.returnQuery ?? ''}`, deps.publicBaseUrl).toString(),
      cookies: [clearBinding, cookie(SESSION_COOKIE, value, { path: approvalPath(request.tenantId, '').replace(/\/$/, ''), maxAge: exp - Math.floor(nowMs / 1000), secure: secure(deps) })],
    };
  } catch (failure) {
    if (!(failure instanceof IdentityVerificationError)) throw failure;
    return refuse(failure.reason, failure.message);
  }
}
