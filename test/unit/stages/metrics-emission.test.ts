import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VerifiedIdentity } from '../../../functions/approval/approvers.js';
import { recordDecision } from '../../../functions/approval/decision.js';
import type { ApprovalLedger, StoredApproval } from '../../../functions/approval/ledger.js';
import { TenantConfig, type ScoredEvidence, type StoredDigest } from '../../../functions/contracts/index.js';
import { makeProviderHandler } from '../../../functions/providers/handler-factory.js';
import type { EvidenceProvider } from '../../../functions/providers/types.js';
import { storeScored } from '../../../functions/shared/evidence-store.js';
import { pack } from '../../../functions/shared/packed.js';
import { BackendAuthError } from '../../../functions/shared/http-client.js';
import { derivePlatformKeys, encryptToken } from '../../../functions/shared/platform-keys.js';
import { startFakeLlmServer, type FakeLlmServer } from '../../helpers/fake-llm-server.js';
import { diagnosedRecord } from '../../helpers/investigation-records.js';
import { plan } from '../providers/grafana-test-kit.js';
import { captureOutput } from '../shared/captured-output.js';

vi.hoisted(() => {
  // Read when the stage handlers load.
  process.env.TABLE_NAME = 'causeway-test';
  process.env.PUBLIC_BASE_URL = 'https://causeway.example.com';
});

let output: ReturnType<typeof captureOutput>;
beforeEach(() => {
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
  output = captureOutput();
});
afterEach(() => {
  output.restore();
  vi.unstubAllEnvs();
});

const lokiProvider = (query: EvidenceProvider['query']): EvidenceProvider => ({
  type: 'loki',
  classes: ['logs'],
  describe: (p) => ({ text: 'error lines of checkout', target: 'https://loki.example.com', window: p.window }),
  query,
});

/** Stores the scored evidence where the mocked table answers reads of it, as Score would, and returns its digest. */
async function storedDigest(dynamo: ReturnType<typeof mockClient>, scored: ScoredEvidence): Promise<StoredDigest> {
  const items: Record<string, unknown>[] = [];
  dynamo.on(PutCommand).callsFake((input: { Item: Record<string, unknown> }) => {
    items.push(input.Item);
    return {};
  });
  const ref = await storeScored({ tableName: 'causeway-test' }, { tenantId: 'acme', investigationId: 'inv-0001' }, scored);
  // A small value travels in its reference (no item); a larger one is read back from the mocked table.
  for (const item of items) dynamo.on(GetCommand, { Key: { pk: item.pk, sk: item.sk } }).resolves({ Item: item });
  return { ref, confidence: 0.5, suspects: [] };
}

describe('metrics the provider handler emits', () => {
  it('count a provider that ended in an error entry under its backend type, with no secret, query or message in the line', async () => {
    const handler = makeProviderHandler(
      lokiProvider(async () => {
        throw new BackendAuthError('Loki answered 401 for token s3cr3t-in-a-message');
      }),
    );
    const result = await handler(plan('logs', { type: 'loki', id: 'loki-eu', endpoint: 'https://loki.example.com' }), {} as never);
    expect(result).toMatchObject({ status: 'error' });
    const [line, ...rest] = output.emf();
    expect(rest).toEqual([]);
    expect(line!._aws.CloudWatchMetrics).toEqual([{ Namespace: 'Causeway', Dimensions: [['service', 'Backend']], Metrics: [{ Name: 'ProviderErrors', Unit: 'Count' }] }]);
    expect(line).toMatchObject({ service: 'causeway', Backend: 'loki', ProviderErrors: 1, backendId: 'loki-eu', errorName: 'BackendAuthError' });
    expect(JSON.stringify(line)).not.toMatch(/s3cr3t|error lines|loki\.example/);
  });

  it('count nothing for a provider that answered', async () => {
    const handler = makeProviderHandler(lokiProvider(async (p) => ({ query: { text: 'q', target: 't', window: p.window }, items: [] })));
    expect(await handler(plan('logs', { type: 'loki', endpoint: 'https://loki.example.com' }), {} as never)).toMatchObject({ status: 'no_data' });
    expect(output.emf()).toEqual([]);
  });
});

