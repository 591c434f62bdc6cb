import { BatchGetCommand, DeleteCommand, DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { setImmediate as tick } from 'node:timers/promises';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { withStartLock } from '../../../functions/ingest/start-lock.js';
import { keys } from '../../../functions/shared/table.js';

/** The tenant partition's start locks, as conditional writes find them; every request yields first, so concurrent callers interleave. */
const dynamo = mockClient(DynamoDBDocumentClient);
let table: Map<string, Record<string, unknown>>;
const conditionFailed = () => Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });

beforeEach(() => {
  dynamo.reset();
  table = new Map();
  dynamo.on(PutCommand).callsFake(async (input) => {
    await tick();
    const current = table.get(input.Item.sk);
    if (current && !((current.leaseUntilMs as number) < input.ExpressionAttributeValues[':now'])) throw conditionFailed();
    table.set(input.Item.sk, input.Item);
    return {};
  });
  dynamo.on(DeleteCommand).callsFake(async (input) => {
    await tick();
    if (table.get(input.Key.sk)?.owner !== input.ExpressionAttributeValues[':owner']) throw conditionFailed();
    table.delete(input.Key.sk);
    return {};
  });
  dynamo.on(BatchGetCommand).callsFake(async (input) => {
    await tick();
    const wanted = input.RequestItems.t.Keys as { sk: string }[];
    return { Responses: { t: wanted.flatMap((k) => (table.has(k.sk) ? [structuredClone(table.get(k.sk)!)] : [])) } };
  });
});
afterAll(() => dynamo.restore());

const lockSk = (service: string) => keys.startLock('acme', service).sk;

describe('start locks', () => {
  it('locks only its own service: one put and one delete, with the neighbours’ locks read beside what the decision needs', async () => {
    const open = keys.openByService('acme', 'checkout');
    const decided = await withStartLock('t', 'acme', 'checkout', ['checkout', 'cart', 'payments'], [open], async (items) => {
      expect(table.has(lockSk('checkout'))).toBe(true);
      return [...items.keys()];
    });
    await decided.released();
    expect(decided.value).toEqual([]);
    expect(dynamo.commandCalls(PutCommand)).toHaveLength(1);
    expect(dynamo.commandCalls(DeleteCommand)).toHaveLength(1);
    expect(dynamo.commandCalls(BatchGetCommand)[0]!.args[0].input.RequestItems!.t!.Keys!.map((k) => k.sk)).toEqual([lockSk('cart'), lockSk('payments'), open.sk]);
    expect(table.size).toBe(0);
  });

  it('never decides while an adjacent service decides: two alerts arriving together take turns', async () => {
    for (let round = 0; round < 20; round++) {
      const inside = new Set<string>();
      let overlapped = false;
      const decide = (service: string) => async () => {
        inside.add(service);
        if (inside.size > 1) overlapped = true;
        for (let i = 0; i < 5; i++) await tick();
        inside.delete(service);
        return service;
      };
      const runs = await Promise.all([
        withStartLock('t', 'acme', 'edge-web', ['edge-web', 'edge-db'], [], decide('edge-web')),
        withStartLock('t', 'acme', 'edge-db', ['edge-db', 'edge-web'], [], decide('edge-db')),
      ]);
      await Promise.all(runs.map((r) => r.released()));
      expect(overlapped).toBe(false);
      expect(table.size).toBe(0);
    }
  });

  it('waits while a neighbour that sorts first holds its lock, letting go of its own meanwhile', async () => {
    table.set(lockSk('cart'), { ...keys.startLock('acme', 'cart'), owner: 'other', leaseUntilMs: Date.now() + 60_000 });
    let ownHeldWhileWaiting = true;
    setTimeout(() => {
      ownHeldWhileWaiting = table.has(lockSk('checkout'));
      table.delete(lockSk('cart'));
    }, 50);
    const decided = await withStartLock('t', 'acme', 'checkout', ['cart'], [], async () => 'decided', 2_000);
    await decided.released();
    expect(decided.value).toBe('decided');
    expect(ownHeldWhileWaiting).toBe(false);
  });

  it('decides without a neighbour’s lock that stays taken past the wait, and takes over one whose lease ran out', async () => {
    table.set(lockSk('cart'), { ...keys.startLock('acme', 'cart'), owner: 'stalled', leaseUntilMs: Date.now() + 60_000 });
    table.set(lockSk('checkout'), { ...keys.startLock('acme', 'checkout'), owner: 'crashed', leaseUntilMs: Date.now() - 1 });
    const decided = await withStartLock('t', 'acme', 'checkout', ['cart'], [], async () => 'decided', 100);
    await decided.released();
    expect(decided.value).toBe('decided');
    expect(dynamo.commandCalls(BatchGetCommand).length).toBeGreaterThan(1);
    expect(table.get(lockSk('cart'))?.owner).toBe('stalled');
    expect(table.has(lockSk('checkout'))).toBe(false);
  });
});
