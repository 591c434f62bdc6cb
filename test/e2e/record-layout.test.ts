import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FOLLOW_UP_QUESTIONS, type FollowUpQuestion } from '../../functions/contracts/index.js';
import { appendQuestion, createRecord, markSignalResolved, readRecord, recordApprovalDecision, recordDiagnosis, recordStageResult, updateRecord } from '../../functions/shared/records.js';
import { readAudit } from '../../functions/shared/audit.js';
import { storeScored } from '../../functions/shared/evidence-store.js';
import { keys } from '../../functions/shared/table.js';
import { startLocalStack, type LocalStack } from '../../local/stack.js';
import { diagnosedRecord } from '../helpers/investigation-records.js';

let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack();
});

afterAll(async () => {
  await stack.stop();
});

/** A record as ingest starts it, and the diagnosis the Record stage later writes, from one diagnosed fixture. */
function fixture(id: string) {
  const { scored, rca, similar, questions: _questions, ...start } = diagnosedRecord({ id, tenantId: 'layout' });
  return { start: { ...start, status: 'investigating' as const }, diagnosis: { executionName: id, scored: scored!, rca: rca!, similar } };
}

const parts = async (id: string) =>
  (await stack.db.send(new QueryCommand({ TableName: stack.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.investigation('layout', id).pk } }))).Items ?? [];

