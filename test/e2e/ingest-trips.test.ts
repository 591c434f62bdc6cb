import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestTripsPerStart, type StartTrips } from '../../bench/ingest-trips.js';
import { startLocalStack, type LocalStack } from '../../local/stack.js';

let stack: LocalStack;
let trips: StartTrips[];

beforeAll(async () => {
  stack = await startLocalStack();
  trips = await ingestTripsPerStart(stack);
});

afterAll(async () => {
  await stack.stop();
});

describe('DynamoDB round trips to start an investigation (metered at dynalite)', () => {
  it('a service with no neighbour starts in at most 6 round trips, with no start lock', () => {
    const solo = trips.find((t) => t.neighbours === 0)!;
    expect(solo.roundTrips).toBeLessThanOrEqual(6);
    expect(Object.keys(solo.byOperation).some((op) => op.endsWith('STARTLOCK'))).toBe(false);
    // The tenant's config, the rate token, the dedup claim (alongside the archive), the group claim, the record, the start mark.
    expect(solo.byOperation).toMatchObject({ 'GetItemCommand CONFIG': 1, 'UpdateItemCommand RATE': 1, 'PutItemCommand DEDUP': 1, 'PutItemCommand OPEN': 1, 'UpdateItemCommand DEDUP': 1 });
  });

  it('a service with four neighbours locks its own service only and reads the neighbours’ locks and open investigations once, in one batch', () => {
    const hub = trips.find((t) => t.neighbours === 4)!;
    expect(hub.byOperation['BatchGetItemCommand BATCH']).toBe(1);
    expect(hub.byOperation['GetItemCommand OPEN']).toBeUndefined();
    expect(hub.byOperation['PutItemCommand STARTLOCK']).toBe(1);
    expect(hub.byOperation['DeleteItemCommand STARTLOCK']).toBe(1);
    expect(hub.roundTrips).toBeLessThanOrEqual(8);
  });
});
