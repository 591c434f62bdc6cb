import { fileURLToPath } from 'node:url';
import { SendTaskFailureCommand, SendTaskSuccessCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario, ensureScenarioTenant } from '../../cli/scenario-run.js';
import type { VerifiedIdentity } from '../../functions/approval/approvers.js';
import { recordDecision, type DecisionDeps, type TaskResponder } from '../../functions/approval/decision.js';
import type { ApprovalLedger } from '../../functions/approval/ledger.js';
import { dynamoLedger } from '../../functions/approval/store.js';
import { readAudit } from '../../functions/shared/audit.js';
import { platformKeysFromSecret } from '../../functions/shared/platform-keys.js';
import { readRecord } from '../../functions/shared/records.js';
import { startLocalStack, PLATFORM_SECRET_NAME, type LocalStack } from '../../local/stack.js';

const SCENARIO = fileURLToPath(new URL('../../scenarios/shop-storefront-checkout-5xx.json', import.meta.url));
const ONCALL: VerifiedIdentity = { via: 'oidc', issuer: 'https://acme.okta.com', subject: '00u1oncall', email: 'oncall@example.com' };

let stack: LocalStack;
let sfn: SFNClient;

beforeAll(async () => {
  stack = await startLocalStack({ retryIntervalMs: 5 });
  await ensureScenarioTenant(stack, 'demo');
  sfn = new SFNClient({});
});

afterAll(async () => {
  await stack.stop();
});

/** Every step of deciding, in order: a Lambda can die after any one of them. */
const STEPS = ['claim', 'recordDecision', 'noteResumeAttempt', 'sendTaskAnswer', 'markResumed', 'announce', 'markAnnounced'] as const;
type Step = (typeof STEPS)[number];

class LambdaKilled extends Error {
  constructor(step: Step) {
    super(`the Lambda died right after ${step}`);
    this.name = 'LambdaKilled';
  }
}

/**
 * The production deps (the DynamoDB ledger, the Step Functions API over the local endpoint),
 * counting the answers Step Functions accepted and the announcements; with `killAfter`, the
 * call to that step completes and then the attempt dies, as a Lambda timing out would.
 */
function attempt(counts: { answers: number; announced: number }, killAfter?: Step): DecisionDeps {
  const die = <T>(step: Step, value: T): T => {
    if (step === killAfter) throw new LambdaKilled(step);
    return value;
  };
  const real = dynamoLedger(stack.tableName);
  const ledger: ApprovalLedger = {
    ...real,
    claim: async (...args) => die('claim', await real.claim(...args)),
    recordDecision: async (...args) => die('recordDecision', await real.recordDecision(...args)),
    noteResumeAttempt: async (...args) => die('noteResumeAttempt', await real.noteResumeAttempt(...args)),
    markResumed: async (...args) => die('markResumed', await real.markResumed(...args)),
    markAnnounced: async (...args) => die('markAnnounced', await real.markAnnounced(...args)),
  };
  const tasks: TaskResponder = {
    succeed: async (taskToken, output) => {
      await sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
      counts.answers += 1;
      die('sendTaskAnswer', undefined);
    },
    fail: async (taskToken, error, cause) => {
      await sfn.send(new SendTaskFailureCommand({ taskToken, error, cause }));
      counts.answers += 1;
      die('sendTaskAnswer', undefined);
    },
  };
  const keys = platformKeysFromSecret(JSON.parse(stack.secrets.get(PLATFORM_SECRET_NAME)!))!;
  return { keys, ledger, tasks, now: () => new Date(), announce: async () => die('announce', void (counts.announced += 1)) };
}

describe('an approval resumes its execution exactly once, whichever step the Lambda died after', () => {
  for (const step of STEPS) {
    it(`killed after ${step}: the next attempt completes the run once`, async () => {
      const run = await runScenario(stack, SCENARIO);
      const id = run.record.investigationId;
      const approvalId = run.record.approval!.approvalId;
      const execution = stack.sfn.listExecutions().find((e) => e.name === id)!;
      const counts = { answers: 0, announced: 0 };
      const request = { tenantId: 'demo', approvalId, decision: 'approve' as const, identity: ONCALL };

      await expect(recordDecision(attempt(counts, step), request)).rejects.toThrow(`died right after ${step}`);
      const retried = await recordDecision(attempt(counts), request);
      const resumedBefore = ['markResumed', 'announce', 'markAnnounced'].includes(step);
      expect(retried.kind).toBe(resumedBefore ? 'already' : 'decided');
      await execution.done;

      expect(execution.status).toBe('SUCCEEDED');
      expect(counts.answers).toBe(1);
      // Slack is told at least once: a Lambda that died after telling it but before noting so tells it again (the same edit).
      expect(counts.announced).toBe(step === 'announce' ? 2 : 1);
      const trail = (await readAudit(stack.tableName, 'demo', id, stack.db)).map((e) => e.type);
      expect(trail.filter((t) => t === 'approval.decided')).toHaveLength(1);
      expect(trail.filter((t) => t === 'remediation.started')).toHaveLength(1);
      expect(trail).not.toContain('approval.not_resumed');
      const final = await readRecord(stack.tableName, 'demo', id, stack.db);
      expect(final?.status).toBe('remediated');
      expect(final?.approval).toMatchObject({ status: 'approved', decidedBy: 'oncall@example.com', decider: { issuer: 'https://acme.okta.com', subject: '00u1oncall' } });

      const third = await recordDecision(attempt(counts), request);
      expect(third.kind).toBe('already');
      expect(counts.answers).toBe(1);
      expect(counts.announced).toBe(step === 'announce' ? 2 : 1);
    });
  }

  it('a decision whose run already stopped is recorded stale or expired, never stuck', async () => {
    const run = await runScenario(stack, SCENARIO);
    const id = run.record.investigationId;
    const counts = { answers: 0, announced: 0 };
    await stack.sfn.stopExecution(id);
    const outcome = await recordDecision(attempt(counts), { tenantId: 'demo', approvalId: run.record.approval!.approvalId, decision: 'approve', identity: ONCALL });
    expect(['expired', 'stale']).toContain(outcome.kind);
    expect(counts).toEqual({ answers: 0, announced: 1 });
    const trail = await readAudit(stack.tableName, 'demo', id, stack.db);
    expect(trail.find((e) => e.type === 'approval.not_resumed')?.detail).toMatchObject({ decision: 'approved', decidedBy: 'oncall@example.com', error: expect.stringMatching(/^(TaskTimedOut|InvalidToken)$/) });
    expect((await readRecord(stack.tableName, 'demo', id, stack.db))?.approval?.status).toBe('expired');
  });
});
