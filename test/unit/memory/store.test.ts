import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { memoryEntryOf } from '../../../functions/memory/entry.js';
import { recallCandidates, rememberInvestigation } from '../../../functions/memory/store.js';
import { diagnosedRecord } from '../../helpers/investigation-records.js';

const dynamo = mockClient(DynamoDBDocumentClient);
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-1' }));

beforeEach(() => dynamo.reset());
afterAll(() => dynamo.restore());

describe('memory items', () => {
  it('keep the time and investigation in the sort key only, and recall reads the entry back whole', async () => {
    dynamo.on(PutCommand).resolves({});
    const record = diagnosedRecord();
    expect(await rememberInvestigation('causeway', record, client)).toBe(true);
    const puts = dynamo.commandCalls(PutCommand).map((c) => c.args[0].input.Item!);
    expect(puts.length).toBeGreaterThan(0);
    for (const item of puts) {
      expect(item.sk).toBe(`${record.createdAt}#${record.investigationId}`);
      expect(item.entry).not.toHaveProperty('investigationId');
      expect(item.entry).not.toHaveProperty('at');
    }
    dynamo.on(QueryCommand).resolves({ Items: [puts[0]!] });
    expect(await recallCandidates('causeway', record.tenantId, ['pricing'], new Date(0), client)).toEqual([memoryEntryOf(record)]);
  });
});
