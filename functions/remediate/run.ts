import type { ProposedAction, RemediationResult, TenantConfig } from '../contracts/index.js';
import { appendAudit, readAudit } from '../shared/audit.js';
import type { CarriedAudit } from '../shared/records.js';
import { CausewayError, TransientError } from '../shared/errors.js';
import { policyDenials } from '../policy/decide.js';
import { executorFor } from './executors/index.js';
import type { ExecutionPlan, ExecutorContext } from './executors/types.js';

export interface RunDeps {
  tableName: string;
  tenantId: string;
  investigationId: string;
  actor: string;
  now: Date;
  signal: AbortSignal;
  readSecret: ExecutorContext['readSecret'];
}

/** Failures that retrying cannot fix (refusals, credentials, a rejected request, bad config): recorded as `failed`. */
function isFinal(error: unknown): error is CausewayError {
  return error instanceof CausewayError && !(error instanceof TransientError);
}

function result(action: ProposedAction, now: Date, fields: Omit<RemediationResult, 'actionId' | 'at'>): RemediationResult {
  return { actionId: action.actionId, at: now.toISOString(), ...fields, changes: fields.changes.slice(0, 50), summary: fields.summary.slice(0, 1000) };
}

/** The plan a previous attempt audited before acting: a retry applies that same absolute change, never a re-computed one. */
async function auditedPlan(deps: RunDeps, action: ProposedAction): Promise<ExecutionPlan | undefined> {
  const before = (await readAudit(deps.tableName, deps.tenantId, deps.investigationId)).find((e) => e.entryId === `${action.actionId}-before`);
  return before?.detail.plan as ExecutionPlan | undefined;
}

async function audit(deps: RunDeps, type: string, detail: Record<string, unknown>, entryId: string): Promise<void> {
  await appendAudit(deps.tableName, deps.tenantId, deps.investigationId, { type, actor: deps.actor, detail }, { entryId });
}

/** An action's result, and the audit entry that records it, under its fixed id: written together as the record's remediation (`recordStageResult`). */
export interface ActionOutcome {
  result: RemediationResult;
  audit: CarriedAudit;
}

/**
 * Runs one approved action: the tenant's policy asked again, the current state read
 * into an exact plan, the plan audited (durably, before anything is changed), then — only
 * when neither the action nor the policy says dry-run — applied. Returns the result with the
 * audit entry that records it, for the caller to write once with the record's remediation.
 */
export async function runAction(deps: RunDeps, tenant: TenantConfig, action: ProposedAction): Promise<ActionOutcome> {
  const after = (type: string, detail: Record<string, unknown>): CarriedAudit => ({ entry: { type, actor: deps.actor, detail }, entryId: `${action.actionId}-after` });
  const denials = policyDenials(tenant.policy, action, deps.now);
  if (denials.length > 0) {
    const refused = result(action, deps.now, { status: 'refused', summary: `Not run: ${denials.join('; ')}. Nothing was changed.`, changes: [] });
    return { result: refused, audit: after('remediation.refused', { actionId: action.actionId, reasons: denials }) };
  }
  const dryRun = action.dryRun || tenant.policy.dryRun;
  const executor = executorFor(action.kind, action.target.platform);
  const started = { actionId: action.actionId, kind: action.kind, service: action.service, target: action.target, params: action.params, dryRun };
  if (!executor) {
    await audit(deps, 'remediation.started', started, `${action.actionId}-before`);
    const described = result(action, deps.now, {
      status: 'dry_run',
      summary: `Dry-run of ${action.kind} on ${action.service}: nothing was changed; these are the changes it would make.`,
      changes: action.plan,
    });
    return { result: described, audit: after('remediation.completed', { actionId: action.actionId, status: described.status, changes: described.changes }) };
  }
  const ctx: ExecutorContext = { policy: tenant.policy, targets: tenant.remediation, signal: deps.signal, now: deps.now, readSecret: deps.readSecret };
  let plan = await auditedPlan(deps, action);
  try {
    if (!plan) {
      plan = await executor.plan(action, ctx);
      await audit(deps, 'remediation.started', { ...started, plan }, `${action.actionId}-before`);
    }
    if (!dryRun && !plan.noop) await executor.apply(action, plan, ctx);
  } catch (error) {
    if (!isFinal(error)) throw error;
    const failed = result(action, deps.now, {
      status: 'failed',
      executor: plan?.executor,
      summary: `${action.kind} on ${action.service} ${plan && !dryRun ? 'failed while applying' : 'could not be planned'}: ${error.message}`,
      changes: plan?.changes ?? [],
      ...(plan ? { undo: plan.undo } : {}),
    });
    return { result: failed, audit: after('remediation.failed', { actionId: action.actionId, error: error.name, message: error.message.slice(0, 500) }) };
  }
  const done = result(action, deps.now, {
    status: dryRun ? 'dry_run' : 'applied',
    executor: plan.executor,
    summary: dryRun
      ? `Dry-run of ${action.kind} on ${action.service}: nothing was changed; these are the exact changes it would make now.`
      : plan.noop
        ? `${action.kind} on ${action.service}: the target was already in the planned state; nothing needed changing.`
        : `${action.kind} on ${action.service} applied.`,
    changes: plan.changes,
    undo: plan.undo,
  });
  return { result: done, audit: after('remediation.completed', { actionId: action.actionId, status: done.status, executor: plan.executor, changes: done.changes, undo: done.undo }) };
}
