import { createHash } from 'node:crypto';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import { MAX_INLINE_BYTES, MAX_STORED_CHUNKS, ProviderResult, ScoredEvidence, StoredRef } from '../contracts/index.js';
import { CausewayError } from './errors.js';
import { decodeNumberRuns, encodeNumberRuns } from './number-runs.js';
import { compress, decompress } from './packed.js';
import { isTransient, toStageError } from './transient.js';
import { documentClient, isExpired, ttlAfter } from './table.js';

/*
 * The claim check. Provider results and the scored digest are too large to ride in the
 * state between states (Step Functions allows 256 KiB, and byte budgets are per plan, so a
 * tenant's every extra backend adds its own); they are stored here, keyed by tenant and
 * investigation, and the state carries a `StoredRef` and a few summary fields. Every stage
 * that reads a result reads it through this module, which refuses another investigation's
 * reference.
 *
 * Stored in the one DynamoDB table rather than S3: the local stack has DynamoDB (dynalite)
 * and no S3, and the same code must run in both; a compressed result is 3–10 KB, where
 * DynamoDB's per-request cost is below S3's PUT and GET. A value that compresses to at most
 * MAX_INLINE_BYTES (a provider that found nothing, a handful of changes) is not written at all:
 * it travels in its reference, checked by the same hash, as DynamoDB would bill its item a
 * whole write unit. Values are compressed (`packed.ts`: JSON shrinks 5–10×, and write
 * units are billed per KB), their runs of numbers (metric series) first rewritten as
 * differences when that compresses smaller (`number-runs.ts`), and split into items of at
 * most 350 KB, under DynamoDB's 400 KB item limit; a value needing more than MAX_STORED_CHUNKS items is
 * refused with StoredValueTooLargeError rather than written in part.
 *
 * Items live in their own partition, `TENANT#<tenant>#EVIDENCE#<investigation>`, so IAM can
 * hold the writers (the provider Lambdas, Score) to these items alone (`dynamodb:LeadingKeys`),
 * and each item's sort key carries the value's hash, so a retried writer never overwrites
 * what an earlier attempt's reference points at. They expire with the longest an
 * investigation can run (its eight-day approval wait) plus a day, but the scored evidence,
 * which the investigation record points at instead of holding a copy.
 */

/** Compressed bytes per item: DynamoDB's item limit is 400 KB, keys and attribute names included. */
export const CHUNK_BYTES = 350 * 1024;

/** The state machine's 8-day timeout plus a day: nothing reads a stored value after its execution ended. */
export const STORED_TTL_SECONDS = 9 * 24 * 3600;

/** The partition of one investigation's stored values; writers are fenced to `TENANT#*#EVIDENCE#*`. */
export function storedPartition(tenantId: string, investigationId: string): string {
  return `TENANT#${tenantId}#EVIDENCE#${investigationId}`;
}

/** The IAM `dynamodb:LeadingKeys` pattern that matches every stored value's partition and nothing else. */
export const STORED_LEADING_KEYS = 'TENANT#*#EVIDENCE#*';

function chunkKey(ref: Pick<StoredRef, 'tenantId' | 'investigationId' | 'name' | 'sha256'>, index: number) {
  return { pk: storedPartition(ref.tenantId, ref.investigationId), sk: `${ref.name}#${ref.sha256.slice(0, 16)}#${String(index).padStart(2, '0')}` };
}

/** A value that would need more than MAX_STORED_CHUNKS items even compressed: refused whole, never stored in part. */
export class StoredValueTooLargeError extends CausewayError {
  constructor(name: string, storedBytes: number) {
    super(`${name} is ${storedBytes} bytes compressed; at most ${MAX_STORED_CHUNKS * CHUNK_BYTES} can be stored`, 413);
  }
}

/** Storing a value failed in a way a retry cannot mend (access, validation): the run's Catch records it. */
export class StoredValueWriteError extends CausewayError {
  constructor(name: string, options: { cause: unknown }) {
    super(`${name} could not be stored: ${(options.cause as Error)?.name ?? 'Error'}`, 500, options);
  }
}

