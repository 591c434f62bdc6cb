import { randomBytes } from 'node:crypto';
import { brotliCompressSync, constants } from 'node:zlib';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MAX_INLINE_BYTES, ProviderResult, StoredRef } from '../../../functions/contracts/index.js';
import { storeForState } from '../../../functions/providers/handler-factory.js';
import {
  CHUNK_BYTES,
  readProviderResult,
  readValue,
  storedPartition,
  storeValue,
  StoredValueMissingError,
  StoredValueRefusedError,
  StoredValueTooLargeError,
  StoredValueWriteError,
  type StoreTarget,
} from '../../../functions/shared/evidence-store.js';
import { TransientError } from '../../../functions/shared/errors.js';
import { NUMBER_RUNS_MARK } from '../../../functions/shared/number-runs.js';
import { decompress } from '../../../functions/shared/packed.js';
import { ensureTable, startDynamo } from '../../../local/dynamodb.js';

const TABLE = 'claims';
const owner = { tenantId: 'acme', investigationId: 'inv-1' };
const Anything = z.unknown();
let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let db: DynamoDBDocumentClient;
let target: StoreTarget;

beforeAll(async () => {
  dynamo = await startDynamo();
  await ensureTable(dynamo.endpoint, TABLE);
  db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));
  target = { tableName: TABLE, db };
});

afterAll(() => {
  db.destroy();
  dynamo.server.close();
});

/** A value that compresses past MAX_INLINE_BYTES, so it is written to an item. */
const sized = (value: Record<string, unknown>) => ({ ...value, noise: randomBytes(600).toString('base64') });

