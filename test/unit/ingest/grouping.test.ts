import { BatchGetCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { IncidentSignal } from '../../../functions/contracts/index.js';
import { findRelatedInvestigation } from '../../../functions/ingest/grouping.js';
import { keys } from '../../../functions/shared/table.js';

const dynamo = mockClient(DynamoDBDocumentClient);
const NOW = Date.parse('2026-06-01T10:00:00Z');
const signal = { tenantId: 'acme', service: 'checkout' } as IncidentSignal;
const topology = { storefront: ['checkout'], checkout: ['payments', 'cart'] };
const open = (service: string, investigationId: string, expiresInSeconds = 300) => ({ ...keys.openByService('acme', service), investigationId, expiresAt: NOW / 1000 + expiresInSeconds });

beforeEach(() => dynamo.reset());

describe('finding the open investigation of a neighbourhood', () => {
  it('reads the service and all its neighbours in one consistent batch, and prefers the service’s own', async () => {
    dynamo.on(BatchGetCommand).resolves({ Responses: { t: [open('payments', 'inv-payments'), open('checkout', 'inv-checkout')] } });
    await expect(findRelatedInvestigation('t', signal, topology, NOW)).resolves.toBe('inv-checkout');
    const calls = dynamo.commandCalls(BatchGetCommand);
    expect(calls).toHaveLength(1);
    const request = calls[0]!.args[0].input.RequestItems!.t!;
    expect(request.ConsistentRead).toBe(true);
    expect(request.Keys!.map((k) => k.sk).sort()).toEqual(['OPEN#cart', 'OPEN#checkout', 'OPEN#payments', 'OPEN#storefront']);
  });

  it('reads again the keys DynamoDB left unprocessed, and skips an expired claim', async () => {
    dynamo
      .on(BatchGetCommand)
      .resolvesOnce({ Responses: { t: [open('checkout', 'inv-old', -1)] }, UnprocessedKeys: { t: { Keys: [keys.openByService('acme', 'cart')] } } })
      .resolvesOnce({ Responses: { t: [open('cart', 'inv-cart')] } });
    await expect(findRelatedInvestigation('t', signal, topology, NOW)).resolves.toBe('inv-cart');
    expect(dynamo.commandCalls(BatchGetCommand)[1]!.args[0].input.RequestItems!.t!.Keys).toEqual([keys.openByService('acme', 'cart')]);
  });

  it('finds nothing for a signal with no service, without reading', async () => {
    await expect(findRelatedInvestigation('t', { tenantId: 'acme' } as IncidentSignal, topology, NOW)).resolves.toBeUndefined();
    expect(dynamo.commandCalls(BatchGetCommand)).toHaveLength(0);
  });

  it('gives up as a transient failure when the batch keeps coming back unprocessed', async () => {
    dynamo.on(BatchGetCommand).resolves({ UnprocessedKeys: { t: { Keys: [keys.openByService('acme', 'cart')] } } });
    await expect(findRelatedInvestigation('t', signal, topology, NOW)).rejects.toMatchObject({ name: 'TransientError' });
  });
});