/** The reference names an item that is gone, expired, incomplete or not what was written (its hash differs). */
export class StoredValueMissingError extends CausewayError {
  constructor(message: string) {
    super(message, 404);
  }
}

/** A reference to another tenant's or another investigation's value: never read, whatever it points at. */
export class StoredValueRefusedError extends CausewayError {
  constructor(message: string) {
    super(message, 403);
  }
}

/** Whose stored values a stage may read: the tenant and investigation in its own input. */
export interface StoreOwner {
  tenantId: string;
  investigationId: string;
}

/** Where a store writes and reads: the table, and a client (the module's own unless a test or the CLI passes one). */
export interface StoreTarget {
  tableName: string;
  db?: DynamoDBDocumentClient;
}

/** Names a DynamoDB failure: transient ones leave as they are, for the stage wrapper to retry; the rest as `wrap` says. */
function rethrow(error: unknown, wrap: (error: unknown) => Error): never {
  if (error instanceof CausewayError || isTransient(error)) throw toStageError(error);
  throw wrap(error);
}

/** The smaller of the plain compressed JSON and its number runs rewritten (`number-runs.ts`), compressed. */
function smallest(plain: Buffer, runs: Buffer | undefined): Buffer {
  if (!runs) return plain;
  const rewritten = compress(runs);
  return rewritten.length < plain.length ? rewritten : plain;
}

/**
 * Stores a value of the owner's investigation under `name` and returns its reference. It
 * expires with the run unless `kept`: a value the record goes on pointing at lives as long
 * as the record.
 */
export async function storeValue(target: StoreTarget, owner: StoreOwner, name: string, value: unknown, options: { kept?: boolean } = {}): Promise<StoredRef> {
  const text = JSON.stringify(value);
  const json = Buffer.from(text);
  const packed = smallest(compress(json), encodeNumberRuns(text));
  if (packed.length > MAX_STORED_CHUNKS * CHUNK_BYTES) throw new StoredValueTooLargeError(name, packed.length);
  const ref = StoredRef.parse({
    tenantId: owner.tenantId,
    investigationId: owner.investigationId,
    name,
    chunks: Math.max(1, Math.ceil(packed.length / CHUNK_BYTES)),
    bytes: json.length,
    storedBytes: packed.length,
    sha256: createHash('sha256').update(json).digest('hex'),
    ...(packed.length <= MAX_INLINE_BYTES ? { inline: packed.toString('base64') } : {}),
  });
  if (ref.inline) return ref;
  const db = target.db ?? documentClient;
  const expiry = options.kept ? {} : { expiresAt: ttlAfter(STORED_TTL_SECONDS) };
  try {
    await Promise.all(
      Array.from({ length: ref.chunks }, (_, i) =>
        db.send(new PutCommand({ TableName: target.tableName, Item: { ...chunkKey(ref, i), body: packed.subarray(i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES), ...expiry } })),
      ),
    );
  } catch (error) {
    rethrow(error, (cause) => new StoredValueWriteError(name, { cause }));
  }
  return ref;
}

type StoredItem = { sk?: unknown; body?: Uint8Array; expiresAt?: number } | undefined;

/** The reference, parsed, when it is the owner's; refused when it names another investigation. */
function ownRef(owner: StoreOwner, raw: unknown): StoredRef {
  const parsed = StoredRef.safeParse(raw);
  if (!parsed.success) throw new StoredValueMissingError('not a stored-value reference');
  const ref = parsed.data;
  if (ref.tenantId !== owner.tenantId || ref.investigationId !== owner.investigationId) {
    throw new StoredValueRefusedError(`a reference to ${ref.name} of another investigation was refused`);
  }
  return ref;
}

/** A value that travelled in its reference, as the one item it would otherwise have been. */
const inlineItems = (ref: StoredRef): StoredItem[] => [{ body: Buffer.from(ref.inline!, 'base64') }];

