import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAudit } from '../../functions/shared/audit.js';
import { readRecord } from '../../functions/shared/records.js';
import { runScenario, ensureScenarioTenant } from '../../cli/scenario-run.js';
import { startLocalStack, type LocalStack } from '../../local/stack.js';
import { putTenant } from '../../local/tenants.js';
import { csrfFrom, decide, getPage, heading, linksFor, postDecision } from '../helpers/approvals.js';

const SCENARIO = fileURLToPath(new URL('../../scenarios/shop-storefront-checkout-5xx.json', import.meta.url));

let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({ retryIntervalMs: 5 });
  await ensureScenarioTenant(stack, 'demo');
});

afterAll(async () => {
  await stack.stop();
});

async function investigationAwaitingApproval() {
  const run = await runScenario(stack, SCENARIO);
  expect(run.record.status).toBe('awaiting_approval');
  expect(run.record.policy?.decision).toBe('approve');
  const approvalId = run.record.approval!.approvalId;
  return { run, approvalId, links: linksFor(stack, approvalId), execution: stack.sfn.listExecutions().find((e) => e.name === run.record.investigationId)! };
}

const record = (id: string) => readRecord(stack.tableName, 'demo', id, stack.db);
const audit = (id: string) => readAudit(stack.tableName, 'demo', id, stack.db);

describe('approval through the local state machine', () => {
  it('approves from the link: GET decides nothing, POST resumes the execution and the dry-run lands in the audit trail', async () => {
    const { run, links, execution } = await investigationAwaitingApproval();
    const id = run.record.investigationId;
    expect(run.approvalMessage?.body.text).toContain('rollback');
    expect(JSON.stringify(run.approvalMessage)).not.toContain('local-');

    const page = await getPage(links.approve);
    expect(page.status).toBe(200);
    expect(heading(page.html)).toContain('Approve: rollback pricing');
    await getPage(links.approve);
    expect(execution.status).toBe('RUNNING');
    expect((await record(id))?.approval?.status).toBe('pending');

    const decided = await postDecision(links.approve, { csrf: csrfFrom(page.html), approver: 'oncall@example.com' });
    expect(decided.status).toBe(200);
    expect(heading(decided.html)).toBe('Approved');
    await execution.done;
    expect(execution.status).toBe('SUCCEEDED');

    const final = await record(id);
    expect(final?.status).toBe('remediated');
    expect(final?.approval).toMatchObject({ status: 'approved', decidedBy: 'oncall@example.com' });
    expect(final?.remediation).toMatchObject({ status: 'dry_run', changes: ['service pricing: version v3.12.0 → v3.11.4'] });
    const trail = await audit(id);
    expect(trail.map((e) => e.type)).toEqual([
      'investigation.diagnosed',
      'policy.decided',
      'approval.requested',
      'approval.decided',
      'remediation.started',
      'remediation.completed',
      'investigation.remediated',
    ]);
    expect(trail.find((e) => e.type === 'remediation.completed')?.detail).toMatchObject({ status: 'dry_run' });
  });

  it('a second click changes nothing and says who decided', async () => {
    const { links, execution } = await investigationAwaitingApproval();
    expect((await decide(links.approve, 'first@example.com')).status).toBe(200);
    await execution.done;
    const again = await decide(links.approve, 'second@example.com');
    expect(again.status).toBe(409);
    expect(again.html).toContain('first@example.com');
    const rejectAfter = await decide(links.reject, 'second@example.com');
    expect(rejectAfter.status).toBe(409);
  });

  it('rejects: the execution ends without remediation', async () => {
    const { run, links, execution } = await investigationAwaitingApproval();
    const result = await decide(links.reject, 'lead@example.com');
    expect(heading(result.html)).toBe('Rejected');
    await execution.done;
    expect(execution.status).toBe('SUCCEEDED');
    const final = await record(run.record.investigationId);
    expect(final?.status).toBe('rejected');
    expect(final?.remediation).toBeUndefined();
    const types = (await audit(run.record.investigationId)).map((e) => e.type);
    expect(types).toContain('investigation.rejected');
    expect(types).not.toContain('remediation.started');
  });

  it('refuses forged, altered and cross-tenant links, and a POST without the form token', async () => {
    const { run, links, execution } = await investigationAwaitingApproval();
    const forged = new URL(links.approve);
    forged.searchParams.set('sig', 'A'.repeat(43));
    expect((await getPage(forged.toString())).status).toBe(403);
    const tampered = new URL(links.approve.replace(run.record.approval!.approvalId, 'AAAAAAAAAAAAAAAAAAAAAA'));
    expect((await getPage(tampered.toString())).status).toBe(403);
    const otherTenant = new URL(links.approve.replace('/tenants/demo/', '/tenants/other/'));
    expect((await getPage(otherTenant.toString())).status).toBe(403);
    const flipped = new URL(links.approve);
    flipped.searchParams.set('decision', 'reject');
    expect((await getPage(flipped.toString())).status).toBe(403);
    const later = new URL(links.approve);
    later.searchParams.set('exp', String(Number(later.searchParams.get('exp')) + 3600));
    expect((await getPage(later.toString())).status).toBe(403);
    expect((await postDecision(links.approve, { approver: 'x@example.com' })).status).toBe(403);
    const page = await getPage(links.approve);
    expect((await postDecision(links.approve, { csrf: csrfFrom(page.html) }, { origin: 'https://evil.example' })).status).toBe(403);
    expect(execution.status).toBe('RUNNING');
    expect((await record(run.record.investigationId))?.approval?.status).toBe('pending');
    await stack.sfn.stopExecution(run.record.investigationId);
  });

  it('accepts only the tenant’s listed approvers', async () => {
    const tenant = await ensureScenarioTenant(stack, 'demo');
    await putTenant(stack, { ...tenant, policy: { ...tenant.policy, approvers: ['U024BE7LH', 'lead@example.com'] } });
    try {
      const { links, execution } = await investigationAwaitingApproval();
      const stranger = await decide(links.approve, 'intruder@other-tenant.example');
      expect(stranger.status).toBe(403);
      expect(heading(stranger.html)).toBe('Not an allowed approver');
      expect(execution.status).toBe('RUNNING');
      expect((await decide(links.approve, 'LEAD@example.com')).status).toBe(200);
      await execution.done;
      expect(execution.status).toBe('SUCCEEDED');
    } finally {
      await putTenant(stack, tenant);
    }
  });

  it('expires: the task times out, the record says so and the link is dead', async () => {
    const tenant = await ensureScenarioTenant(stack, 'demo');
    await putTenant(stack, { ...tenant, approval: { ...tenant.approval, timeoutSeconds: 1 } });
    try {
      const { run, links, execution } = await investigationAwaitingApproval();
      await execution.done;
      expect(execution.status).toBe('SUCCEEDED');
      const final = await record(run.record.investigationId);
      expect(final?.status).toBe('expired');
      expect(final?.approval?.status).toBe('expired');
      const late = await getPage(links.approve);
      expect(late.status).toBe(410);
      expect((await audit(run.record.investigationId)).map((e) => e.type)).toContain('investigation.expired');
    } finally {
      await putTenant(stack, tenant);
    }
  });
});
