import { safeEqual } from './compare.js';
import { hmac, LEGACY_KEY_ID, type PlatformKeys, type PlatformKeySet } from './platform-keys.js';

export type Decision = 'approve' | 'reject';

export interface ApprovalLink {
  tenantId: string;
  approvalId: string;
  decision: Decision;
  /** Epoch seconds; the link dies with the approval task's timeout. */
  expires: number;
}

/** A link as it arrives: its fields, the id of the key version that signed it, and the signature. */
export interface SignedLink {
  link: ApprovalLink;
  kid: string;
  signature: string;
}

/**
 * Approval links carry no task token and no secret: only ids, the decision, the expiry and
 * an HMAC binding them together (and the key id, for every version after the legacy one),
 * so altering any part breaks the signature.
 */
export function signLink(keys: PlatformKeySet, link: ApprovalLink): string {
  const fields = [link.tenantId, link.approvalId, link.decision, String(link.expires)];
  return keys.kid === LEGACY_KEY_ID ? hmac(keys.linkKey, 'approval-link', ...fields) : hmac(keys.linkKey, 'approval-link/v2', keys.kid, ...fields);
}

/** True when the key version the link names is still held and its signature matches. */
export function verifyLink(keys: PlatformKeys, signed: SignedLink): boolean {
  const set = keys.byId(signed.kid);
  return set !== undefined && safeEqual(signLink(set, signed.link), signed.signature);
}

/** The query string a signed link carries: `decision`, `exp`, `sig`, and `kid` unless the legacy key signed it. */
export function linkQuery(signed: SignedLink): URLSearchParams {
  const query = new URLSearchParams({ decision: signed.link.decision, exp: String(signed.link.expires) });
  if (signed.kid !== LEGACY_KEY_ID) query.set('kid', signed.kid);
  query.set('sig', signed.signature);
  return query;
}

/** The approval page's path for one approval. */
export function approvalPath(tenantId: string, approvalId: string): string {
  return `/v1/tenants/${encodeURIComponent(tenantId)}/approvals/${encodeURIComponent(approvalId)}`;
}

export function approvalUrl(baseUrl: string, keys: PlatformKeySet, link: ApprovalLink): string {
  const url = new URL(approvalPath(link.tenantId, link.approvalId), baseUrl);
  url.search = linkQuery({ link, kid: keys.kid, signature: signLink(keys, link) }).toString();
  return url.toString();
}

/** Reads a link from its path ids and query; undefined when a field is missing or malformed. */
export function parseLink(tenantId: string, approvalId: string, query: Record<string, string | undefined>): SignedLink | undefined {
  const { decision, exp, sig, kid } = query;
  if ((decision !== 'approve' && decision !== 'reject') || !exp || !/^\d{1,12}$/.test(exp) || !sig || sig.length > 100) return undefined;
  if (kid !== undefined && !/^k[a-z0-9]{1,24}$/.test(kid)) return undefined;
  return { link: { tenantId, approvalId, decision, expires: Number(exp) }, kid: kid ?? LEGACY_KEY_ID, signature: sig };
}

/**
 * The form token a confirmation page embeds, bound to the link and to the signed-in
 * approver's session: only a page rendered for this link and this person can produce it.
 * It uses the key version that signed the link, so a rotation between page and POST is harmless.
 */
export function csrfToken(keys: PlatformKeySet, link: ApprovalLink, sessionId: string): string {
  return hmac(keys.csrfKey, 'approval-form', link.tenantId, link.approvalId, link.decision, String(link.expires), sessionId);
}
