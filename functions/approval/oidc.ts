import { createHash } from 'node:crypto';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import type { IdentityProviderConfig } from '../contracts/index.js';
import { CausewayError } from '../shared/errors.js';
import { safeEqual } from '../shared/compare.js';
import { SLACK_ISSUER, type VerifiedIdentity } from './approvers.js';

/** Why a sign-in was refused; each one is a test in the identity suite and a word in the audit trail. */
export type SignInRefusal =
  | 'provider_unreachable'
  | 'provider_misconfigured'
  | 'code_rejected'
  | 'bad_signature'
  | 'wrong_issuer'
  | 'wrong_audience'
  | 'expired'
  | 'nonce_mismatch'
  | 'invalid_token'
  | 'email_domain_not_allowed';

/** A sign-in that did not yield a verified identity; `reason` says which check failed. Never carries a token. */
export class IdentityVerificationError extends CausewayError {
  readonly reason: SignInRefusal;
  constructor(reason: SignInRefusal, message: string, options?: { cause?: unknown }) {
    super(message, 401, options);
    this.name = 'IdentityVerificationError';
    this.reason = reason;
  }
}

const Discovery = z.object({
  issuer: z.string(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  jwks_uri: z.url(),
  token_endpoint_auth_methods_supported: z.array(z.string()).optional(),
  code_challenge_methods_supported: z.array(z.string()).optional(),
});
export type Discovery = z.infer<typeof Discovery>;

/** Algorithms an ID token may be signed with; `none` and HMAC (whose key would be the client secret) are not among them. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const CLOCK_TOLERANCE_SECONDS = 60;
const DISCOVERY_CACHE_MS = 10 * 60 * 1000;
/** Discovery, token and keys in one callback stay within the approval Lambda's 15 s. */
const HTTP_TIMEOUT_MS = 4000;

/** Provider endpoints must be HTTPS; plain HTTP only on loopback (the local development provider and the tests). */
export function isAllowedProviderUrl(value: string): boolean {
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname));
}

const discoveries = new Map<string, { value: Discovery; at: number }>();
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/**
 * The provider's discovery document, cached per warm Lambda. Its `issuer` must be exactly
 * the configured one (OpenID Connect Discovery §4.3), and every endpoint in it HTTPS.
 */
export async function discover(issuer: string, now = Date.now()): Promise<Discovery> {
  const hit = discoveries.get(issuer);
  if (hit && now - hit.at < DISCOVERY_CACHE_MS) return hit.value;
  if (!isAllowedProviderUrl(issuer)) throw new IdentityVerificationError('provider_misconfigured', `issuer ${issuer} is not HTTPS`);
  let response: Response;
  try {
    response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(HTTP_TIMEOUT_MS), headers: { accept: 'application/json' } });
  } catch (error) {
    throw new IdentityVerificationError('provider_unreachable', `the identity provider's discovery document could not be fetched: ${(error as Error).message}`);
  }
  if (!response.ok) throw new IdentityVerificationError('provider_unreachable', `the identity provider's discovery document answered ${response.status}`);
  const parsed = Discovery.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new IdentityVerificationError('provider_misconfigured', `the discovery document lacks ${parsed.error.issues[0]?.path.join('.')}`);
  const doc = parsed.data;
  if (doc.issuer !== issuer) throw new IdentityVerificationError('provider_misconfigured', `the discovery document names issuer ${doc.issuer}, not ${issuer}`);
  for (const url of [doc.authorization_endpoint, doc.token_endpoint, doc.jwks_uri]) {
    if (!isAllowedProviderUrl(url)) throw new IdentityVerificationError('provider_misconfigured', `endpoint ${url} is not HTTPS`);
  }
  if (doc.code_challenge_methods_supported && !doc.code_challenge_methods_supported.includes('S256')) {
    throw new IdentityVerificationError('provider_misconfigured', 'the provider does not support PKCE with S256');
  }
  discoveries.set(issuer, { value: doc, at: now });
  return doc;
}