/** The value from its chunks, in order, checked whole, unexpired and what was written. */
function valueOf<S extends z.ZodType>(ref: StoredRef, items: StoredItem[], schema: S): z.infer<S> {
  const now = Date.now();
  if (items.length !== ref.chunks || items.some((item) => !item?.body || isExpired(item, now))) throw new StoredValueMissingError(`${ref.name} is missing or expired`);
  let json: Buffer;
  try {
    json = decodeNumberRuns(decompress(Buffer.concat(items.map((item) => Buffer.from(item!.body!)))));
  } catch {
    throw new StoredValueMissingError(`${ref.name} is not what was stored (it does not decompress)`);
  }
  if (createHash('sha256').update(json).digest('hex') !== ref.sha256) throw new StoredValueMissingError(`${ref.name} is not what was stored (its hash differs)`);
  const value = schema.safeParse(JSON.parse(json.toString('utf8')));
  if (!value.success) throw new StoredValueMissingError(`${ref.name} does not hold what its reader expects`);
  return value.data;
}

/** Reads a value back through its reference, for its owner only, and checks it is whole and what was written. */
export async function readValue<S extends z.ZodType>(target: StoreTarget, owner: StoreOwner, raw: unknown, schema: S): Promise<z.infer<S>> {
  const ref = ownRef(owner, raw);
  if (ref.inline !== undefined) return valueOf(ref, inlineItems(ref), schema);
  const db = target.db ?? documentClient;
  let items: StoredItem[] = [];
  try {
    items = await Promise.all(
      Array.from({ length: ref.chunks }, async (_, i) => (await db.send(new GetCommand({ TableName: target.tableName, Key: chunkKey(ref, i), ConsistentRead: true }))).Item as StoredItem),
    );
  } catch (error) {
    rethrow(error, (cause) => new StoredValueMissingError(`${ref.name} could not be read: ${(cause as Error)?.name ?? 'Error'}`));
  }
  return valueOf(ref, items, schema);
}

/**
 * The key condition of a Query for every stored item of `name` in an investigation, so a
 * reader can fetch them beside another query, in the same round trip, before it holds the
 * reference; {@link valueFromItems} then picks the reference's own.
 */
export function storedItemsCondition(owner: StoreOwner, name: string): { KeyConditionExpression: string; ExpressionAttributeValues: Record<string, string> } {
  return { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :name)', ExpressionAttributeValues: { ':pk': storedPartition(owner.tenantId, owner.investigationId), ':name': `${name}#` } };
}

/** The value a reference names, from items a query returned (see {@link storedItemsCondition}), checked as {@link readValue} checks it. */
export function valueFromItems<S extends z.ZodType>(owner: StoreOwner, raw: unknown, items: readonly Record<string, unknown>[], schema: S): z.infer<S> {
  const ref = ownRef(owner, raw);
  if (ref.inline !== undefined) return valueOf(ref, inlineItems(ref), schema);
  const bySk = new Map(items.map((item) => [item.sk, item as StoredItem]));
  return valueOf(
    ref,
    Array.from({ length: ref.chunks }, (_, i) => bySk.get(chunkKey(ref, i).sk)),
    schema,
  );
}

/** A provider's whole result, stored by its plan id. */
export function storeProviderResult(target: StoreTarget, owner: StoreOwner, result: ProviderResult): Promise<StoredRef> {
  return storeValue(target, owner, `result-${result.planId}`, result);
}

export function readProviderResult(target: StoreTarget, owner: StoreOwner, ref: unknown): Promise<ProviderResult> {
  return readValue(target, owner, ref, ProviderResult);
}

/** The name the scored evidence is stored under. */
export const SCORED = 'scored';

/**
 * The scored evidence (suspects, timeline, the bounded digest), stored once by Score. It
 * does not expire: the investigation record keeps this reference as its scored evidence
 * rather than a second copy (`records.ts`).
 */
export function storeScored(target: StoreTarget, owner: StoreOwner, scored: ScoredEvidence): Promise<StoredRef> {
  return storeValue(target, owner, SCORED, scored, { kept: true });
}

export function readScored(target: StoreTarget, owner: StoreOwner, ref: unknown): Promise<ScoredEvidence> {
  return readValue(target, owner, ref, ScoredEvidence);
}