const items = async (investigationId: string) =>
  (await db.send(new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': storedPartition('acme', investigationId) } }))).Items ?? [];

const result: ProviderResult = ProviderResult.parse({
  planId: 'metrics-prom',
  evidenceClass: 'metrics',
  backend: { id: 'prom', type: 'prometheus' },
  status: 'no_data',
  query: { text: 'up', target: 'http://prom', window: { from: '2026-06-01T08:00:00Z', to: '2026-06-01T09:05:00Z' } },
  durationMs: 12,
  notes: ['nothing matched'],
  items: [],
});

describe('the claim check', () => {
  it('stores a value compressed in its own investigation partition, with a TTL, and reads it back whole', async () => {
    const value = sized({ words: 'checkout failed '.repeat(2000) });
    const ref = await storeValue(target, owner, 'scored', value);
    expect(ref).toMatchObject({ tenantId: 'acme', investigationId: 'inv-1', name: 'scored', chunks: 1, bytes: JSON.stringify(value).length });
    expect(ref.storedBytes).toBeLessThan(ref.bytes / 10);
    const stored = await items('inv-1');
    expect(stored).toHaveLength(1);
    expect(stored[0]!.expiresAt).toBeGreaterThan(Date.now() / 1000 + 8 * 24 * 3600);
    expect(await readValue(target, owner, ref, Anything)).toEqual(value);
  });

  it('stores metric series with their numbers as differences when that is smaller, and reads back the same value, hash and all', async () => {
    const values = Array.from({ length: 3000 }, (_, i) => (i % 97 === 3 ? null : Math.round((0.4 + 0.05 * Math.sin(i / 7) + ((i * 7919) % 101) / 1e4) * 1e4) / 1e4));
    const value = { items: [{ class: 'metrics', name: 'container_cpu_usage_ratio', startMs: 1778592090000, stepMs: 60000, values }] };
    const ref = await storeValue(target, { ...owner, investigationId: 'inv-series' }, 'result-metrics', value);
    expect(ref.storedBytes).toBeLessThan(brotliCompressSync(JSON.stringify(value), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length);
    const [stored] = await items('inv-series');
    expect(decompress(stored!.body as Uint8Array)[0]).toBe(NUMBER_RUNS_MARK);
    expect(await readValue(target, { ...owner, investigationId: 'inv-series' }, ref, Anything)).toEqual(value);
  });

  it('keeps a value the record points at: no TTL', async () => {
    await storeValue(target, { ...owner, investigationId: 'inv-kept' }, 'scored', sized({ suspects: [] }), { kept: true });
    const [stored] = await items('inv-kept');
    expect(stored).toBeDefined();
    expect(stored).not.toHaveProperty('expiresAt');
  });

  it('splits a value over DynamoDB’s item limit into items under it, and joins them on read', async () => {
    const value = { noise: randomBytes(Math.ceil(CHUNK_BYTES * 1.5)).toString('base64') };
    const ref = await storeValue(target, { ...owner, investigationId: 'inv-big' }, 'result-logs', value);
    expect(ref.chunks).toBe(2);
    const stored = await items('inv-big');
    expect(stored).toHaveLength(2);
    for (const item of stored) expect((item.body as Uint8Array).length).toBeLessThanOrEqual(CHUNK_BYTES);
    expect(await readValue(target, { ...owner, investigationId: 'inv-big' }, ref, Anything)).toEqual(value);
  });

  it('refuses a value too large to store, writing nothing', async () => {
    const huge = { noise: randomBytes(CHUNK_BYTES * 17).toString('base64') };
    await expect(storeValue(target, { ...owner, investigationId: 'inv-huge' }, 'result-logs', huge)).rejects.toBeInstanceOf(StoredValueTooLargeError);
    expect(await items('inv-huge')).toEqual([]);
  });

  it('refuses to read another tenant’s or another investigation’s value, whatever the reference says', async () => {
    const ref = await storeValue(target, owner, 'result-a', sized({ secret: 'acme evidence' }));
    await expect(readValue(target, { tenantId: 'globex', investigationId: 'inv-1' }, ref, Anything)).rejects.toBeInstanceOf(StoredValueRefusedError);
    await expect(readValue(target, { ...owner, investigationId: 'inv-2' }, ref, Anything)).rejects.toBeInstanceOf(StoredValueRefusedError);
    // A forged reference naming the reader's own investigation finds nothing there: keys come from the reader's ids.
    await expect(readValue(target, { tenantId: 'globex', investigationId: 'inv-1' }, { ...ref, tenantId: 'globex' }, Anything)).rejects.toBeInstanceOf(StoredValueMissingError);
  });

  it('treats a missing, expired, altered or malformed value as missing, by a typed error', async () => {
    const ref = await storeValue(target, owner, 'result-b', sized({ n: 1 }));
    await expect(readValue(target, owner, { ...ref, name: 'result-c' }, Anything)).rejects.toBeInstanceOf(StoredValueMissingError);
    await expect(readValue(target, owner, { ...ref, sha256: 'f'.repeat(64) }, Anything)).rejects.toThrow(/missing or expired/);
    await expect(readValue(target, owner, { not: 'a reference' }, Anything)).rejects.toThrow(/not a stored-value reference/);
    await expect(readValue(target, owner, ref, z.object({ n: z.string() }))).rejects.toThrow(/does not hold what its reader expects/);
    const [item] = (await items('inv-1')).filter((i) => String(i.sk).startsWith('result-b#'));
    await db.send(new PutCommand({ TableName: TABLE, Item: { ...item, body: Buffer.from('not gzip') } }));
    await expect(readValue(target, owner, ref, Anything)).rejects.toThrow(/does not decompress/);
    await db.send(new UpdateCommand({ TableName: TABLE, Key: { pk: item!.pk, sk: item!.sk }, UpdateExpression: 'SET expiresAt = :past', ExpressionAttributeValues: { ':past': 1 } }));
    await expect(readValue(target, owner, ref, Anything)).rejects.toThrow(/missing or expired/);
  });

  it('keeps a retried writer’s first value readable: each value’s items are keyed by its hash', async () => {
    const first = await storeValue(target, owner, 'result-retried', { attempt: 1 });
    const second = await storeValue(target, owner, 'result-retried', { attempt: 2 });
    expect(await readValue(target, owner, first, Anything)).toEqual({ attempt: 1 });
    expect(await readValue(target, owner, second, Anything)).toEqual({ attempt: 2 });
  });

  it('carries a value of at most MAX_INLINE_BYTES compressed in its reference, writing no item, checked by the same hash', async () => {
    const ref = await storeValue(target, { ...owner, investigationId: 'inv-inline' }, 'result-none', result);
    expect(ref.inline).toBeDefined();
    expect(ref.storedBytes).toBeLessThanOrEqual(MAX_INLINE_BYTES);
    expect(await items('inv-inline')).toEqual([]);
    expect(await readProviderResult(target, { ...owner, investigationId: 'inv-inline' }, ref)).toEqual(result);
    await expect(readProviderResult(target, owner, ref)).rejects.toBeInstanceOf(StoredValueRefusedError);
    const other = await storeValue(target, { ...owner, investigationId: 'inv-inline' }, 'result-none', { ...result, notes: ['something else'] });
    await expect(readValue(target, { ...owner, investigationId: 'inv-inline' }, { ...ref, inline: other.inline }, Anything)).rejects.toThrow(/hash differs/);
  });

  it('hands a provider’s state a reference and a few fields, and Score the whole result back', async () => {
    const plan = { tenantId: 'acme', investigationId: 'inv-1' } as Parameters<typeof storeForState>[1];
    const kept = await storeForState(target, plan, result);
    expect(kept).toEqual({ planId: 'metrics-prom', evidenceClass: 'metrics', backend: { id: 'prom', type: 'prometheus' }, status: 'no_data', itemCount: 0, durationMs: 12, result: expect.objectContaining({ name: 'result-metrics-prom' }) });
    expect(StoredRef.parse(kept.result)).toBeTruthy();
    expect(await readProviderResult(target, owner, kept.result)).toEqual(result);
  });

  it('names a throttled write transient (retried by the ASL) and any other failed write StoredValueWriteError', async () => {
    const mocked = mockClient(DynamoDBDocumentClient);
    const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
    mocked.on(PutCommand).rejectsOnce(Object.assign(new Error('slow down'), { name: 'ProvisionedThroughputExceededException' })).rejects(Object.assign(new Error('no'), { name: 'AccessDeniedException' }));
    await expect(storeValue({ tableName: TABLE, db: client }, owner, 'scored', sized({ n: 1 }))).rejects.toBeInstanceOf(TransientError);
    await expect(storeValue({ tableName: TABLE, db: client }, owner, 'scored', sized({ n: 1 }))).rejects.toBeInstanceOf(StoredValueWriteError);
    mocked.restore();
  });
});
