import { createHmac } from 'node:crypto';
import type { SignalSource } from '../../../contracts/signal.js';
import { safeEqual } from '../../../shared/compare.js';
import { UnauthorizedError } from '../../../shared/errors.js';
import type { WebhookCredentials } from '../credentials.js';

/**
 * The rejection every verifier throws. The public message is always the same, so a caller
 * learns nothing about which check failed or whether the tenant exists; the reason is kept
 * in `cause` for logs.
 */
export function deny(reason: string): UnauthorizedError {
  return new UnauthorizedError('unauthorized', { cause: new Error(reason) });
}

/** The tenant's entry for a source, or a rejection: a source nobody configured is closed. */
export function requireEntry<S extends keyof WebhookCredentials>(
  credentials: WebhookCredentials,
  source: S & SignalSource,
): NonNullable<WebhookCredentials[S]> {
  const entry = credentials[source];
  if (entry === undefined || entry === null) throw deny(`no ${source} credentials configured`);
  return entry as NonNullable<WebhookCredentials[S]>;
}

/** Lowercase hex HMAC-SHA256, the form every HMAC scheme here sends. */
export function hmacSha256Hex(secret: string, data: string): string {
  return createHmac('sha256', secret).update(data, 'utf8').digest('hex');
}

/**
 * True when any offered hex signature equals the HMAC of `data` under any secret. Every pair is
 * compared (no early exit), so timing does not reveal which secret or signature matched.
 */
export function anyHmacMatches(secrets: readonly string[], data: string, offered: readonly string[]): boolean {
  let matched = false;
  for (const secret of secrets) {
    const expected = hmacSha256Hex(secret, data);
    for (const signature of offered) matched = safeEqual(signature.toLowerCase(), expected) || matched;
  }
  return matched;
}

/** More signatures than any rotation needs would only cost CPU. */
const MAX_SIGNATURES = 8;

/** `v1=<hex>,v1=<hex>` → the hex values of the given version (PagerDuty, Causeway generic). */
export function versionedSignatures(header: string | undefined, version: string): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${version}=`))
    .map((part) => part.slice(version.length + 1))
    .filter((hex) => /^[0-9a-fA-F]{64}$/.test(hex))
    .slice(0, MAX_SIGNATURES);
}

/** Checks `Authorization: Bearer <token>`; the scheme is case-insensitive as HTTP says. */
export function checkBearer(headers: Record<string, string>, token: string): void {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers['authorization'] ?? '');
  if (!match?.[1]) throw deny('missing bearer token');
  if (!safeEqual(match[1], token)) throw deny('bearer token does not match');
}

/** Checks `Authorization: Basic base64(user:password)`; both parts are compared, always. */
export function checkBasic(headers: Record<string, string>, basic: { username: string; password: string }): void {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(headers['authorization'] ?? '');
  if (!match?.[1]) throw deny('missing basic credentials');
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw deny('malformed basic credentials');
  const userOk = safeEqual(decoded.slice(0, colon), basic.username);
  const passwordOk = safeEqual(decoded.slice(colon + 1), basic.password);
  if (!(userOk && passwordOk)) throw deny('basic credentials do not match');
}

/** Checks a shared secret carried in a named header (Datadog, Opsgenie). */
export function checkHeaderToken(headers: Record<string, string>, credential: { headerName: string; token: string }): void {
  const offered = headers[credential.headerName.toLowerCase()];
  if (!offered) throw deny(`missing ${credential.headerName} header`);
  if (!safeEqual(offered, credential.token)) throw deny(`${credential.headerName} does not match`);
}

/**
 * Parses a unix-seconds timestamp header and checks it lies within `toleranceSeconds` of now,
 * in both directions: a stale stamp is a replay, a future one a forged or skewed clock.
 */
export function checkFreshTimestamp(value: string | undefined, now: Date, toleranceSeconds: number): void {
  if (!value || !/^\d{1,12}$/.test(value)) throw deny('missing or malformed timestamp');
  const skew = Math.abs(now.getTime() / 1000 - Number(value));
  if (skew > toleranceSeconds) throw deny(`timestamp is ${Math.round(skew)}s from now; the window is ${toleranceSeconds}s`);
}