describe('metrics the Finish stage emits', () => {
  const dynamo = mockClient(DynamoDBDocumentClient);
  beforeEach(() => {
    dynamo.reset();
    dynamo.onAnyCommand().resolves({});
  });

  const finish = async (outcome: unknown) => {
    const { handler } = await import('../../../functions/finish/handler.js');
    return handler({ tenantId: 'acme', investigationId: 'inv-0001', outcome }, {} as never);
  };

  it('count the investigation under its final status, for the pipeline and for the tenant', async () => {
    expect(await finish({ Error: 'ConfigurationError', Cause: 'tenant acme has no backends' })).toEqual({ status: 'failed' });
    expect(output.emf().map((line) => ({ sets: line._aws.CloudWatchMetrics[0]!.Dimensions, Outcome: line.Outcome, TenantId: line.TenantId, Investigations: line.Investigations }))).toEqual([
      { sets: [['service', 'Outcome']], Outcome: 'failed', TenantId: undefined, Investigations: 1 },
      { sets: [['service', 'Outcome', 'TenantId']], Outcome: 'failed', TenantId: 'acme', Investigations: 1 },
    ]);
  });

  it('count an approval that expired undecided, with how long it waited since it was requested', async () => {
    const requested = new Date(Date.now() - 3600_000).toISOString();
    const { signal, scored: _scored, rca: _rca, ...status } = { ...diagnosedRecord({ id: 'inv-0001' }), status: 'awaiting_approval', approval: { approvalId: 'appr-1', status: 'pending', expiresAt: new Date().toISOString() } };
    // The record as its items hold it: the status item and the signal part.
    dynamo.on(QueryCommand).resolves({ Items: [{ sk: 'RECORD', record: status }, { sk: 'RECORD#SIGNAL', body: pack(signal) }] });
    dynamo.on(UpdateCommand, { UpdateExpression: 'SET #status = :expired' }).resolves({ Attributes: { approvalId: 'appr-1', investigationId: 'inv-0001', status: 'expired', createdAt: requested, approvers: [], expiresAt: 0 } });
    expect(await finish({ Error: 'States.Timeout' })).toEqual({ status: 'expired' });
    const byMetric = (name: string) => output.emf().filter((line) => name in line);
    expect(byMetric('Approvals').map((line) => [line.Decision, line.TenantId])).toEqual([
      ['expired', undefined],
      ['expired', 'acme'],
    ]);
    const [wait] = byMetric('ApprovalWait');
    expect(wait!.ApprovalWait as number).toBeGreaterThanOrEqual(3600);
    expect(wait!.ApprovalWait as number).toBeLessThan(3700);
    expect(byMetric('Investigations').map((line) => line.Outcome)).toEqual(['expired', 'expired']);
  });
});

describe('metrics the Record stage emits', () => {
  const dynamo = mockClient(DynamoDBDocumentClient);
  beforeEach(() => {
    dynamo.reset();
    dynamo.onAnyCommand().resolves({});
  });

  it('measure the time from the signal’s arrival to the recorded diagnosis, and its confidence', async () => {
    const { handler } = await import('../../../functions/record/handler.js');
    const record = diagnosedRecord({ id: 'inv-0001', confidence: 0.7 });
    const receivedAt = new Date(Date.now() - 95_000).toISOString();
    const digest = await storedDigest(dynamo, record.scored!);
    await handler({ tenantId: 'acme', investigationId: 'inv-0001', executionName: 'inv-0001', signal: { ...record.signal, receivedAt }, digest, rca: record.rca }, {} as never);
    const [line, ...rest] = output.emf();
    expect(rest).toEqual([]);
    expect(line!._aws.CloudWatchMetrics[0]!.Metrics.map((m) => m.Name)).toEqual(['TimeToRca', 'RcaConfidence']);
    expect(line!.TimeToRca as number).toBeGreaterThanOrEqual(95_000);
    expect(line!.TimeToRca as number).toBeLessThan(125_000);
    expect(line).toMatchObject({ RcaConfidence: record.rca!.confidence, tenantId: 'acme', investigationId: 'inv-0001' });
  });
});

