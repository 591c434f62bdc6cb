import { csrfToken, verifyLink, type ApprovalLink, type Decision } from '../shared/approval-links.js';
import { safeEqual } from '../shared/platform-keys.js';
import { loadApproval, recordDecision, type DecisionDeps, type StoredApproval } from './decision.js';
import { confirmationPage, messagePage } from './pages.js';

export type { TaskResponder } from './decision.js';

export interface ApprovalRequest {
  method: 'GET' | 'POST';
  tenantId: string;
  approvalId: string;
  query: Record<string, string | undefined>;
  form: Record<string, string | undefined>;
  origin?: string;
  path: string;
}

export interface ApprovalDeps extends DecisionDeps {
  publicBaseUrl: string;
}

export interface PageResponse {
  status: number;
  html: string;
}

const INVALID: PageResponse = { status: 403, html: messagePage('This link is not valid', 'The link was altered, belongs to another approval, or was never issued. Nothing was changed.') };
const EXPIRED: PageResponse = { status: 410, html: messagePage('This approval has expired', 'The investigation no longer waits for a decision. Nothing was changed.') };

function decidedPage(item: StoredApproval): PageResponse {
  if (item.status === 'expired') return EXPIRED;
  return {
    status: 409,
    html: messagePage(`Already ${item.status}`, `This approval was ${item.status} by ${item.decidedBy ?? 'someone'} at ${item.decidedAt ?? 'an earlier time'}. Nothing was changed.`),
  };
}

function parseLink(request: ApprovalRequest): { link: ApprovalLink; signature: string } | undefined {
  const { decision, exp, sig } = request.query;
  if ((decision !== 'approve' && decision !== 'reject') || !exp || !/^\d{1,12}$/.test(exp) || !sig) return undefined;
  return { link: { tenantId: request.tenantId, approvalId: request.approvalId, decision: decision as Decision, expires: Number(exp) }, signature: sig };
}

/**
 * The approval route. GET shows what would happen; only a POST carrying the page's
 * form token decides, once, before expiry, by an allowed approver. Every refusal says
 * why and changes nothing.
 */
export async function handleApproval(request: ApprovalRequest, deps: ApprovalDeps): Promise<PageResponse> {
  const parsed = parseLink(request);
  if (!parsed || !verifyLink(deps.keys.linkKey, parsed.link, parsed.signature)) return INVALID;
  const { link } = parsed;
  const nowMs = deps.now().getTime();
  if (link.expires * 1000 <= nowMs) return EXPIRED;
  const item = await loadApproval(deps.tableName, link.tenantId, link.approvalId);
  if (!item) return INVALID;
  if (item.status !== 'pending') return decidedPage(item);
  if (item.expiresAt * 1000 <= nowMs) return EXPIRED;
  const csrf = csrfToken(deps.keys.csrfKey, link);

  if (request.method === 'GET') {
    return {
      status: 200,
      html: confirmationPage({
        decision: link.decision,
        actionLine: `${item.action.kind} ${item.action.service}${item.action.dryRun ? ' (dry-run)' : ''}`,
        risk: item.action.risk,
        plan: item.action.plan,
        undo: item.action.undo,
        investigationId: item.investigationId,
        expiresAt: new Date(item.expiresAt * 1000).toISOString(),
        formAction: request.path + '?' + new URLSearchParams({ decision: link.decision, exp: String(link.expires), sig: parsed.signature }).toString(),
        hidden: { csrf },
        approverRequired: item.approvers.length > 0,
      }),
    };
  }

  if (request.origin && request.origin !== new URL(deps.publicBaseUrl).origin) {
    return { status: 403, html: messagePage('Cross-site request refused', 'The decision must be posted from the approval page itself. Nothing was changed.') };
  }
  if (!safeEqual(request.form.csrf ?? '', csrf)) return { status: 403, html: messagePage('Form token missing or wrong', 'Open the link again and confirm from that page. Nothing was changed.') };
  const approver = (request.form.approver ?? '').trim().slice(0, 200);
  const outcome = await recordDecision(deps, { tenantId: link.tenantId, approvalId: link.approvalId, decision: link.decision, identities: [approver] });
  switch (outcome.kind) {
    case 'unknown':
      return INVALID;
    case 'expired':
      return EXPIRED;
    case 'already':
      return decidedPage(outcome.item);
    case 'not_allowed':
      return { status: 403, html: messagePage('Not an allowed approver', `${approver || 'An empty name'} may not decide on this tenant's actions. Nothing was changed.`) };
    case 'decided': {
      const { action } = outcome.item;
      const next = outcome.status === 'approved' ? `The ${action.kind} of ${action.service} runs now${action.dryRun ? ' as a dry-run' : ''}.` : 'No action will be taken.';
      return { status: 200, html: messagePage(outcome.status === 'approved' ? 'Approved' : 'Rejected', `Recorded: ${outcome.status} by ${outcome.decidedBy}. ${next}`) };
    }
  }
}
