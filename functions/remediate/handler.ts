import { z } from 'zod';
import { InvestigationId, PolicyDecision, RemediationResult, TenantId } from '../contracts/index.js';
import { appendAudit } from '../shared/audit.js';
import { loadEnv } from '../shared/env.js';
import { ConflictError } from '../shared/errors.js';
import { createLogger } from '../shared/logger.js';
import { readRecord, updateRecord } from '../shared/records.js';
import { stageHandler } from '../shared/stage.js';

const env = loadEnv({ TABLE_NAME: z.string().min(1) });
const logger = createLogger('remediate');

export const RemediateInput = z.object({
  tenantId: TenantId,
  investigationId: InvestigationId,
  executionName: z.string(),
  policy: PolicyDecision,
});

export const RemediateOutput = z.object({ kind: z.literal('remediated'), result: RemediationResult });

/**
 * Runs exactly the action the policy proposed and a human approved (or the policy let
 * run alone), never anything else. Audit entries before and after use fixed ids, so a
 * retried invocation neither acts nor records twice.
 */
export const handler = stageHandler(RemediateInput, RemediateOutput, async (input) => {
  const action = input.policy.action;
  if (!action || (input.policy.decision !== 'approve' && input.policy.decision !== 'auto')) {
    throw new ConflictError('remediation needs an approved or auto-approved action');
  }
  const record = await readRecord(env.TABLE_NAME, input.tenantId, input.investigationId);
  if (record?.remediation?.actionId === action.actionId) return { kind: 'remediated' as const, result: record.remediation };
  if (input.policy.decision === 'approve' && record?.approval?.status !== 'approved') {
    throw new ConflictError(`action ${action.actionId} has no recorded approval`);
  }
  const actor = input.policy.decision === 'auto' ? 'causeway:policy-auto' : (record?.approval?.decidedBy ?? 'unknown');
  await appendAudit(
    env.TABLE_NAME,
    input.tenantId,
    input.investigationId,
    { type: 'remediation.started', actor, detail: { actionId: action.actionId, kind: action.kind, service: action.service, target: action.target, params: action.params, dryRun: action.dryRun } },
    { entryId: `${action.actionId}-before` },
  );
  const result: RemediationResult = {
    actionId: action.actionId,
    status: 'dry_run',
    summary: action.dryRun
      ? `Dry-run of ${action.kind} on ${action.service}: nothing was changed; these are the changes it would make.`
      : `${action.kind} on ${action.service} has no executor for live changes yet; recorded as a dry-run and nothing was changed.`,
    changes: action.plan,
    at: new Date().toISOString(),
  };
  await appendAudit(
    env.TABLE_NAME,
    input.tenantId,
    input.investigationId,
    { type: 'remediation.completed', actor, detail: { actionId: action.actionId, status: result.status, changes: result.changes } },
    { entryId: `${action.actionId}-after` },
  );
  await updateRecord(env.TABLE_NAME, input.tenantId, input.investigationId, { remediation: result });
  logger.info('remediation finished', { investigationId: input.investigationId, actionId: action.actionId, status: result.status });
  return { kind: 'remediated' as const, result };
});