/** The S256 PKCE challenge for a verifier (RFC 7636 §4.2). */
export function codeChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** Where the browser is sent to sign in: the authorization code flow with PKCE, `state` and `nonce`. */
export function authorizationUrl(discovery: Discovery, config: IdentityProviderConfig, request: { redirectUri: string; state: string; nonce: string; codeVerifier: string }): string {
  const url = new URL(discovery.authorization_endpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('redirect_uri', request.redirectUri);
  url.searchParams.set('scope', config.scopes.join(' '));
  url.searchParams.set('state', request.state);
  url.searchParams.set('nonce', request.nonce);
  url.searchParams.set('code_challenge', codeChallenge(request.codeVerifier));
  url.searchParams.set('code_challenge_method', 'S256');
  return url.toString();
}

/**
 * Trades the authorization code for the ID token at the token endpoint, with the PKCE
 * verifier, authenticating with the client secret as the provider prefers (Basic unless it
 * lists only `client_secret_post`, as Slack does).
 */
export async function exchangeCode(discovery: Discovery, config: IdentityProviderConfig, clientSecret: string | undefined, request: { code: string; redirectUri: string; codeVerifier: string }): Promise<string> {
  const form = new URLSearchParams({ grant_type: 'authorization_code', code: request.code, redirect_uri: request.redirectUri, code_verifier: request.codeVerifier, client_id: config.clientId });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  const methods = discovery.token_endpoint_auth_methods_supported;
  if (clientSecret !== undefined) {
    if (methods && !methods.includes('client_secret_basic') && methods.includes('client_secret_post')) form.set('client_secret', clientSecret);
    else headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(config.clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`;
  }
  let response: Response;
  try {
    response = await fetch(discovery.token_endpoint, { method: 'POST', headers, body: form.toString(), signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
  } catch (error) {
    throw new IdentityVerificationError('provider_unreachable', `the token endpoint could not be reached: ${(error as Error).message}`);
  }
  const body = (await response.json().catch(() => ({}))) as { id_token?: unknown; error?: unknown };
  if (!response.ok) throw new IdentityVerificationError('code_rejected', `the token endpoint refused the code: ${typeof body.error === 'string' ? body.error.slice(0, 100) : response.status}`);
  if (typeof body.id_token !== 'string') throw new IdentityVerificationError('invalid_token', 'the token endpoint returned no ID token');
  return body.id_token;
}

function keySet(jwksUri: string): ReturnType<typeof createRemoteJWKSet> {
  let set = keySets.get(jwksUri);
  if (!set) {
    set = createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: HTTP_TIMEOUT_MS });
    keySets.set(jwksUri, set);
  }
  return set;
}

function refusalFor(error: unknown): IdentityVerificationError {
  if (error instanceof IdentityVerificationError) return error;
  if (error instanceof joseErrors.JWTExpired) return new IdentityVerificationError('expired', 'the ID token has expired');
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return new IdentityVerificationError('wrong_issuer', 'the ID token was issued by another issuer');
    if (error.claim === 'aud') return new IdentityVerificationError('wrong_audience', 'the ID token was issued for another client');
    return new IdentityVerificationError('invalid_token', `the ID token's ${error.claim} claim is not valid`);
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed || error instanceof joseErrors.JWKSNoMatchingKey) return new IdentityVerificationError('bad_signature', "the ID token is not signed by the issuer's keys");
  if (error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid) return new IdentityVerificationError('provider_unreachable', "the issuer's keys could not be read");
  return new IdentityVerificationError('invalid_token', `the ID token is not valid: ${(error as Error).name}`);
}

const claimString = (payload: JWTPayload, name: string) => (typeof payload[name] === 'string' ? (payload[name] as string) : undefined);

/**
 * Verifies an ID token (OpenID Connect Core §3.1.3.7): signed by a key in the issuer's JWKS
 * with an asymmetric algorithm, `iss` exactly the configured issuer, `aud` containing the
 * client id (and `azp` the client when there are several audiences), unexpired, and `nonce`
 * the one this sign-in sent. The email is kept only when the provider asserts
 * `email_verified`, and must then be in the tenant's allowed domains when it names any.
 */
export async function verifyIdToken(idToken: string, config: IdentityProviderConfig, expected: { jwksUri: string; nonce: string; now: Date }): Promise<{ identity: VerifiedIdentity; expiresAt: number }> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(idToken, keySet(expected.jwksUri), {
      issuer: config.issuer,
      audience: config.clientId,
      algorithms: ALGORITHMS,
      currentDate: expected.now,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['sub', 'exp', 'iat', 'nonce'],
    }));
  } catch (error) {
    throw refusalFor(error);
  }
  if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== config.clientId) throw new IdentityVerificationError('wrong_audience', 'the ID token was authorized for another client');
  if (!safeEqual(claimString(payload, 'nonce') ?? '', expected.nonce)) throw new IdentityVerificationError('nonce_mismatch', 'the ID token answers another sign-in');
  const email = payload.email_verified === true ? claimString(payload, 'email')?.toLowerCase() : undefined;
  const domains = config.allowedEmailDomains?.map((d) => d.toLowerCase());
  if (domains && !(email && domains.includes(email.slice(email.lastIndexOf('@') + 1)))) {
    throw new IdentityVerificationError('email_domain_not_allowed', 'the provider did not assert a verified email in an allowed domain');
  }
  const name = claimString(payload, 'name');
  const team = config.issuer === SLACK_ISSUER ? claimString(payload, 'https://slack.com/team_id') : undefined;
  return {
    identity: { via: 'oidc', issuer: config.issuer, subject: payload.sub!, ...(email ? { email } : {}), ...(name ? { name: name.slice(0, 200) } : {}), ...(team ? { team } : {}) },
    expiresAt: payload.exp!,
  };
}
