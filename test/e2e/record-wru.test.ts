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
  let solo: WruRun;
  let hub: WruRun;

  it('runs from the alert through approval, the dry-run and Finish, on a service alone and on one with five neighbours', async () => {
    solo = await approvedInvestigationWru(stack, issuer, 'none');
    hub = await approvedInvestigationWru(stack, issuer, 'scenario');
    expect(solo.status).toBe('remediated');
    expect(hub.status).toBe('remediated');
  }, 180_000);

  it('updates a status item under 1 KiB (one unit, and the list index’s only when what it lists changes), the decision in its own part: at most 13 WRU (18 when the status item was 2 KiB)', () => {
    expect(solo.wruByKind.RECORD).toBeLessThanOrEqual(13);
    expect(solo.writes.filter((w) => w.startsWith('RECORD UpdateItem')).every((w) => w.endsWith(' 2'))).toBe(true);
  });

  it('stores the evidence compressed, metric series as differences: at most 18 WRU (19 before, 28 with gzip and an item per result)', () => {
    expect(solo.wruByKind.EVIDENCE).toBeLessThanOrEqual(18);
  });

  it('writes each audit entry once, on the item of its step where there is one: at most 5 audit items, a delivery in 2 writes', () => {
    expect(solo.wruByKind.AUDIT).toBeLessThanOrEqual(5);
    expect(solo.writes.filter((w) => w.startsWith('AUDIT#ID#delivery-'))).toEqual([]);
    expect(solo.wruByKind.DELIVERY).toBeLessThanOrEqual(6);
    expect(solo.wruByKind.MEMORY).toBeLessThanOrEqual(2);
  });

  it('costs at most 57 WRU in all (72 before this bound; 195 with the one-item record)', () => {
    expect(solo.wru).toBeLessThanOrEqual(57);
  });

  it('with five neighbours, locks its own service only: 2 start-lock writes, at most 59 WRU in all (84 before; 12 lock writes)', () => {
    expect(hub.wruByKind.STARTLOCK).toBe(2);
    expect(hub.wru).toBeLessThanOrEqual(59);
  });
});
