import type { InvestigationRecord, TenantConfig } from '../contracts/index.js';
import { csrfToken, linkQuery, parseLink, verifyLink, type SignedLink } from '../shared/approval-links.js';
import { safeEqual } from '../shared/compare.js';
import { mayDecide, principal } from './approvers.js';
import { recordDecision, type DecisionDeps, type StoredApproval } from './decision.js';
import { confirmationPage, messagePage, type DecideBy } from './pages.js';
import { auditRefusal, type RefusalReason } from './refusals.js';
import { openSession, SESSION_COOKIE, type ApproverSession } from './session.js';

export type { TaskResponder } from './decision.js';

export interface ApprovalRequest {
  method: 'GET' | 'POST';
  tenantId: string;
  approvalId: string;
  query: Record<string, string | undefined>;
  form: Record<string, string | undefined>;
  cookies: Record<string, string>;
  origin?: string;
  path: string;
}

export interface ApprovalDeps extends DecisionDeps {
  publicBaseUrl: string;
  loadTenant: (tenantId: string) => Promise<TenantConfig | undefined>;
  /** The investigation's record, for what its alert's sender reported since the approval was asked (a resolve). */
  readRecord: (tenantId: string, investigationId: string) => Promise<InvestigationRecord | undefined>;
}

const noteOf = (note: string | undefined) => (note ? { note } : {});

/** Said above the form when the alert resolved while the approval waited: the action may no longer be needed. */
export function resolvedWhilePendingNote(record: InvestigationRecord | undefined): string | undefined {
  const closed = [...(record?.lifecycle ?? [])].reverse().find((e) => e.event === 'resolved' || e.event === 'deleted');
  if (!closed) return undefined;
  return `The alert ${closed.event === 'deleted' ? 'was deleted' : 'resolved'} at ${closed.at} (${closed.source}${closed.by ? `, by ${closed.by}` : ''}) while this approval was pending. Check that the action is still needed before you decide.`;
}

export interface PageResponse {
  status: number;
  html: string;
}

const APPROVAL_ID = /^[A-Za-z0-9_-]{10,64}$/;
const INVALID: PageResponse = { status: 403, html: messagePage('This link is not valid', 'The link was altered, belongs to another approval, or was never issued. Nothing was changed.') };
const EXPIRED: PageResponse = { status: 410, html: messagePage('This approval has expired', 'The investigation no longer waits for a decision. Nothing was changed.') };
const STALE: PageResponse = { status: 410, html: messagePage('This approval can no longer resume its run', 'The investigation stopped waiting (it ended or was replaced), so the decision could not take effect. No action will be taken.') };

function decidedPage(item: StoredApproval): PageResponse {
  if (item.status === 'expired') return item.unresumableReason === 'stale' ? STALE : EXPIRED;
  return {
    status: 409,
    html: messagePage(`Already ${item.status}`, `This approval was ${item.status} by ${item.decidedBy ?? 'someone'} at ${item.decidedAt ?? 'an earlier time'}. Nothing was changed.`),
  };
}

/** Decided, but the run has not confirmed it resumed: the page lets a verified person finish it, deciding nothing anew. */
const resuming = (item: StoredApproval) => item.status !== 'pending' && item.status !== 'expired' && item.phase === 'deciding';

function decideBy(request: ApprovalRequest, tenant: TenantConfig | undefined, item: StoredApproval, signed: SignedLink, session: ApproverSession | undefined, deps: ApprovalDeps): DecideBy {
  if (!tenant?.identity) return { kind: 'no_provider', slackButtons: Boolean(tenant?.approval.slackAppSecretRef) };
  if (!session) return { kind: 'sign_in', url: `${request.path}/signin?${linkQuery(signed).toString()}`, provider: tenant.identity.displayName ?? new URL(tenant.identity.issuer).host };
  const who = { signedInAs: session.identity.email ?? session.identity.name ?? session.identity.subject, issuer: session.identity.issuer };
  if (!resuming(item) && !mayDecide(item.approvers, session.identity)) return { kind: 'not_allowed', ...who };
  return { kind: 'form', formAction: `${request.path}?${linkQuery(signed).toString()}`, csrf: csrfToken(deps.keys.byId(signed.kid)!, signed.link, session.sid), ...who };
}

/**
 * The approval route. GET shows what would happen and how to decide; only a POST from a
 * person signed in through the tenant's identity provider, carrying the page's form token,
 * decides: once, before expiry, if the approvers list allows them. A typed name is never an
 * identity. Every refusal says why, changes nothing, and is written to the trail.
 */
