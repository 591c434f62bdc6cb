import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { LISTING_PK, LISTING_PROJECTION } from '../functions/shared/listing.js';

/** One DynamoDB request as the meter saw it. */
export interface MeteredRequest {
  command: string;
  /** Write capacity units the table billed (reads bill none), plus the list index's when the write touched it. */
  wru: number;
  /** What the request addressed, by the kind of its sort key (`RECORD`, `DEDUP`, `AUDIT`…), for a breakdown. */
  kind: string;
  /** The sort key it addressed, when it addressed one item. */
  sk?: string;
  startedAt: number;
  endedAt: number;
}

export interface DynamoMeter {
  readonly requests: readonly MeteredRequest[];
  /** Requests in the order they started. */
  count(): number;
  /**
   * Sequential round trips: a request that starts while another is still in flight rides the
   * same round trip, so requests sent together (Promise.all, a batch) count once.
   */
  roundTrips(): number;
  wru(): number;
  /** WRU by item kind, largest first. */
  wruByKind(): Record<string, number>;
  reset(): void;
}

const WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand', 'TransactWriteItemsCommand']);

function skOf(input: Record<string, unknown>): string | undefined {
  const sk = ((input.Key ?? input.Item) as Record<string, unknown> | undefined)?.sk;
  return typeof sk === 'string' ? sk : undefined;
}

function kindOf(input: Record<string, unknown>): string {
  const key = (input.Key ?? input.Item) as Record<string, unknown> | undefined;
  const sk = key?.sk;
  if (typeof sk === 'string') return /^[A-Z]+/.exec(sk)?.[0] ?? String(key?.pk ?? '').split('#')[2] ?? 'OTHER';
  if (input.RequestItems) return 'BATCH';
  if (input.TransactItems) return 'TRANSACTION';
  return 'OTHER';
}

/**
 * Whether a write changes the list index's projection. DynamoDB bills a write to the index
 * besides the table's (the index entry is under 1 KiB: one WRU); dynalite reports the table's only.
 */
function touchesListing(command: string, input: Record<string, unknown>): boolean {
  if (command === 'PutItemCommand') return LISTING_PK in ((input.Item as Record<string, unknown>) ?? {});
  if (command === 'UpdateItemCommand') return LISTING_PROJECTION.some((attribute) => String(input.UpdateExpression ?? '').includes(attribute));
  return false;
}

function capacityOf(output: unknown): number {
  const consumed = (output as { ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[] } | undefined)?.ConsumedCapacity;
  if (!consumed) return 0;
  return (Array.isArray(consumed) ? consumed : [consumed]).reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
}

/**
 * Meters every request a document client sends: asks DynamoDB (dynalite on the local stack)
 * for the consumed capacity of each write, which it computes as DynamoDB bills it (the
 * larger of the item before and after, rounded up to whole KiB), and records when each
 * request was in flight. Attach it to `functions/shared/table.ts`'s client to see what the
 * handlers send.
 */
export function meterDynamo(client: DynamoDBDocumentClient): DynamoMeter {
  const requests: MeteredRequest[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? 'unknown';
      const input = args.input as Record<string, unknown>;
      const write = WRITES.has(command);
      if (write) input.ReturnConsumedCapacity = 'TOTAL';
      const startedAt = performance.now();
      const result = await next(args).catch((error: unknown) => {
        requests.push({ command, wru: write ? 1 : 0, kind: kindOf(input), sk: skOf(input), startedAt, endedAt: performance.now() });
        throw error;
      });
      const wru = write ? capacityOf(result.output) + (touchesListing(command, input) ? 1 : 0) : 0;
      requests.push({ command, wru, kind: kindOf(input), sk: skOf(input), startedAt, endedAt: performance.now() });
      return result;
    },
    { step: 'initialize', name: 'causewayDynamoMeter', override: true },
  );
  return {
    requests,
    count: () => requests.length,
    roundTrips() {
      const sorted = [...requests].sort((a, b) => a.startedAt - b.startedAt);
      let trips = 0;
      let inFlightUntil = Number.NEGATIVE_INFINITY;
      for (const request of sorted) {
        if (request.startedAt >= inFlightUntil) trips++;
        inFlightUntil = Math.max(inFlightUntil, request.endedAt);
      }
      return trips;
    },
    wru: () => requests.reduce((sum, r) => sum + r.wru, 0),
    wruByKind() {
      const byKind: Record<string, number> = {};
      for (const r of requests) if (r.wru) byKind[r.kind] = (byKind[r.kind] ?? 0) + r.wru;
      return Object.fromEntries(Object.entries(byKind).sort((a, b) => b[1] - a[1]));
    },
    reset: () => void requests.splice(0),
  };
}