describe('metrics the Reason stage emits', () => {
  const dynamo = mockClient(DynamoDBDocumentClient);
  let llm: FakeLlmServer;
  beforeAll(async () => void (llm = await startFakeLlmServer()));
  afterAll(() => llm.close());
  beforeEach(() => {
    dynamo.reset();
    llm.reset();
  });

  it('publish the tokens and cost of the model calls behind an RCA, even when their answer is not kept', async () => {
    const llmConfig = { baseUrl: llm.baseUrl, model: 'gpt-test', inputCostPerMTok: 2, outputCostPerMTok: 8 };
    dynamo.on(GetCommand).resolves({ Item: { config: TenantConfig.parse({ tenantId: 'acme', llm: llmConfig }) } });
    llm.script({ content: 'not json', usage: { prompt_tokens: 1000, completion_tokens: 100 } }, { content: 'still not json', usage: { prompt_tokens: 1200, completion_tokens: 50 } });
    const { handler } = await import('../../../functions/reason/handler.js');
    const record = diagnosedRecord({ id: 'inv-0001' });
    const digest = await storedDigest(dynamo, record.scored!);
    const rca = await handler({ tenantId: 'acme', investigationId: 'inv-0001', signal: record.signal, digest }, {} as never);
    expect(rca).toMatchObject({ author: 'deterministic', model: 'gpt-test' });
    const [line, ...rest] = output.emf();
    expect(rest).toEqual([]);
    expect(line).toMatchObject({
      LlmPromptTokens: rca.usage!.promptTokens,
      LlmCompletionTokens: rca.usage!.completionTokens,
      LlmCostUsd: rca.usage!.estimatedCostUsd,
      tenantId: 'acme',
      model: 'gpt-test',
    });
    expect(rca.usage!.promptTokens).toBeGreaterThan(0);
  });
});

describe('metrics a decision emits', () => {
  const NOW = new Date('2026-06-01T09:20:00.000Z');
  const keys = derivePlatformKeys('a-platform-key-of-at-least-thirty-two-chars');
  const approver: VerifiedIdentity = { via: 'oidc', issuer: 'https://acme.okta.com', subject: '00u1oncall', email: 'oncall@example.com' };

  /** Just enough of the ledger for one decision: the conditional claim DynamoDB would apply. */
  function ledgerOf(item: StoredApproval): ApprovalLedger {
    const claim: ApprovalLedger['claim'] = async (_t, _a, decided) => {
      if (item.status !== 'pending') return false;
      Object.assign(item, decided, { phase: 'deciding' });
      return true;
    };
    return {
      load: async () => structuredClone(item),
      claim,
      recordDecision: async () => undefined,
      noteResumeAttempt: async () => undefined,
      markResumed: async () => void (item.phase = 'decided'),
      markAnnounced: async () => undefined,
      markUnresumable: async () => false,
      audit: async () => undefined,
    } as unknown as ApprovalLedger;
  }

  it('count the approval under its decision once, with the minutes it waited, and nothing for a second click', async () => {
    const item: StoredApproval = {
      approvalId: 'appr-1',
      investigationId: 'inv-0001',
      status: 'pending',
      sealedToken: encryptToken(keys, 'task-token', 'acme/appr-1'),
      action: { kind: 'rollback', service: 'pricing', risk: 'low', plan: ['pricing: v3.12.0 → v3.11.4'], undo: 'roll forward', dryRun: true },
      approvers: ['oncall@example.com'],
      createdAt: '2026-06-01T09:00:00.000Z',
      expiresAt: NOW.getTime() / 1000 + 3600,
    };
    const deps = { keys, ledger: ledgerOf(item), tasks: { succeed: async () => undefined, fail: async () => undefined }, now: () => NOW, announce: async () => undefined };
    const request = { tenantId: 'acme', approvalId: 'appr-1', decision: 'reject' as const, identity: approver };
    expect(await recordDecision(deps, request)).toMatchObject({ kind: 'decided', status: 'rejected' });
    expect(await recordDecision(deps, request)).toMatchObject({ kind: 'already' });
    const lines = output.emf();
    expect(lines.filter((l) => 'Approvals' in l).map((l) => [l.Decision, l.TenantId])).toEqual([
      ['rejected', undefined],
      ['rejected', 'acme'],
    ]);
    expect(lines.filter((l) => 'ApprovalWait' in l).map((l) => l.ApprovalWait)).toEqual([1200]);
  });
});
