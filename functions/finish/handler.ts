import { z } from 'zod';
import { announcer } from '../approval/announce.js';
import { expirePendingApproval } from '../approval/store.js';
import { releaseFailedClaims } from './release.js';
import { InvestigationId, InvestigationStatus, TenantId } from '../contracts/index.js';
import { tableClaims } from '../delivery/claims.js';
import { deliverInvestigation } from '../delivery/deliver.js';
import { rememberInvestigation } from '../memory/store.js';
import { appendAudit } from '../shared/audit.js';
import { updateIf } from '../shared/conditional-write.js';
import { loadEnv } from '../shared/env.js';
import { createLogger } from '../shared/logger.js';
import { recordApprovalEnd, recordInvestigationOutcome } from '../shared/metrics.js';
import { readRecord, updateRecord } from '../shared/records.js';
import { readTenantSecret } from '../shared/secrets.js';
import { DEFAULT_SLACK_API_BASE_URL } from '../shared/slack-web-api.js';
import { stageHandler } from '../shared/stage.js';
import { loadTenantConfig } from '../shared/tenants.js';
import { finalStatus, Outcome } from './outcome.js';

const env = loadEnv({ TABLE_NAME: z.string().min(1), PUBLIC_BASE_URL: z.url(), SLACK_API_BASE_URL: z.url().default(DEFAULT_SLACK_API_BASE_URL) });
const logger = createLogger('finish');
const announce = announcer({ tableName: env.TABLE_NAME, slackApiBaseUrl: env.SLACK_API_BASE_URL, readSecret: readTenantSecret });

export const FinishInput = z.object({ tenantId: TenantId, investigationId: InvestigationId, outcome: Outcome });

/**
 * Remembers the finished investigation for recall and tells people its result (Slack
 * summary and thread, notes on the source incident). Neither may fail the run: the status
 * is already final, so a failure here is logged (delivery also audits its own).
 */
async function rememberAndDeliver(tenantId: string, investigationId: string): Promise<void> {
  const record = await readRecord(env.TABLE_NAME, tenantId, investigationId);
  if (!record) return;
  try {
    await rememberInvestigation(env.TABLE_NAME, record);
  } catch (error) {
    logger.error('could not remember the investigation for recall', { tenantId, investigationId, error: (error as Error).name });
  }
  const tenant = await loadTenantConfig(env.TABLE_NAME, tenantId).catch((error: Error) => {
    logger.error('could not load the tenant; nothing delivered', { tenantId, investigationId, error: error.name });
    return undefined;
  });
  if (!tenant) return;
  const results = await deliverInvestigation(record, tenant, {
    claims: tableClaims(env.TABLE_NAME, tenantId, investigationId),
    readSecret: readTenantSecret,
    slackApiBaseUrl: env.SLACK_API_BASE_URL,
    publicBaseUrl: env.PUBLIC_BASE_URL,
  });
  logger.info('delivered', { tenantId, investigationId, results: results.map((r) => `${r.target}:${r.status}`) });
}

/** Seconds from an ISO time to now; undefined when the time is missing (approvals requested before it was stored). */
function secondsSince(iso: string | undefined): number | undefined {
  return iso === undefined ? undefined : (Date.now() - Date.parse(iso)) / 1000;
}

/** Closes the investigation: its final status on the record, an entry in the audit trail, an expired approval marked so and its Slack message told; then memory and delivery. */
export const handler = stageHandler(FinishInput, z.object({ status: InvestigationStatus }), async (input) => {
  const { status, detail } = finalStatus(input.outcome);
  const record = await readRecord(env.TABLE_NAME, input.tenantId, input.investigationId);
  const approval = record?.approval;
  if (status === 'expired' && approval?.status === 'pending') {
    const expired = await expirePendingApproval(env.TABLE_NAME, input.tenantId, approval.approvalId);
    if (expired) {
      recordApprovalEnd(input.tenantId, 'expired', secondsSince(expired.createdAt));
      await announce({ tenantId: input.tenantId, approval: expired, end: { kind: 'expired', at: new Date().toISOString() } });
    }
  }
  await updateRecord(env.TABLE_NAME, input.tenantId, input.investigationId, {
    status,
    ...(status === 'expired' && approval ? { approval: { ...approval, status: 'expired' as const } } : {}),
    ...(status === 'rejected' && approval ? { approval: { ...approval, status: 'rejected' as const } } : {}),
  });
  await appendAudit(env.TABLE_NAME, input.tenantId, input.investigationId, { type: `investigation.${status}`, actor: 'causeway', detail }, { entryId: `finish-${input.investigationId}` });
  if (status === 'failed' && record) await releaseFailedClaims(env.TABLE_NAME, record);
  recordInvestigationOutcome(input.tenantId, status);
  await rememberAndDeliver(input.tenantId, input.investigationId).catch((error: Error) => logger.error('memory and delivery stopped', { investigationId: input.investigationId, error: error.name, message: error.message }));
  return { status };
});
