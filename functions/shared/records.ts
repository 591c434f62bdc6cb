import { type DynamoDBDocumentClient, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { type FollowUpQuestion, IncidentSignal, InvestigationRecord, ScoredEvidence, type StoredRef, type LifecycleEntry, MAX_FOLLOW_UP_QUESTIONS, MAX_LIFECYCLE_ENTRIES, type RcaFeedback } from '../contracts/index.js';
import { type ConditionalWrite, putIf, updateIf } from './conditional-write.js';
import { type AuditEntry, auditFields } from './audit.js';
import { SCORED, storedItemsCondition, valueFromItems } from './evidence-store.js';
import { LISTING_SK, listingForNewRecord, listingForUpdate } from './listing.js';
import { pack, unpack } from './packed.js';
import { documentClient, keys } from './table.js';

/*
 * The investigation record, stored in parts so that a lifecycle step rewrites only what it
 * changes. DynamoDB bills every write by the whole item's size (rounded up to 1 KiB), and
 * the diagnosis alone is 25–40 KiB: kept in the item that approval, remediation and Finish
 * update, every one of those updates cost as much again. In the investigation's partition:
 *
 *   RECORD               the status item: the approval's id, state and expiry, feedback,
 *                        lifecycle, related signals, the update time, and the list index's
 *                        keys and summary (status, alert, root cause, created and listed-
 *                        change times). Kept under the 1 KiB a write unit bills: what its
 *                        key or the list attributes already hold (ids, creation time,
 *                        status) is not stored twice, and is put back on read. Updated
 *                        through the lifecycle; the list index is written only when what it
 *                        lists changes.
 *   RECORD#SIGNAL        the alert, written once with the status item. Its one changing
 *                        field, the alert's status, lives in the status item.
 *   RECORD#DIAGNOSIS     RCA and similar incidents, written once by the Record stage, and
 *                        the reference to the scored evidence Score stored (it is read
 *                        beside the record, not written a second time).
 *   RECORD#POLICY, RECORD#REMEDIATION, RECORD#OUTCOME
 *                        each written once by its stage, so the status item stays small,
 *                        carrying the stage's audit entry (`recordStageResult`).
 *   RECORD#DECISION      who decided the approval, when, and how: written once by the
 *                        approval route when it records the decision, instead of an update
 *                        of the status item, carrying the `approval.decided` audit entry.
 *                        Until a later step moves the approval on in the status item
 *                        (rejected, expired), its state is this part's.
 *   RECORD#QUESTIONS     follow-up questions, appended.
 *
 * Write-once parts are compressed JSON (`packed.ts`) with the time they were written; the record's `updatedAt`
 * is the latest of the status item's and theirs. Every reader goes through `readRecord`
 * (one Query over the `RECORD` prefix, beside one for the stored scored evidence) and gets
 * the whole `InvestigationRecord`; nothing
 * else knows this layout. Records written by the one-item layout before it are not read.
 */

/** The status item's document: the record without its write-once parts, plus the alert's current status. */
const StatusDocument = InvestigationRecord.omit({ signal: true, scored: true, rca: true, similar: true, questions: true, policy: true, remediation: true, outcome: true }).extend({
  signalStatus: IncidentSignal.shape.status.optional(),
});
export type StatusDocument = z.infer<typeof StatusDocument>;

/** Fields a stage writes once, each to its own part. */
const WRITE_ONCE = { policy: 'POLICY', remediation: 'REMEDIATION', outcome: 'OUTCOME' } as const;
type WriteOnceField = keyof typeof WRITE_ONCE;
type Part = 'SIGNAL' | 'DIAGNOSIS' | 'DECISION' | (typeof WRITE_ONCE)[WriteOnceField];

/** An approval's decision as the DECISION part holds it. */
export type ApprovalDecision = Required<Pick<ApprovalSummary, 'decidedBy' | 'decidedAt'>> & Pick<ApprovalSummary, 'decider'> & { status: 'approved' | 'rejected' };

/** What the status item keeps of an approval; the decision's who and when are in the DECISION part. */
function approvalCore(approval: ApprovalSummary): Pick<ApprovalSummary, 'approvalId' | 'status' | 'expiresAt'> {
  return { approvalId: approval.approvalId, status: approval.status, expiresAt: approval.expiresAt };
}

/** What a lifecycle step may set: status-item fields, and the write-once policy, remediation and outcome. */
export type StatusFields = Partial<Omit<StatusDocument, 'tenantId' | 'investigationId' | 'createdAt' | 'updatedAt'> & Pick<InvestigationRecord, WriteOnceField>>;

/**
 * What the Record stage writes once: the RCA, similar incidents, and the scored evidence as
 * the reference Score stored it under (or, from a caller that has no stored copy, whole).
 */
export type Diagnosis = Required<Pick<InvestigationRecord, 'rca'>> & Pick<InvestigationRecord, 'similar'> & ({ scoredRef: StoredRef } | Required<Pick<InvestigationRecord, 'scored'>>);

/** A record as it starts, before any stage has run. */
export type NewRecord = Omit<InvestigationRecord, 'scored' | 'rca' | 'similar' | 'questions' | WriteOnceField>;

type ApprovalSummary = NonNullable<InvestigationRecord['approval']>;

const STATUS_SK = 'RECORD';
const PART_PREFIX = 'RECORD';

/** The diagnosis part's scored evidence: read from the stored items it references, or held whole by a record written before. */
function scoredOf(owner: { tenantId: string; investigationId: string }, diagnosis: Record<string, unknown>, stored: readonly Record<string, unknown>[]): { scored?: ScoredEvidence } {
  const { scoredRef, scored } = diagnosis;
  if (scoredRef !== undefined) return { scored: valueFromItems(owner, scoredRef, stored, ScoredEvidence) };
  return scored === undefined ? {} : { scored: scored as ScoredEvidence };
}

function diagnosisOf(owner: { tenantId: string; investigationId: string }, body: Record<string, unknown>, stored: readonly Record<string, unknown>[]): Record<string, unknown> {
  const { scoredRef: _ref, ...rest } = body;
  return { ...rest, ...scoredOf(owner, body, stored) };
}

/**
 * What the status item does not store because its keys and list attributes hold it: the ids,
 * the creation time (the list sort key's), the status (listed), and an execution name that is
 * the investigation id. A status item written before this layout holds them, and wins.
 */
function fromKeys(owner: { tenantId: string; investigationId: string }, item: Record<string, unknown>): Record<string, unknown> {
  const listSk = String(item[LISTING_SK] ?? '');
  return { tenantId: owner.tenantId, investigationId: owner.investigationId, executionName: owner.investigationId, createdAt: listSk.slice(0, listSk.lastIndexOf('#')), status: item.listStatus };
}

/** The approval as the record shows it: the status item's, with the decision recorded beside it; a decided approval the status item still holds pending is as the decision says. */
function approvalWithDecision(approval: ApprovalSummary, decision: ApprovalDecision | undefined): ApprovalSummary {
  if (!decision) return approval;
  const { status, ...who } = decision;
  return { ...approval, ...who, status: approval.status === 'pending' ? status : approval.status };
}

/** Puts the whole record together from its items; undefined until both the status item and the signal exist. */
function assemble(owner: { tenantId: string; investigationId: string }, items: Record<string, unknown>[], stored: readonly Record<string, unknown>[]): InvestigationRecord | undefined {
  const bySk = new Map(items.map((item) => [item.sk as string, item]));
  const part = (name: Part) => bySk.get(`${PART_PREFIX}#${name}`);
  const statusItem = bySk.get(STATUS_SK);
  const status = statusItem?.record as (Record<string, unknown> & { signalStatus?: unknown; updatedAt?: string; approval?: ApprovalSummary }) | undefined;
  const signalItem = part('SIGNAL');
  if (!statusItem || !status || !signalItem) return undefined;
  const { signalStatus, approval, ...kept } = status;
  const rest = { ...fromKeys(owner, statusItem), ...kept };
  const signal = unpack(signalItem.body) as Record<string, unknown>;
  const diagnosis = part('DIAGNOSIS');
  const questions = bySk.get(`${PART_PREFIX}#QUESTIONS`)?.questions;
  const writeOnce: Record<string, unknown> = {};
  let updatedAt = rest.updatedAt ?? '';
  for (const [field, name] of Object.entries(WRITE_ONCE)) {
    const item = part(name);
    if (!item) continue;
    writeOnce[field] = unpack(item.body);
    if (typeof item.at === 'string' && item.at > updatedAt) updatedAt = item.at;
  }
  const decisionItem = part('DECISION');
  if (typeof decisionItem?.at === 'string' && decisionItem.at > updatedAt) updatedAt = decisionItem.at;
  const decided = approval && approvalWithDecision(approval, decisionItem ? (unpack(decisionItem.body) as ApprovalDecision) : undefined);
  return InvestigationRecord.parse({
    ...rest,
    ...(decided ? { approval: decided } : {}),
    updatedAt,
    signal: signalStatus === undefined ? signal : { ...signal, status: signalStatus },
    ...(diagnosis ? diagnosisOf(owner, unpack(diagnosis.body) as Record<string, unknown>, stored) : {}),
    ...writeOnce,
    ...(questions ? { questions } : {}),
  });
}

/** Reads an investigation record scoped by tenant, whole; undefined when absent. */
export async function readRecord(
  tableName: string,
  tenantId: string,
  investigationId: string,
  client: DynamoDBDocumentClient = documentClient,
): Promise<InvestigationRecord | undefined> {
  const { pk } = keys.investigation(tenantId, investigationId);
  const owner = { tenantId, investigationId };
  const [items, stored] = await Promise.all([
    queryAll(client, { TableName: tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :record)', ExpressionAttributeValues: { ':pk': pk, ':record': PART_PREFIX } }),
    queryAll(client, { TableName: tableName, ...storedItemsCondition(owner, SCORED) }),
  ]);
  return assemble(owner, items, stored);
}

/** Every item a Query matches, page after page, read consistently. */
async function queryAll(client: DynamoDBDocumentClient, input: { TableName: string; KeyConditionExpression: string; ExpressionAttributeValues: Record<string, unknown> }): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await client.send(new QueryCommand({ ...input, ConsistentRead: true, ExclusiveStartKey: startKey }));
    items.push(...(out.Items ?? []));
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/**
 * Status fields as the status item stores them: without what its keys and list attributes
 * hold (see `fromKeys`), an empty list of related signals left out, and of an approval only
 * its id, state and expiry (`recordApprovalDecision` keeps the rest).
 */
function storedStatus(investigationId: string, fields: Record<string, unknown>): Record<string, unknown> {
  const { tenantId: _tenant, investigationId: _id, createdAt: _created, status: _status, executionName, relatedSignals, approval, ...rest } = fields;
  return {
    ...rest,
    ...(executionName !== undefined && executionName !== investigationId ? { executionName } : {}),
    ...(Array.isArray(relatedSignals) && relatedSignals.length ? { relatedSignals } : {}),
    ...(approval ? { approval: approvalCore(approval as ApprovalSummary) } : {}),
  };
}

/**
 * The SET clauses for status fields, and for the list summary when they change what it lists
 * (status, alert, root cause): only then is the list index written, with the time it changed.
 * The status item's own `updatedAt` moves on every write.
 */
function statusUpdate(investigationId: string, fields: Omit<StatusFields, WriteOnceField>, listing: Partial<Pick<InvestigationRecord, 'rca'>> = {}) {
  const names: Record<string, string> = { '#record': 'record' };
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  const updatedAt = new Date().toISOString();
  for (const [field, value] of Object.entries(storedStatus(investigationId, { ...fields, updatedAt }))) {
    if (value === undefined) continue;
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    sets.push(`#record.#${field} = :${field}`);
  }
  // The list index's summary follows the record, top-level and replaced whole.
  const listed = { ...fields, ...listing };
  if (listed.status !== undefined || listed.rca !== undefined) {
    for (const [attribute, value] of Object.entries(listingForUpdate({ ...listed, updatedAt }))) {
      values[`:${attribute}`] = value;
      sets.push(`${attribute} = :${attribute}`);
    }
  }
  return { names, values, sets };
}

/**
 * Sets fields of the record: the write-once policy, remediation and outcome each to its own
 * part, the rest on the status item (with the list summary they change). Throws
 * ConditionalCheckFailedException when a status field is set on a record that does not
 * exist: a stage never creates one.
 */
export async function updateRecord(tableName: string, tenantId: string, investigationId: string, fields: StatusFields): Promise<void> {
  const statusFields: Record<string, unknown> = {};
  const writes: Promise<unknown>[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (field in WRITE_ONCE) writes.push(putPart(tableName, tenantId, investigationId, WRITE_ONCE[field as WriteOnceField], value));
    else statusFields[field] = value;
  }
  if (Object.keys(statusFields).length) writes.push(setStatus(tableName, tenantId, investigationId, statusFields));
  await Promise.all(writes);
}

/** The update of status fields on an existing record (never creating one). */
function statusWrite(tableName: string, tenantId: string, investigationId: string, fields: Omit<StatusFields, WriteOnceField>, listing?: Partial<Pick<InvestigationRecord, 'rca'>>) {
  const { names, values, sets } = statusUpdate(investigationId, fields, listing);
  return {
    TableName: tableName,
    Key: keys.investigation(tenantId, investigationId),
    UpdateExpression: `SET ${sets.join(', ')}`,
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

async function setStatus(tableName: string, tenantId: string, investigationId: string, fields: Omit<StatusFields, WriteOnceField>, listing?: Partial<Pick<InvestigationRecord, 'rca'>>): Promise<void> {
  await documentClient.send(new UpdateCommand(statusWrite(tableName, tenantId, investigationId, fields, listing)));
}

/** An audit entry that a part written at the same step carries, under its fixed id (`readAudit` reads it there). */
export interface CarriedAudit {
  entry: AuditEntry;
  entryId: string;
}

/**
 * Writes a part. One that carries an audit entry is written once (a retried step keeps the
 * part and the entry it first wrote), so the trail stays append-only: one write where a
 * part and an audit item took two.
 */
async function putPart(tableName: string, tenantId: string, investigationId: string, part: Part, value: unknown, audit?: CarriedAudit): Promise<boolean> {
  const at = new Date().toISOString();
  const item = { ...keys.investigationPart(tenantId, investigationId, part), at, body: pack(value) };
  if (!audit) {
    await documentClient.send(new PutCommand({ TableName: tableName, Item: item }));
    return true;
  }
  return (await putIf({ TableName: tableName, Item: { ...item, audit: auditFields(audit.entry, at, audit.entryId) }, ConditionExpression: 'attribute_not_exists(pk)' })).written;
}

/**
 * Creates the record when an investigation starts: the status item (conditional, so a retried
 * start never resets a record its run has moved on) and the alert beside it, sent together.
 * False when the record already existed.
 */
export async function createRecord(tableName: string, record: NewRecord): Promise<boolean> {
  const { signal, ...status } = record;
  const [created] = await Promise.all([
    putIf({
      TableName: tableName,
      Item: { ...keys.investigation(record.tenantId, record.investigationId), ...listingForNewRecord(record), record: storedStatus(record.investigationId, status) },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
    // The same alert on a retry: rewriting it is harmless.
    putPart(tableName, record.tenantId, record.investigationId, 'SIGNAL', signal),
  ]);
  return created.written;
}

/**
 * Writes the diagnosis once, then marks the record diagnosed: a reader that sees the status
 * finds the diagnosis. A retried Record stage writes the same diagnosis again. The scored
 * evidence goes in by reference when Score stored it (it never expires, and a retried Score's
 * other copy has another key, so the reference always finds what it names).
 */
export async function recordDiagnosis(tableName: string, tenantId: string, investigationId: string, diagnosis: Diagnosis & { executionName: string }): Promise<void> {
  const { executionName, ...parts } = diagnosis;
  await putPart(tableName, tenantId, investigationId, 'DIAGNOSIS', parts);
  await setStatus(tableName, tenantId, investigationId, { status: 'diagnosed', executionName }, { rca: parts.rca });
}

/**
 * Records who decided the approval, and how, once, with its `approval.decided` audit entry:
 * the DECISION part, one small write that leaves the status item (and the list, whose
 * summary it does not change) as it is; a later attempt that records it again keeps the first. The
 * record reads the approval as decided from then on, until a later step (Finish, an
 * unresumable approval) moves it on in the status item.
 */
export async function recordApprovalDecision(tableName: string, tenantId: string, investigationId: string, decision: ApprovalDecision, audit: CarriedAudit): Promise<void> {
  await putPart(tableName, tenantId, investigationId, 'DECISION', decision, audit);
}

/**
 * Writes a stage's write-once result (policy, remediation, outcome) with the audit entry of
 * the same step, once: false when an earlier attempt already wrote it (the record holds that one).
 */
export async function recordStageResult<F extends WriteOnceField>(tableName: string, tenantId: string, investigationId: string, field: F, value: NonNullable<InvestigationRecord[F]>, audit: CarriedAudit): Promise<boolean> {
  return putPart(tableName, tenantId, investigationId, WRITE_ONCE[field], value, audit);
}


/** Marks the record's alert resolved; false when the investigation has no record. */
export async function markSignalResolved(tableName: string, tenantId: string, investigationId: string): Promise<boolean> {
  return (await updateIf(statusWrite(tableName, tenantId, investigationId, { signalStatus: 'resolved' }))).written;
}

/**
 * Replaces the feedback list if nobody wrote the status item since `previousUpdatedAt`;
 * on a conflict returns the status item as it now stands when DynamoDB sent it back.
 */
export async function replaceFeedbackIfUnchanged(tableName: string, tenantId: string, investigationId: string, feedback: RcaFeedback[], previousUpdatedAt: string): Promise<ConditionalWrite> {
  return updateIf(
    {
      TableName: tableName,
      Key: keys.investigation(tenantId, investigationId),
      UpdateExpression: 'SET #record.#feedback = :feedback, #record.#updatedAt = :now',
      ConditionExpression: '#record.#updatedAt = :previous',
      ExpressionAttributeNames: { '#record': 'record', '#feedback': 'feedback', '#updatedAt': 'updatedAt' },
      ExpressionAttributeValues: { ':feedback': feedback, ':now': new Date().toISOString(), ':previous': previousUpdatedAt },
    },
    { current: true },
  );
}

/** The feedback and write time of a status item DynamoDB returned with a failed condition. */
export function statusOf(item: Record<string, unknown> | undefined): Pick<StatusDocument, 'feedback' | 'updatedAt'> | undefined {
  const parsed = StatusDocument.pick({ feedback: true, updatedAt: true }).safeParse(item?.record);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Appends one answered question in a single conditional update, so two questions asked at
 * once both land and the list never grows past its bound. False when it is full.
 */
export async function appendQuestion(tableName: string, tenantId: string, investigationId: string, question: FollowUpQuestion): Promise<boolean> {
  const outcome = await updateIf({
    TableName: tableName,
    Key: keys.investigationPart(tenantId, investigationId, 'QUESTIONS'),
    UpdateExpression: 'SET #questions = list_append(if_not_exists(#questions, :empty), :question)',
    ConditionExpression: 'attribute_not_exists(#questions) OR size(#questions) < :max',
    ExpressionAttributeNames: { '#questions': 'questions' },
    ExpressionAttributeValues: { ':empty': [], ':question': [question], ':max': MAX_FOLLOW_UP_QUESTIONS },
  });
  return outcome.written;
}

/** Appends one related alert to the status item; false while the record does not exist (its starter may be writing it). */
export async function appendToRecord(tableName: string, tenantId: string, investigationId: string, field: 'relatedSignals', entry: unknown): Promise<boolean> {
  const outcome = await updateIf({
    TableName: tableName,
    Key: keys.investigation(tenantId, investigationId),
    UpdateExpression: 'SET #record.#field = list_append(if_not_exists(#record.#field, :empty), :entry), #record.updatedAt = :now',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeNames: { '#record': 'record', '#field': field },
    ExpressionAttributeValues: { ':empty': [], ':entry': [entry], ':now': new Date().toISOString() },
  });
  return outcome.written;
}

/**
 * Appends one lifecycle event unless the record already holds it (by `entryId`, kept in a set
 * beside the list) or holds the most it keeps. False then, or when there is no record.
 */
export async function appendLifecycle(tableName: string, tenantId: string, investigationId: string, entry: LifecycleEntry, entryId: string): Promise<boolean> {
  const outcome = await updateIf({
    TableName: tableName,
    Key: keys.investigation(tenantId, investigationId),
    UpdateExpression: 'SET #record.lifecycle = list_append(if_not_exists(#record.lifecycle, :empty), :entry), #record.updatedAt = :now ADD lifecycleIds :ids',
    ConditionExpression: 'attribute_exists(pk) AND NOT contains(lifecycleIds, :id) AND (attribute_not_exists(#record.lifecycle) OR size(#record.lifecycle) < :max)',
    ExpressionAttributeNames: { '#record': 'record' },
    ExpressionAttributeValues: { ':empty': [], ':entry': [entry], ':now': new Date().toISOString(), ':max': MAX_LIFECYCLE_ENTRIES, ':id': entryId, ':ids': new Set([entryId]) },
  });
  return outcome.written;
}
