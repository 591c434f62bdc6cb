import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedInvestigationWru, type WruRun } from '../../bench/wru.js';
import { startLocalOidcIssuer, type LocalOidcIssuer } from '../../local/oidc-issuer.js';
import { startLocalStack, type LocalStack } from '../../local/stack.js';

let stack: LocalStack;
let issuer: LocalOidcIssuer;

beforeAll(async () => {
  stack = await startLocalStack({ retryIntervalMs: 5, waitTimeMs: 5 });
  issuer = await startLocalOidcIssuer();
});

afterAll(async () => {
  await stack.stop();
  await issuer.stop();
});

describe('DynamoDB writes of one approved investigation, billed as DynamoDB bills them (dynalite consumed capacity)', () => {
  let run: WruRun;

  it('runs from the alert through approval, the dry-run and Finish', async () => {
    run = await approvedInvestigationWru(stack, issuer, 'none');
    expect(run.status).toBe('remediated');
  }, 120_000);

  it('writes the record in small parts: the record costs at most 25 WRU, no longer each lifecycle step rewriting 25 KiB', () => {
    expect(run.wruByKind.RECORD).toBeLessThanOrEqual(25);
  });

  it('costs at most 60 WRU in all (195 with the one-item record)', () => {
    expect(run.wru).toBeLessThanOrEqual(60);
  });
});
