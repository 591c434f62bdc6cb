import type { ChangeEvent, IdentifiedEvidence, Policy, PolicyDecision, ProposedAction, ScoredEvidence, TenantConfig } from '../contracts/index.js';
import { ACTION_CATALOG, actionTarget, describePlan } from './catalog.js';

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
  const entry = ACTION_CATALOG[rec.kind];
  const change = citedChange(input.scored.evidence, rec.evidenceIds, rec.service);
  const params: Record<string, string | number> = {};
  if (rec.kind === 'rollback' && change) {
    if (change.version) params.fromVersion = change.version;
    if (change.previousVersion) params.toVersion = change.previousVersion;
  }
  if (rec.kind === 'scale_out') params.scaleFactor = Math.min(2, input.tenant.policy.maxScaleFactor);
  const base = {
    actionId: `${input.investigationId}-${rec.kind}`.slice(0, 100),
    kind: rec.kind,
    service: rec.service,
    target: actionTarget(input.tenant.catalog[rec.service]),
    params,
  };
  return {
    ...base,
    risk: entry.risk,
    reversible: entry.reversible,
    undo: entry.undo,
    blastRadius: entry.blastRadius,
    dryRun: input.tenant.policy.dryRun,
    plan: describePlan(base),
  };
}

/**
 * The policy engine: every action passes here, whoever suggested it. It returns the
 * decision with the reasons a reviewer will read in the record.
 */
export function decide(input: DecideInput): PolicyDecision {
  const { policy } = input.tenant;
  const approvalTimeoutSeconds = input.tenant.approval.timeoutSeconds;
  const action = proposeAction(input);
  if (!action) return { decision: 'none', reasons: ['no catalogued action fits the diagnosis'], approvalTimeoutSeconds };
  if (policy.mode === 'off') return { decision: 'none', reasons: ['autonomy is off for this tenant: the action is recommended only'], action, approvalTimeoutSeconds };
  const denials: string[] = [];
  if (!policy.allowedActions.includes(action.kind)) denials.push(`${action.kind} is not in the tenant's allowed actions`);
  if (policy.allowedServices.length > 0 && !policy.allowedServices.includes(action.service)) {
    denials.push(`${action.service} is not in the tenant's allowed services`);
  }
  const freeze = activeFreeze(policy, input.now);
  if (freeze) denials.push(`change freeze in force (${freeze.from}–${freeze.to} UTC${freeze.reason ? `: ${freeze.reason}` : ''})`);
  if (denials.length > 0) return { decision: 'deny', reasons: denials, action, approvalTimeoutSeconds };
  const mode = action.dryRun ? 'dry-run' : 'live';
  if (policy.mode === 'auto-low-risk' && action.risk === 'low' && action.reversible && policy.allowedServices.includes(action.service)) {
    return { decision: 'auto', reasons: [`low-risk, reversible ${action.kind} on allowlisted ${action.service} runs without approval (${mode})`], action, approvalTimeoutSeconds };
  }
  return { decision: 'approve', reasons: [`${action.kind} on ${action.service} needs a human approval (${mode}, risk ${action.risk})`], action, approvalTimeoutSeconds };
}
