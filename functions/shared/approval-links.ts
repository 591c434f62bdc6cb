import { hmac, safeEqual } from './platform-keys.js';

export type Decision = 'approve' | 'reject';

export interface ApprovalLink {
  tenantId: string;
  approvalId: string;
  decision: Decision;
  /** Epoch seconds; the link dies with the approval task's timeout. */
  expires: number;
}

/**
 * Approval links carry no task token and no secret: only ids, the decision, the expiry
 * and an HMAC binding them together, so altering any part breaks the signature.
 */
export function signLink(linkKey: Buffer, link: ApprovalLink): string {
  return hmac(linkKey, 'approval-link', link.tenantId, link.approvalId, link.decision, String(link.expires));
}

export function verifyLink(linkKey: Buffer, link: ApprovalLink, signature: string): boolean {
  return safeEqual(signLink(linkKey, link), signature);
}

export function approvalUrl(baseUrl: string, linkKey: Buffer, link: ApprovalLink): string {
  const url = new URL(`/v1/tenants/${encodeURIComponent(link.tenantId)}/approvals/${encodeURIComponent(link.approvalId)}`, baseUrl);
  url.searchParams.set('decision', link.decision);
  url.searchParams.set('exp', String(link.expires));
  url.searchParams.set('sig', signLink(linkKey, link));
  return url.toString();
}

/** The form token a confirmation page embeds; only a page rendered for a valid link can produce it. */
export function csrfToken(csrfKey: Buffer, link: ApprovalLink): string {
  return hmac(csrfKey, 'approval-form', link.tenantId, link.approvalId, link.decision, String(link.expires));
}