describe('the investigation record in parts', () => {
  it('reads back whole what the lifecycle wrote in parts, the status item staying small while the diagnosis is written once', async () => {
    const { start, diagnosis } = fixture('inv-parts');
    expect(await createRecord(stack.tableName, start)).toBe(true);
    expect(await readRecord(stack.tableName, 'layout', 'inv-parts', stack.db)).toMatchObject({ status: 'investigating', signal: start.signal, relatedSignals: [] });
    await recordDiagnosis(stack.tableName, 'layout', 'inv-parts', diagnosis);
    const policy = { decision: 'none' as const, reasons: ['no action is catalogued for this cause'], approvalTimeoutSeconds: 3600 };
    await updateRecord(stack.tableName, 'layout', 'inv-parts', { policy });
    await updateRecord(stack.tableName, 'layout', 'inv-parts', { status: 'awaiting_approval', approval: { approvalId: 'a-1', status: 'pending', expiresAt: '2026-06-01T11:00:00.000Z' } });

    const record = await readRecord(stack.tableName, 'layout', 'inv-parts', stack.db);
    expect(record).toMatchObject({ status: 'awaiting_approval', scored: diagnosis.scored, rca: diagnosis.rca, policy, approval: { approvalId: 'a-1', status: 'pending' } });
    expect((await parts('inv-parts')).map((item) => item.sk).sort()).toEqual(['RECORD', 'RECORD#DIAGNOSIS', 'RECORD#POLICY', 'RECORD#SIGNAL']);
    const status = await stack.db.send(new GetCommand({ TableName: stack.tableName, Key: keys.investigation('layout', 'inv-parts') }));
    expect(Buffer.byteLength(JSON.stringify(status.Item))).toBeLessThan(2048);
    expect(status.Item?.record).not.toHaveProperty('scored');
    expect(status.Item).toMatchObject({ listStatus: 'awaiting_approval', listRca: { service: 'pricing', kind: 'deployment' } });
  });

  it('records the approval decision once in its own part, the status item staying under the 1 KiB a write unit bills', async () => {
    const { start, diagnosis } = fixture('inv-decided');
    await createRecord(stack.tableName, start);
    await recordDiagnosis(stack.tableName, 'layout', 'inv-decided', diagnosis);
    const pending = { approvalId: 'a-2', status: 'pending' as const, expiresAt: '2026-06-01T11:00:00.000Z' };
    await updateRecord(stack.tableName, 'layout', 'inv-decided', { status: 'awaiting_approval', approval: pending });
    const decision = { status: 'approved' as const, decidedBy: 'oncall@example.com', decidedAt: '2026-06-01T10:30:00.000Z', decider: { via: 'oidc' as const, issuer: 'https://login.example.com/tenant-0123456789abcdef/v2.0', subject: 'sub-0123456789abcdef0123456789abcdef', email: 'oncall@example.com' } };
    const decidedEntry = { entry: { type: 'approval.decided', actor: 'oncall@example.com', detail: { approvalId: 'a-2' } }, entryId: 'approval-decided-a-2' };
    await recordApprovalDecision(stack.tableName, 'layout', 'inv-decided', decision, decidedEntry);
    // Recorded again by a later attempt: the first decision and its entry stay as written.
    await recordApprovalDecision(stack.tableName, 'layout', 'inv-decided', { ...decision, decidedAt: '2026-06-01T10:31:00.000Z' }, decidedEntry);
    const trail = await readAudit(stack.tableName, 'layout', 'inv-decided', stack.db);
    expect(trail).toEqual([{ ...decidedEntry.entry, entryId: 'approval-decided-a-2', at: expect.any(String) }]);

    const decided = await readRecord(stack.tableName, 'layout', 'inv-decided', stack.db);
    expect(decided).toMatchObject({ tenantId: 'layout', investigationId: 'inv-decided', executionName: 'inv-decided', createdAt: start.createdAt, status: 'awaiting_approval', relatedSignals: [], approval: { ...pending, ...decision } });
    const item = (await stack.db.send(new GetCommand({ TableName: stack.tableName, Key: keys.investigation('layout', 'inv-decided') }))).Item!;
    expect(item.record.approval).toEqual(pending);
    expect(item.listUpdatedAt).toBe(item.record.updatedAt);
    const capacity = await stack.db.send(
      new UpdateCommand({ TableName: stack.tableName, Key: keys.investigation('layout', 'inv-decided'), UpdateExpression: 'SET touched = :t', ExpressionAttributeValues: { ':t': true }, ReturnConsumedCapacity: 'TOTAL' }),
    );
    expect(capacity.ConsumedCapacity?.CapacityUnits).toBe(1);

    // A later step that moves the approval on in the status item wins over the decision's state.
    await updateRecord(stack.tableName, 'layout', 'inv-decided', { status: 'expired', approval: { ...decided!.approval!, status: 'expired' } });
    expect((await readRecord(stack.tableName, 'layout', 'inv-decided', stack.db))?.approval).toEqual({ ...pending, ...decision, status: 'expired' });
  });

  it('writes a stage result with its step’s audit entry once: a retry keeps the first, and is told so', async () => {
    const { start } = fixture('inv-stage-once');
    await createRecord(stack.tableName, start);
    const first = { decision: 'none' as const, reasons: ['no action is catalogued for this cause'], approvalTimeoutSeconds: 3600 };
    const audit = { entry: { type: 'policy.decided', actor: 'causeway:policy', detail: { decision: 'none' } }, entryId: 'policy-inv-stage-once' };
    expect(await recordStageResult(stack.tableName, 'layout', 'inv-stage-once', 'policy', first, audit)).toBe(true);
    expect(await recordStageResult(stack.tableName, 'layout', 'inv-stage-once', 'policy', { ...first, reasons: ['a freeze window opened'] }, { ...audit, entry: { ...audit.entry, detail: { decision: 'deny' } } })).toBe(false);
    expect((await readRecord(stack.tableName, 'layout', 'inv-stage-once', stack.db))?.policy).toEqual(first);
    expect(await readAudit(stack.tableName, 'layout', 'inv-stage-once', stack.db)).toEqual([{ ...audit.entry, entryId: audit.entryId, at: expect.any(String) }]);
  });

  it('a retried start leaves a record its run has moved on as it is', async () => {
    const { start, diagnosis } = fixture('inv-retried');
    await createRecord(stack.tableName, start);
    await recordDiagnosis(stack.tableName, 'layout', 'inv-retried', diagnosis);
    expect(await createRecord(stack.tableName, start)).toBe(false);
    expect((await readRecord(stack.tableName, 'layout', 'inv-retried', stack.db))?.status).toBe('diagnosed');
  });

  it('marks the alert resolved on the record without rewriting the alert, and refuses a record that does not exist', async () => {
    const { start } = fixture('inv-resolved');
    await createRecord(stack.tableName, start);
    expect(await markSignalResolved(stack.tableName, 'layout', 'inv-resolved')).toBe(true);
    expect((await readRecord(stack.tableName, 'layout', 'inv-resolved', stack.db))?.signal).toEqual({ ...start.signal, status: 'resolved' });
    expect(await markSignalResolved(stack.tableName, 'layout', 'inv-never')).toBe(false);
    await expect(updateRecord(stack.tableName, 'layout', 'inv-never', { status: 'failed' })).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
  });

  it('is absent until both its status item and its alert exist, and is never read across tenants', async () => {
    const { start } = fixture('inv-tenant');
    await createRecord(stack.tableName, start);
    expect(await readRecord(stack.tableName, 'other', 'inv-tenant', stack.db)).toBeUndefined();
    expect(await readRecord(stack.tableName, 'layout', 'inv-absent', stack.db)).toBeUndefined();
  });

  it('keeps at most the bound of follow-up questions', async () => {
    const { start } = fixture('inv-questions');
    await createRecord(stack.tableName, start);
    const question: FollowUpQuestion = { at: '2026-06-01T10:05:00.000Z', question: 'why pricing?', answer: 'CHANGE_1 deployed it', evidenceIds: ['CHANGE_1'], verified: true, author: 'deterministic', caveats: [] };
    for (let i = 0; i < MAX_FOLLOW_UP_QUESTIONS; i++) expect(await appendQuestion(stack.tableName, 'layout', 'inv-questions', question)).toBe(true);
    expect(await appendQuestion(stack.tableName, 'layout', 'inv-questions', question)).toBe(false);
    expect((await readRecord(stack.tableName, 'layout', 'inv-questions', stack.db))?.questions).toHaveLength(MAX_FOLLOW_UP_QUESTIONS);
  });

  it('keeps the scored evidence Score stored by its reference, written once, and reads it whole', async () => {
    const { start, diagnosis } = fixture('inv-by-ref');
    const { scored, ...rest } = diagnosis;
    await createRecord(stack.tableName, start);
    const scoredRef = await storeScored({ tableName: stack.tableName, db: stack.db }, { tenantId: 'layout', investigationId: 'inv-by-ref' }, scored);
    await recordDiagnosis(stack.tableName, 'layout', 'inv-by-ref', { ...rest, scoredRef });
    expect(await readRecord(stack.tableName, 'layout', 'inv-by-ref', stack.db)).toMatchObject({ status: 'diagnosed', scored, rca: diagnosis.rca });
    const part = (await parts('inv-by-ref')).find((item) => item.sk === 'RECORD#DIAGNOSIS')!;
    expect((part.body as Uint8Array).length).toBeLessThan(1024);
  });

  it('refuses a diagnosis whose reference names another investigation, or what is not stored', async () => {
    const { start, diagnosis } = fixture('inv-bad-ref');
    const { scored, ...rest } = diagnosis;
    await createRecord(stack.tableName, start);
    const otherRef = await storeScored({ tableName: stack.tableName, db: stack.db }, { tenantId: 'layout', investigationId: 'inv-by-ref-other' }, scored);
    await recordDiagnosis(stack.tableName, 'layout', 'inv-bad-ref', { ...rest, scoredRef: otherRef });
    await expect(readRecord(stack.tableName, 'layout', 'inv-bad-ref', stack.db)).rejects.toMatchObject({ name: 'StoredValueRefusedError' });
    const { inline: _inline, ...storedRef } = otherRef;
    await recordDiagnosis(stack.tableName, 'layout', 'inv-bad-ref', { ...rest, scoredRef: { ...storedRef, investigationId: 'inv-bad-ref' } });
    await expect(readRecord(stack.tableName, 'layout', 'inv-bad-ref', stack.db)).rejects.toMatchObject({ name: 'StoredValueMissingError' });
  });
});
