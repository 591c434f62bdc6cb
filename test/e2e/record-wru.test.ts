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

  it('writes the record in small parts: at most 19 WRU, the scored evidence not written a second time', () => {
    expect(run.wruByKind.RECORD).toBeLessThanOrEqual(19);
  });

  it('stores the evidence compressed, small results in their references: at most 20 WRU (28 with gzip and an item per result)', () => {
    expect(run.wruByKind.EVIDENCE).toBeLessThanOrEqual(20);
  });

  it('costs at most 74 WRU in all (85 before this bound; 195 with the one-item record)', () => {
    expect(run.wru).toBeLessThanOrEqual(74);
  });
});