export async function handleApproval(request: ApprovalRequest, deps: ApprovalDeps): Promise<PageResponse> {
  if (!APPROVAL_ID.test(request.approvalId)) return INVALID;
  const refuse = async (page: PageResponse, reason: RefusalReason, detail: Record<string, unknown> = {}, actor?: string) => {
    await auditRefusal(deps.ledger, request.tenantId, request.approvalId, reason, { method: request.method, ...detail }, actor);
    return page;
  };
  const signed = parseLink(request.tenantId, request.approvalId, request.query);
  if (!signed || !verifyLink(deps.keys, signed)) return refuse(INVALID, 'invalid_link');
  const nowMs = deps.now().getTime();
  if (signed.link.expires * 1000 <= nowMs) return refuse(EXPIRED, 'expired_link');
  const item = await deps.ledger.load(request.tenantId, request.approvalId);
  if (!item) return INVALID;
  if (item.status === 'expired' || (item.status !== 'pending' && !resuming(item))) return request.method === 'POST' ? refuse(decidedPage(item), 'already_decided') : decidedPage(item);
  if (item.status === 'pending' && item.expiresAt * 1000 <= nowMs) return EXPIRED;
  const session = openSession(deps.keys, request.tenantId, request.cookies[SESSION_COOKIE], Math.floor(nowMs / 1000));

  if (request.method === 'GET') {
    const tenant = await deps.loadTenant(request.tenantId);
    const by = decideBy(request, tenant, item, signed, session, deps);
    return {
      status: by.kind === 'not_allowed' ? 403 : 200,
      html: confirmationPage({
        decision: signed.link.decision,
        actionLine: `${item.action.kind} ${item.action.service}${item.action.dryRun ? ' (dry-run)' : ''}`,
        risk: item.action.risk,
        plan: item.action.plan,
        undo: item.action.undo,
        investigationId: item.investigationId,
        expiresAt: new Date(item.expiresAt * 1000).toISOString(),
        decideBy: by,
        ...(resuming(item)
          ? { note: `Already ${item.status} by ${item.decidedBy} at ${item.decidedAt}; the run has not confirmed it resumed. Confirming resumes it with that decision.` }
          : noteOf(resolvedWhilePendingNote(await deps.readRecord(request.tenantId, item.investigationId)))),
      }),
    };
  }

  if (request.origin && request.origin !== new URL(deps.publicBaseUrl).origin) {
    return refuse({ status: 403, html: messagePage('Cross-site request refused', 'The decision must be posted from the approval page itself. Nothing was changed.') }, 'cross_site', { origin: request.origin.slice(0, 200) });
  }
  if (!session) {
    return refuse(
      { status: 401, html: messagePage('Sign in first', 'A decision counts only from a person verified by the tenant’s identity provider; a typed name is not an identity. Open the link again and sign in. Nothing was changed.') },
      'no_verified_identity',
      request.form.approver !== undefined ? { typedIdentityIgnored: request.form.approver.slice(0, 200) } : {},
    );
  }
  const actor = principal(session.identity);
  if (!safeEqual(request.form.csrf ?? '', csrfToken(deps.keys.byId(signed.kid)!, signed.link, session.sid))) {
    return refuse({ status: 403, html: messagePage('Form token missing or wrong', 'Open the link again and confirm from that page. Nothing was changed.') }, 'bad_form_token', {}, actor);
  }
  const outcome = await recordDecision(deps, { tenantId: request.tenantId, approvalId: request.approvalId, decision: signed.link.decision, identity: session.identity });
  switch (outcome.kind) {
    case 'unknown':
      return INVALID;
    case 'expired':
      return EXPIRED;
    case 'stale':
      return STALE;
    case 'already':
      return refuse(decidedPage(outcome.item), 'already_decided', {}, actor);
    case 'not_allowed':
      return refuse({ status: 403, html: messagePage('Not an allowed approver', `${outcome.who} may not decide on this tenant's actions. Nothing was changed.`) }, 'not_allowed', { issuer: session.identity.issuer, subject: session.identity.subject }, actor);
    case 'decided': {
      const { action } = outcome.item;
      const next = outcome.status === 'approved' ? `The ${action.kind} of ${action.service} runs now${action.dryRun ? ' as a dry-run' : ''}.` : 'No action will be taken.';
      return { status: 200, html: messagePage(outcome.status === 'approved' ? 'Approved' : 'Rejected', `Recorded: ${outcome.status} by ${outcome.decidedBy}. ${next}`) };
    }
  }
}
