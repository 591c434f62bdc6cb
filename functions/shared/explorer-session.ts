import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { TenantId } from '../contracts/index.js';
import { safeEqual } from './compare.js';
import { hmac } from './platform-keys.js';

/**
 * The explorer's session: a cookie holding who signed in, for which tenant, until when,
 * signed with the platform's purpose-bound session key. Any sign-in that verifies a
 * person mints the same cookie: the tenant API token form, a single-use login link, and
 * (built for approvals) the tenant's OIDC provider, whose issuer and subject go in `by`.
 * Routes that accept it — the explorer, and the feedback route — take the identity from
 * here, never from a request body.
 */
export const SessionIdentity = z.object({
  /** `https://slack.com`, an OIDC issuer URL, or `causeway:api-token` for the tenant token. */
  issuer: z.string().min(1).max(500),
  subject: z.string().min(1).max(200),
  name: z.string().max(200).optional(),
});
export type SessionIdentity = z.infer<typeof SessionIdentity>;

export const Session = z.object({
  v: z.literal(1),
  /** Random per sign-in, for logs and audit entries to tell sessions apart. */
  sid: z.string().min(16).max(64),
  tenantId: TenantId,
  by: SessionIdentity,
  /** Epoch seconds. */
  iat: z.number().int(),
  exp: z.number().int(),
});
export type Session = z.infer<typeof Session>;


/** `__Host-` makes the browser refuse the cookie unless Secure, host-only and `Path=/`; loopback HTTP cannot be Secure, so it gets a plain name. */
export const SESSION_COOKIE = '__Host-causeway_session';
export const LOOPBACK_SESSION_COOKIE = 'causeway_session';

/** A working shift: long enough for an incident, short enough that a forgotten browser closes itself. */
export const SESSION_SECONDS = 8 * 3600;

const SIGNATURE_PURPOSE = 'causeway explorer session v1';

/** Signs a new session; the value goes into the cookie as is. */
export function mintSession(key: Buffer, tenantId: string, by: SessionIdentity, now: Date, seconds = SESSION_SECONDS): { value: string; session: Session } {
  const iat = Math.floor(now.getTime() / 1000);
  const session: Session = { v: 1, sid: randomBytes(16).toString('base64url'), tenantId, by, iat, exp: iat + seconds };
  const payload = Buffer.from(JSON.stringify(session), 'utf8').toString('base64url');
  return { value: `${payload}.${hmac(key, SIGNATURE_PURPOSE, payload)}`, session };
}

/** The session a cookie value carries, when its signature holds and it has not expired; undefined otherwise. */
export function readSession(key: Buffer, value: string, now: Date): Session | undefined {
  const [payload, signature, extra] = value.split('.');
  if (!payload || !signature || extra !== undefined || !safeEqual(signature, hmac(key, SIGNATURE_PURPOSE, payload))) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const session = Session.safeParse(decoded);
  if (!session.success || session.data.exp * 1000 <= now.getTime()) return undefined;
  return session.data;
}

/** True when the API is reached on this machine's loopback, where cookies cannot be Secure; API Gateway's domain never is. */
export function isLoopback(domainName: string): boolean {
  return /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/.test(domainName);
}

/** Finds the session cookie among payload-2.0 `cookies` (`name=value` each) and verifies it for this tenant. */
export function sessionFromCookies(key: Buffer, cookies: readonly string[] | undefined, tenantId: string | undefined, now: Date): Session | undefined {
  for (const cookie of cookies ?? []) {
    const eq = cookie.indexOf('=');
    const name = cookie.slice(0, eq).trim();
    if (eq < 0 || (name !== SESSION_COOKIE && name !== LOOPBACK_SESSION_COOKIE)) continue;
    const session = readSession(key, cookie.slice(eq + 1).trim(), now);
    if (session && (tenantId === undefined || session.tenantId === tenantId)) return session;
  }
  return undefined;
}

/**
 * The Set-Cookie value: HttpOnly (no script reads it), SameSite=Strict (no other site's
 * page sends it, which is the CSRF defence of every POST that accepts it), Secure and
 * `__Host-` everywhere but loopback.
 */
export function sessionCookie(value: string, loopback: boolean, maxAgeSeconds = SESSION_SECONDS): string {
  const name = loopback ? LOOPBACK_SESSION_COOKIE : SESSION_COOKIE;
  return `${name}=${value}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Strict${loopback ? '' : '; Secure'}`;
}

/** Clears the session cookie on sign-out. */
export function clearedSessionCookie(loopback: boolean): string {
  return sessionCookie('', loopback, 0);
}
