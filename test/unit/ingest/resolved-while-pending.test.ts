import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvestigationRecord, LifecycleEntry, TenantConfig } from '../../../functions/contracts/index.js';
import { resolvedWhilePendingNote } from '../../../functions/approval/core.js';
import { confirmationPage } from '../../../functions/approval/pages.js';
import { announceResolvedWhilePending } from '../../../functions/ingest/resolved-while-pending.js';

let server: Server;
const posted: unknown[] = [];
let url = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      posted.push(JSON.parse(body));
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const resolved: LifecycleEntry = { event: 'resolved', at: '2026-03-14T14:31:00.000Z', source: 'pagerduty', by: 'Dana On-Call' };
const tenant = { tenantId: 'acme', approval: { timeoutSeconds: 3600, slackWebhookSecretRef: 'causeway/tenants/acme/slack' } } as TenantConfig;
const readSecret = async (tenantId: string, ref: string) => (tenantId === 'acme' && ref === 'causeway/tenants/acme/slack' ? { url } : undefined);

function record(approval: 'pending' | 'approved', lifecycle: LifecycleEntry[] = []): InvestigationRecord {
  return {
    tenantId: 'acme',
    investigationId: 'inv-9',
    signal: { title: 'Checkout latency SLO burn' },
    approval: { approvalId: 'a1', status: approval, expiresAt: '2026-03-14T15:00:00.000Z' },
    policy: { action: { kind: 'rollback', service: 'pricing' } },
    lifecycle,
  } as unknown as InvestigationRecord;
}

describe('an alert that resolves while its approval is pending', () => {
  it("tells the tenant's approval channel, naming the action and who resolved it", async () => {
    expect(await announceResolvedWhilePending(tenant, record('pending'), resolved, { slackApiBaseUrl: 'http://127.0.0.1:9', readSecret })).toBe(true);
    expect(posted.at(-1)).toEqual({
      text: expect.stringMatching(/^The alert "Checkout latency SLO burn" resolved at 2026-03-14T14:31:00.000Z \(pagerduty, by Dana On-Call\) while approval of rollback on pricing is pending \(investigation inv-9\)/),
    });
  });

  it('says nothing once the approval is decided', async () => {
    const before = posted.length;
    expect(await announceResolvedWhilePending(tenant, record('approved'), resolved, { slackApiBaseUrl: 'http://127.0.0.1:9', readSecret })).toBe(false);
    expect(posted).toHaveLength(before);
  });

  it('puts the resolve above the approval form', () => {
    const note = resolvedWhilePendingNote(record('pending', [{ event: 'acknowledged', at: '2026-03-14T14:05:00.000Z', source: 'pagerduty' }, resolved]));
    expect(note).toBe('The alert resolved at 2026-03-14T14:31:00.000Z (pagerduty, by Dana On-Call) while this approval was pending. Check that the action is still needed before you decide.');
    expect(resolvedWhilePendingNote(record('pending'))).toBeUndefined();
    const page = confirmationPage({ decision: 'approve', actionLine: 'rollback pricing', risk: 'medium', plan: [], undo: 'roll forward', investigationId: 'inv-9', expiresAt: '2026-03-14T15:00:00.000Z', decideBy: { kind: 'no_provider', slackButtons: false }, note: note! });
    expect(page).toContain('<strong>The alert resolved at 2026-03-14T14:31:00.000Z (pagerduty, by Dana On-Call) while this approval was pending.');
  });
});
