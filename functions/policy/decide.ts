import type { ChangeEvent, IdentifiedEvidence, Policy, PolicyDecision, ProposedAction, RemediationKind, ScoredEvidence, TenantConfig } from '../contracts/index.js';
import { ACTION_CATALOG, actionTarget, describePlan, flagKeyOf } from './catalog.js';

export interface DecideInput {
  tenant: TenantConfig;
  investigationId: string;
  scored: ScoredEvidence;
  now: Date;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/** The freeze window in force at `now`, if any; windows may wrap past midnight. */
export function activeFreeze(policy: Policy, now: Date): Policy['freezeWindows'][number] | undefined {
  const day = now.getUTCDay();
  const minute = now.getUTCHours() * 60 + now.getUTCMinutes();
  return policy.freezeWindows.find((w) => {
    const from = minutesOf(w.from);
    const to = minutesOf(w.to);
    if (from <= to) return w.days.includes(day) && minute >= from && minute < to;
    const yesterday = (day + 6) % 7;
    return (w.days.includes(day) && minute >= from) || (w.days.includes(yesterday) && minute < to);
  });
}

function citedChange(evidence: IdentifiedEvidence[], ids: string[], service: string): ChangeEvent | undefined {
  return evidence.find((e): e is IdentifiedEvidence & ChangeEvent => e.class === 'changes' && ids.includes(e.id) && e.service === service);
}

function proposeAction(input: DecideInput): ProposedAction | undefined {
  const rec = input.scored.recommendedAction;
  if (rec.kind === 'none' || !rec.service) return undefined;
  const { policy, catalog, remediation } = input.tenant;
  const entry = catalog[rec.service];
  const runbook = entry?.runbooks?.[rec.kind];
  const kind: RemediationKind = runbook ? 'runbook' : rec.kind;
  const change = citedChange(input.scored.evidence, rec.evidenceIds, rec.service);
  const params: Record<string, string | number> = {};
  if (kind === 'rollback' && change) {
    if (change.version) params.fromVersion = change.version;
    if (change.previousVersion) params.toVersion = change.previousVersion;
  }
  if (kind === 'scale_out') Object.assign(params, { scaleFactor: Math.min(2, policy.maxScaleFactor), maxReplicas: policy.maxReplicas });
  const flag = flagKeyOf(change);
  if (kind === 'disable_flag' && flag) params.flag = flag;
  if (runbook) Object.assign(params, { document: runbook, answers: rec.kind });
  const catalogued = ACTION_CATALOG[kind];
  const base = {
    actionId: `${input.investigationId}-${kind}`.slice(0, 100),
    kind,
    service: rec.service,
    target: runbook ? { platform: 'ssm-automation', document: runbook } : actionTarget(kind, entry, remediation),
    params,
  };
  return {
    ...base,
    risk: catalogued.risk,
    reversible: catalogued.reversible,
    undo: catalogued.undo,
    blastRadius: catalogued.blastRadius,
    dryRun: policy.dryRun,
    plan: describePlan(base),
    verifyAfterSeconds: catalogued.verifyAfterSeconds,
  };
}

/**
 * Why the policy forbids this action now, one reason each; empty when it allows it.
 * The Policy stage asks before proposing, and Remediate asks again just before acting,
 * so an allowlist edited or a freeze begun while the approval waited still holds.
 */
export function policyDenials(policy: Policy, action: ProposedAction, now: Date): string[] {
  const denials: string[] = [];
  if (policy.mode === 'off') denials.push('autonomy is off for this tenant');
  if (!policy.allowedActions.includes(action.kind)) denials.push(`${action.kind} is not in the tenant's allowed actions`);
  if (action.kind === 'runbook' && !policy.allowedRunbooks.includes(String(action.params.document))) {
    denials.push(`runbook ${action.params.document} is not in the tenant's allowed runbooks`);
  }
  if (policy.allowedServices.length > 0 && !policy.allowedServices.includes(action.service)) {
    denials.push(`${action.service} is not in the tenant's allowed services`);
  }
  const freeze = activeFreeze(policy, now);
  if (freeze) denials.push(`change freeze in force (${freeze.from}–${freeze.to} UTC${freeze.reason ? `: ${freeze.reason}` : ''})`);
  const live = !action.dryRun && !policy.dryRun;
  if (live && !action.target.platform) denials.push(`${action.service} has no catalogued target for ${action.kind}: add it to the tenant's catalog, or run as a dry-run`);
  if (live && action.kind === 'disable_flag' && !action.params.flag) denials.push('the evidence names no flag to turn off');
  return denials;
}

/**
 * The policy engine: every action passes here, whoever suggested it. Only the
 * deterministic scorer's recommendation is read, never the model's text. It returns the
 * decision with the reasons a reviewer will read in the record.
 */
export function decide(input: DecideInput): PolicyDecision {
  const { policy } = input.tenant;
  const approvalTimeoutSeconds = input.tenant.approval.timeoutSeconds;
  const action = proposeAction(input);
  if (!action) return { decision: 'none', reasons: ['no catalogued action fits the diagnosis'], approvalTimeoutSeconds };
  if (policy.mode === 'off') return { decision: 'none', reasons: ['autonomy is off for this tenant: the action is recommended only'], action, approvalTimeoutSeconds };
  const denials = policyDenials(policy, action, input.now);
  if (denials.length > 0) return { decision: 'deny', reasons: denials, action, approvalTimeoutSeconds };
  const mode = action.dryRun ? 'dry-run' : 'live';
  if (policy.mode === 'auto-low-risk' && action.risk === 'low' && action.reversible && policy.allowedServices.includes(action.service)) {
    return { decision: 'auto', reasons: [`low-risk, reversible ${action.kind} on allowlisted ${action.service} runs without approval (${mode})`], action, approvalTimeoutSeconds };
  }
  return { decision: 'approve', reasons: [`${action.kind} on ${action.service} needs a human approval (${mode}, risk ${action.risk})`], action, approvalTimeoutSeconds };
}
