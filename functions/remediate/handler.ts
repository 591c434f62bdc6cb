import { z } from 'zod';
import { InvestigationId, PolicyDecision, RemediationResult, TenantId } from '../contracts/index.js';
import { loadEnv } from '../shared/env.js';
import { ConfigurationError, ConflictError } from '../shared/errors.js';
import { createLogger } from '../shared/logger.js';
import { readRecord, recordStageResult } from '../shared/records.js';
import { secretsOf } from '../shared/secrets.js';
import { stageHandler } from '../shared/stage.js';
import { loadTenantConfig } from '../shared/tenants.js';
import { confirmApproved } from './checks.js';
import { runAction } from './run.js';

const env = loadEnv({ TABLE_NAME: z.string().min(1) });
const logger = createLogger('remediate');
/** Below the Lambda's 240 s, so a hung target ends as this function's own error, not a Lambda timeout. */
const DEADLINE_MS = 200_000;

export const RemediateInput = z.object({
  tenantId: TenantId,
  investigationId: InvestigationId,
  executionName: z.string(),
  policy: PolicyDecision,
});

export const RemediateOutput = z.object({ kind: z.literal('remediated'), result: RemediationResult });

/**
 * Runs exactly the action the policy proposed and a human approved (or the policy let
 * run alone), never anything else. A result already on the record is returned as is,
 * and audit entries use fixed ids, so a retried invocation neither acts nor records twice.
 */
export const handler = stageHandler(RemediateInput, RemediateOutput, async (input) => {
  const action = input.policy.action;
  if (!action || (input.policy.decision !== 'approve' && input.policy.decision !== 'auto')) {
    throw new ConflictError('remediation needs an approved or auto-approved action');
  }
  const record = await readRecord(env.TABLE_NAME, input.tenantId, input.investigationId);
  if (record?.remediation?.actionId === action.actionId) return { kind: 'remediated' as const, result: record.remediation };
  const actor = await confirmApproved(env.TABLE_NAME, input.tenantId, input.policy, action, record);
  const tenant = await loadTenantConfig(env.TABLE_NAME, input.tenantId);
  if (!tenant) throw new ConfigurationError(`tenant ${input.tenantId} is not registered`);
  const { result, audit } = await runAction(
    { tableName: env.TABLE_NAME, tenantId: input.tenantId, investigationId: input.investigationId, actor, now: new Date(), signal: AbortSignal.timeout(DEADLINE_MS), readSecret: secretsOf(input.tenantId) },
    tenant,
    action,
  );
  if (!(await recordStageResult(env.TABLE_NAME, input.tenantId, input.investigationId, 'remediation', result, audit))) {
    // Another attempt ran the same action to its end first: its result is the record's.
    const recorded = (await readRecord(env.TABLE_NAME, input.tenantId, input.investigationId))?.remediation;
    if (recorded) return { kind: 'remediated' as const, result: recorded };
  }
  logger.info('remediation finished', { investigationId: input.investigationId, actionId: action.actionId, status: result.status, executor: result.executor });
  return { kind: 'remediated' as const, result };
});
