import { BatchGetCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { IncidentSignal } from '../../../functions/contracts/index.js';
import { readBySortKey } from '../../../functions/ingest/batch-get.js';
import { neighbourhoodOpenKeys, relatedInvestigation } from '../../../functions/ingest/grouping.js';
import { keys } from '../../../functions/shared/table.js';

const dynamo = mockClient(DynamoDBDocumentClient);
const NOW = Date.parse('2026-06-01T10:00:00Z');
const signal = { tenantId: 'acme', service: 'checkout' } as IncidentSignal;
const topology = { storefront: ['checkout'], checkout: ['payments', 'cart'] };
const open = (service: string, investigationId: string, expiresInSeconds = 300) => ({ ...keys.openByService('acme', service), investigationId, expiresAt: NOW / 1000 + expiresInSeconds });

beforeEach(() => dynamo.reset());

describe('finding the open investigation of a neighbourhood', () => {
  const read = (items: Record<string, unknown>[]) => new Map(items.map((item) => [item.sk as string, item]));

  it('names the open-investigation items of the service and all its neighbours, the service’s own first', () => {
    expect(neighbourhoodOpenKeys(signal, topology).map((k) => k.sk)).toEqual(['OPEN#checkout', 'OPEN#payments', 'OPEN#cart', 'OPEN#storefront']);
    expect(neighbourhoodOpenKeys({ tenantId: 'acme' } as IncidentSignal, topology)).toEqual([]);
  });

  it('prefers the service’s own open investigation, and skips an expired claim', () => {
    expect(relatedInvestigation(read([open('payments', 'inv-payments'), open('checkout', 'inv-checkout')]), signal, topology, NOW)).toBe('inv-checkout');
    expect(relatedInvestigation(read([open('checkout', 'inv-old', -1), open('cart', 'inv-cart')]), signal, topology, NOW)).toBe('inv-cart');
    expect(relatedInvestigation(read([]), signal, topology, NOW)).toBeUndefined();
  });
});

describe('reading a tenant partition by sort key', () => {
  it('reads in one consistent batch, and reads again the keys DynamoDB left unprocessed', async () => {
    dynamo
      .on(BatchGetCommand)
      .resolvesOnce({ Responses: { t: [open('checkout', 'inv-checkout')] }, UnprocessedKeys: { t: { Keys: [keys.openByService('acme', 'cart')] } } })
      .resolvesOnce({ Responses: { t: [open('cart', 'inv-cart')] } });
    const items = await readBySortKey('t', neighbourhoodOpenKeys(signal, topology), 'the open investigations');
    expect([...items.keys()].sort()).toEqual(['OPEN#cart', 'OPEN#checkout']);
    const calls = dynamo.commandCalls(BatchGetCommand);
    expect(calls[0]!.args[0].input.RequestItems!.t!.ConsistentRead).toBe(true);
    expect(calls[1]!.args[0].input.RequestItems!.t!.Keys).toEqual([keys.openByService('acme', 'cart')]);
  });

  it('gives up as a transient failure when the batch keeps coming back unprocessed', async () => {
    dynamo.on(BatchGetCommand).resolves({ UnprocessedKeys: { t: { Keys: [keys.openByService('acme', 'cart')] } } });
    await expect(readBySortKey('t', neighbourhoodOpenKeys(signal, topology), 'the open investigations')).rejects.toMatchObject({ name: 'TransientError' });
  });
});
