import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { AnnounceInput } from '../../../functions/approval/announce.js';
import { recordDecision, type DecisionDeps, type StoredApproval } from '../../../functions/approval/decision.js';
import { derivePlatformKeys, encryptToken } from '../../../functions/shared/platform-keys.js';

const keys = derivePlatformKeys('a-platform-key-of-at-least-thirty-two-chars');
const NOW = new Date('2026-06-01T09:00:00.000Z');
const dynamo = mockClient(DynamoDBDocumentClient);

const pending = (): StoredApproval => ({
  approvalId: 'appr-0001',
  investigationId: 'inv-0001',
  status: 'pending',
  sealedToken: encryptToken(keys.tokenKey, 'task-token', 'acme/appr-0001'),
  action: { kind: 'rollback', service: 'pricing', risk: 'low', plan: ['pricing: v3.12.0 → v3.11.4'], undo: 'roll forward', dryRun: true },
  approvers: ['oncall@example.com', 'U0APPROVER'],
  expiresAt: NOW.getTime() / 1000 + 3600,
  slackMessage: { channel: 'C0APPROVALS', ts: '1718000000.000400' },
});

let announced: AnnounceInput[];
let resumed: string[];
function deps(overrides: Partial<DecisionDeps> = {}): DecisionDeps {
  return {
    tableName: 'causeway',
    keys,
    now: () => NOW,
    tasks: { succeed: async (token) => void resumed.push(`succeed ${token}`), fail: async (token, error) => void resumed.push(`fail ${token} ${error}`) },
    announce: async (input) => void announced.push(input),
    ...overrides,
  };
}
const request = (decision: 'approve' | 'reject', who: string, responseUrl?: string) => ({ tenantId: 'acme', approvalId: 'appr-0001', decision, identities: [who], ...(responseUrl ? { responseUrl } : {}) });

beforeEach(() => {
  dynamo.reset();
  dynamo.on(GetCommand).resolves({ Item: pending() });
  dynamo.on(UpdateCommand).resolves({});
  dynamo.on(PutCommand).resolves({});
  announced = [];
  resumed = [];
});
afterAll(() => dynamo.restore());

describe('a decision tells Slack after it stands', () => {
  it('announces who approved and when, after the execution resumed, with the click’s response_url', async () => {
    const outcome = await recordDecision(deps(), request('approve', 'U0APPROVER', 'https://hooks.slack.com/actions/T/1/x'));
    expect(outcome).toMatchObject({ kind: 'decided', status: 'approved', decidedBy: 'U0APPROVER' });
    expect(resumed).toEqual(['succeed task-token']);
    expect(announced).toEqual([
      {
        tenantId: 'acme',
        approval: expect.objectContaining({ approvalId: 'appr-0001', slackMessage: { channel: 'C0APPROVALS', ts: '1718000000.000400' } }),
        end: { kind: 'decided', status: 'approved', decidedBy: 'U0APPROVER', decidedAt: NOW.toISOString() },
        responseUrl: 'https://hooks.slack.com/actions/T/1/x',
      },
    ]);
  });

  it('announces a rejection from the link, with no response_url', async () => {
    await recordDecision(deps(), request('reject', 'oncall@example.com'));
    expect(resumed).toEqual(['fail task-token ApprovalRejected']);
    expect(announced).toEqual([expect.objectContaining({ end: expect.objectContaining({ status: 'rejected', decidedBy: 'oncall@example.com' }) })]);
    expect(announced[0]).not.toHaveProperty('responseUrl');
  });

  it('announces nothing when nothing was decided: a stranger, a second click, an expired or unknown approval', async () => {
    expect((await recordDecision(deps(), request('approve', 'intruder@example.com'))).kind).toBe('not_allowed');
    dynamo.on(GetCommand).resolves({ Item: { ...pending(), status: 'approved', decidedBy: 'U0APPROVER' } });
    expect((await recordDecision(deps(), request('approve', 'oncall@example.com'))).kind).toBe('already');
    dynamo.on(GetCommand).resolves({ Item: { ...pending(), expiresAt: NOW.getTime() / 1000 - 1 } });
    expect((await recordDecision(deps(), request('approve', 'oncall@example.com'))).kind).toBe('expired');
    dynamo.on(GetCommand).resolves({});
    expect((await recordDecision(deps(), request('approve', 'oncall@example.com'))).kind).toBe('unknown');
    expect(announced).toEqual([]);
    expect(resumed).toEqual([]);
  });

  it('announces expired when the task was already gone, once the approval is marked so', async () => {
    const gone = deps({ tasks: { succeed: async () => Promise.reject(Object.assign(new Error('timed out'), { name: 'TaskTimedOut' })), fail: async () => undefined } });
    expect(await recordDecision(gone, request('approve', 'oncall@example.com'))).toEqual({ kind: 'expired' });
    expect(announced).toEqual([expect.objectContaining({ end: { kind: 'expired', at: NOW.toISOString() } })]);
    const marked = dynamo.commandCalls(UpdateCommand).find((c) => c.args[0].input.ExpressionAttributeValues?.[':expired'] === 'expired');
    expect(marked?.args[0].input.ConditionExpression).toBe('#status <> :expired');
  });

  it('announces nothing when another step already marked it expired', async () => {
    dynamo.on(UpdateCommand, { UpdateExpression: 'SET #status = :expired' }).rejects(Object.assign(new Error('condition'), { name: 'ConditionalCheckFailedException' }));
    const gone = deps({ tasks: { succeed: async () => Promise.reject(Object.assign(new Error('gone'), { name: 'TaskDoesNotExist' })), fail: async () => undefined } });
    expect(await recordDecision(gone, request('approve', 'oncall@example.com'))).toEqual({ kind: 'expired' });
    expect(announced).toEqual([]);
  });
});
