import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ApprovalDecider } from '../contracts/index.js';
import { seal, unseal, type PlatformKeys } from '../shared/platform-keys.js';
import type { VerifiedIdentity } from './approvers.js';

/** The signed-in approver's cookie, scoped to the tenant's approval pages. */
export const SESSION_COOKIE = 'causeway_approver';
/** Binds a sign-in to the browser that started it, scoped to the tenant's callback. */
export const SIGNIN_COOKIE = 'causeway_signin';
/** A session lasts at most this long, and never beyond the ID token's own expiry. */
export const SESSION_SECONDS = 15 * 60;
export const SIGNIN_SECONDS = 10 * 60;

const Session = z.object({ sid: z.string().min(16), tenantId: z.string(), identity: ApprovalDecider, exp: z.number().int() });
export type ApproverSession = z.infer<typeof Session> & { identity: VerifiedIdentity };

const boundTo = (tenantId: string) => `approver-session/${tenantId}`;

/** A new session for a verified person, sealed (AES-256-GCM under the current platform key) and bound to the tenant. */
export function sealSession(keys: PlatformKeys, tenantId: string, identity: VerifiedIdentity, exp: number): { value: string; session: ApproverSession } {
  const session = { sid: randomBytes(18).toString('base64url'), tenantId, identity, exp };
  return { value: seal(keys, 'sessionKey', JSON.stringify(session), boundTo(tenantId)), session };
}

/** The session in a cookie value, or undefined when it is absent, altered, another tenant's, or expired. */
export function openSession(keys: PlatformKeys, tenantId: string, value: string | undefined, nowSeconds: number): ApproverSession | undefined {
  if (!value || value.length > 4096) return undefined;
  try {
    const parsed = Session.safeParse(JSON.parse(unseal(keys, 'sessionKey', value, boundTo(tenantId))));
    if (!parsed.success || parsed.data.tenantId !== tenantId || parsed.data.exp <= nowSeconds) return undefined;
    return parsed.data as ApproverSession;
  } catch {
    return undefined;
  }
}

/** Cookies from API Gateway's payload-2.0 `cookies` array and any `cookie` header. */
export function readCookies(cookies: string[] | undefined, header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of [...(cookies ?? []), ...(header ? header.split(';') : [])]) {
    const at = pair.indexOf('=');
    if (at > 0) out[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return out;
}

/** A `Set-Cookie` value: HttpOnly, SameSite=Lax (sent on the provider's redirect back, never on a cross-site POST), Secure over HTTPS. */
export function cookie(name: string, value: string, options: { path: string; maxAge: number; secure: boolean }): string {
  return `${name}=${value}; Path=${options.path}; Max-Age=${options.maxAge}; HttpOnly; SameSite=Lax${options.secure ? '; Secure' : ''}`;
}
