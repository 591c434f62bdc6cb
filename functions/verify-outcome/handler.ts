import { z } from 'zod';
import { InvestigationId, OutcomeVerification, RemediationResult, TenantId } from '../contracts/index.js';
import { loadEnv } from '../shared/env.js';
import { ConflictError } from '../shared/errors.js';
import { createLogger } from '../shared/logger.js';
import { readRecord, recordStageResult } from '../shared/records.js';
import { postToSlack, slackWebhookUrl } from '../shared/slack.js';
import { stageHandler } from '../shared/stage.js';
import { loadTenantConfig } from '../shared/tenants.js';
import { notRecoveredMessage, verifyOutcome } from './verify.js';

const env = loadEnv({ TABLE_NAME: z.string().min(1) });
const logger = createLogger('verify-outcome');

export const VerifyOutcomeInput = z.object({
  tenantId: TenantId,
  investigationId: InvestigationId,
  outcome: z.object({ kind: z.literal('remediated'), result: RemediationResult }),
});

export const VerifyOutcomeOutput = z.object({ kind: z.literal('remediated'), result: RemediationResult, verification: OutcomeVerification });

/**
 * After the action's wait: recovered or not, on the record and in the audit trail. Not
 * recovered tells the tenant's Slack, with the undo. A retry finds the verdict on the
 * record and neither re-decides nor notifies twice.
 */
export const handler = stageHandler(VerifyOutcomeInput, VerifyOutcomeOutput, async (input) => {
  const { result } = input.outcome;
  const record = await readRecord(env.TABLE_NAME, input.tenantId, input.investigationId);
  if (!record) throw new ConflictError(`investigation ${input.investigationId} has no record`);
  if (record.outcome) return { kind: 'remediated' as const, result, verification: record.outcome };
  const verification = verifyOutcome(record, result, new Date());
  let notified = false;
  if (verification.status === 'not_recovered') {
    const tenant = await loadTenantConfig(env.TABLE_NAME, input.tenantId);
    const url = await slackWebhookUrl(input.tenantId, tenant?.approval.slackWebhookSecretRef);
    if (url) {
      await postToSlack(url, notRecoveredMessage(record, result, verification));
      notified = true;
    } else {
      logger.warn('not recovered, and the tenant has no Slack webhook to tell', { investigationId: input.investigationId });
    }
  }
  const written = await recordStageResult(env.TABLE_NAME, input.tenantId, input.investigationId, 'outcome', verification, {
    entry: { type: `outcome.${verification.status}`, actor: 'causeway:verify', detail: { actionId: result.actionId, basis: verification.basis, detail: verification.detail, notified, undo: result.undo } },
    entryId: `${result.actionId}-verified`,
  });
  const recorded = written ? verification : ((await readRecord(env.TABLE_NAME, input.tenantId, input.investigationId))?.outcome ?? verification);
  return { kind: 'remediated' as const, result, verification: recorded };
});
