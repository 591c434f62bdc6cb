import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { announcer } from '../approval/announce.js';
import { releaseFailedClaims } from './release.js';
import type { StoredApproval } from '../approval/decision.js';
import { InvestigationId, InvestigationStatus, TenantId } from '../contracts/index.js';
import { appendAudit } from '../shared/audit.js';
import { loadEnv } from '../shared/env.js';
import { readRecord, updateRecord } from '../shared/records.js';
import { readTenantSecret } from '../shared/secrets.js';
import { DEFAULT_SLACK_API_BASE_URL } from '../shared/slack-web-api.js';
import { stageHandler } from '../shared/stage.js';
import { documentClient, keys } from '../shared/table.js';
import { finalStatus, Outcome } from './outcome.js';

const env = loadEnv({ TABLE_NAME: z.string().min(1), SLACK_API_BASE_URL: z.url().default(DEFAULT_SLACK_API_BASE_URL) });
const announce = announcer({ tableName: env.TABLE_NAME, slackApiBaseUrl: env.SLACK_API_BASE_URL, readSecret: readTenantSecret });

export const FinishInput = z.object({ tenantId: TenantId, investigationId: InvestigationId, outcome: Outcome });

/** Closes the investigation: its final status on the record, an entry in the audit trail, an expired approval marked so and its Slack message told. */
export const handler = stageHandler(FinishInput, z.object({ status: InvestigationStatus }), async (input) => {
  const { status, detail } = finalStatus(input.outcome);
  const record = await readRecord(env.TABLE_NAME, input.tenantId, input.investigationId);
  const approval = record?.approval;
  if (status === 'expired' && approval?.status === 'pending') {
    await documentClient.send(
      new UpdateCommand({
        TableName: env.TABLE_NAME,
        Key: keys.approval(input.tenantId, approval.approvalId),
        UpdateExpression: 'SET #status = :expired',
        ConditionExpression: '#status = :pending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':expired': 'expired', ':pending': 'pending' },
        ReturnValues: 'ALL_NEW',
      }),
    ).then(
      (expired) => announce({ tenantId: input.tenantId, approval: expired.Attributes as StoredApproval, end: { kind: 'expired', at: new Date().toISOString() } }),
      (error: Error) => {
        if (error.name !== 'ConditionalCheckFailedException') throw error;
      },
    );
  }
  await updateRecord(env.TABLE_NAME, input.tenantId, input.investigationId, {
    status,
    ...(status === 'expired' && approval ? { approval: { ...approval, status: 'expired' as const } } : {}),
    ...(status === 'rejected' && approval ? { approval: { ...approval, status: 'rejected' as const } } : {}),
  });
  await appendAudit(env.TABLE_NAME, input.tenantId, input.investigationId, { type: `investigation.${status}`, actor: 'causeway', detail }, { entryId: `finish-${input.investigationId}` });
  if (status === 'failed' && record) await releaseFailedClaims(env.TABLE_NAME, record);
  return { status };
});
