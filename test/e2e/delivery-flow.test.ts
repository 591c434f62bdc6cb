import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TenantConfig } from '../../functions/contracts/index.js';
import { readAudit } from '../../functions/shared/audit.js';
import { readRecord } from '../../functions/shared/records.js';
import { clearSecretCache } from '../../functions/shared/secrets.js';
import { ensureScenarioTenant, runScenario } from '../../cli/scenario-run.js';
import { LOCAL_SLACK_API_PATH } from '../../local/api-server.js';
import { loadHandler } from '../../local/functions.js';
import { startLocalStack, type LocalStack } from '../../local/stack.js';
import { putTenant } from '../../local/tenants.js';
import { OPSGENIE_KEY, PAGERDUTY_TOKEN, startFakeIncidentTools, type FakeIncidentTools } from '../helpers/fake-incident-tools.js';

/** A PagerDuty-raised incident whose right answer is a third party's failure: nothing to roll back, so no action. */
const NO_ACTION = fileURLToPath(new URL('../../scenarios/payments-card-authorizations-failing.json', import.meta.url));
/** An Opsgenie alert whose fix (a flag) the tenant's policy only recommends. */
const OPSGENIE = fileURLToPath(new URL('../../scenarios/payments-gateway-401-surge.json', import.meta.url));

let stack: LocalStack;
let tools: FakeIncidentTools;
let base: TenantConfig;
const PD_SECRET = 'causeway/tenants/demo/pagerduty';

beforeAll(async () => {
  stack = await startLocalStack({ retryIntervalMs: 5 });
  process.env.SLACK_API_BASE_URL = `${stack.apiUrl}${LOCAL_SLACK_API_PATH}`;
  tools = await startFakeIncidentTools();
  base = await ensureScenarioTenant(stack, 'demo');
});

afterAll(async () => {
  await stack.stop();
  await tools.close();
});

beforeEach(async () => {
  tools.calls.length = 0;
  tools.script.length = 0;
  stack.secrets.put(PD_SECRET, JSON.stringify({ token: PAGERDUTY_TOKEN }));
  clearSecretCache();
  await putTenant(stack, { ...base, delivery: { slackSummary: true, pagerduty: { apiTokenSecretRef: PD_SECRET, fromEmail: 'causeway@acme.example', apiBaseUrl: tools.url } } });
});

const summariesOf = (id: string) => stack.slackMessages.filter((m) => m.body.text?.startsWith('Causeway: ') && JSON.stringify(m.body).includes(id));
const audit = (id: string) => readAudit(stack.tableName, 'demo', id, stack.db);

describe('delivery of a finished investigation', () => {
  it('a no-action investigation posts a Slack summary and a note on its PagerDuty incident', async () => {
    const run = await runScenario(stack, NO_ACTION);
    const id = run.record.investigationId;
    expect(run.record.status).toBe('diagnosed');
    expect(run.record.policy?.decision).toBe('none');

    const [summary, ...others] = summariesOf(id);
    expect(others).toEqual([]);
    const shown = JSON.stringify(summary!.body);
    expect(summary!.body.text).toContain('stripe-api dependency failure');
    expect(shown).toContain('Root cause: stripe-api');
    expect(shown).toContain('Top evidence');
    expect(shown).toContain(`${stack.apiUrl}/explorer/investigations/${id}`);
    expect(shown).not.toContain(PAGERDUTY_TOKEN);

    const [note, ...moreNotes] = tools.calls;
    expect(moreNotes).toEqual([]);
    expect(note!.path).toBe(`/incidents/${run.record.signal.externalId}/notes`);
    expect(note!.headers.from).toBe('causeway@acme.example');
    const content = (note!.body.note as { content: string }).content;
    expect(content).toContain('Root cause: stripe-api — dependency failure');
    expect(content).toContain(`Details: ${stack.apiUrl}/explorer/investigations/${id}`);

    const trail = await audit(id);
    expect(trail.filter((e) => e.type === 'delivery.sent').map((e) => e.detail.target).sort()).toEqual([`pagerduty#${run.record.signal.externalId}`, 'slack-summary']);
  });

  it('a retried Finish sends nothing twice', async () => {
    const run = await runScenario(stack, NO_ACTION);
    const id = run.record.investigationId;
    const slackBefore = stack.slackMessages.length;
    const finish = await loadHandler('../functions/finish/handler.js');
    await finish({ tenantId: 'demo', investigationId: id, outcome: { kind: 'no_action', decision: 'none' } }, {});
    expect(stack.slackMessages.length).toBe(slackBefore);
    expect(tools.calls).toHaveLength(1);
    expect((await audit(id)).filter((e) => e.type.startsWith('delivery.'))).toHaveLength(2);
  });

  it('a PagerDuty that refuses the token fails the note, audited, and never the investigation', async () => {
    stack.secrets.put(PD_SECRET, JSON.stringify({ token: 'revoked-token' }));
    clearSecretCache();
    const run = await runScenario(stack, NO_ACTION);
    const id = run.record.investigationId;
    expect(run.executionStatus).toBe('SUCCEEDED');
    expect((await readRecord(stack.tableName, 'demo', id, stack.db))?.status).toBe('diagnosed');
    expect(summariesOf(id)).toHaveLength(1);
    const failed = (await audit(id)).find((e) => e.type === 'delivery.failed');
    expect(failed?.detail).toMatchObject({ target: `pagerduty#${run.record.signal.externalId}`, reason: 'unauthorized', status: 401 });
    expect(JSON.stringify(failed)).not.toContain('revoked-token');
  });

  it('a PagerDuty answering 5xx then recovering gets its note on the second attempt', async () => {
    tools.script.push({ status: 503 });
    const run = await runScenario(stack, NO_ACTION);
    expect(tools.calls).toHaveLength(2);
    expect((await audit(run.record.investigationId)).find((e) => e.type === 'delivery.sent' && String(e.detail.target).startsWith('pagerduty#'))).toBeDefined();
  });

  it('an Opsgenie alert gets its note through the Alert API, and the summary says what was recommended', async () => {
    stack.secrets.put('causeway/tenants/demo/opsgenie', JSON.stringify({ apiKey: OPSGENIE_KEY }));
    await putTenant(stack, { ...base, policy: { ...base.policy, mode: 'off' }, delivery: { slackSummary: true, opsgenie: { apiKeySecretRef: 'causeway/tenants/demo/opsgenie', apiBaseUrl: tools.url } } });
    const run = await runScenario(stack, OPSGENIE);
    expect(run.record.status).toBe('diagnosed');
    const [note, ...more] = tools.calls;
    expect(more).toEqual([]);
    expect(note).toMatchObject({ tool: 'opsgenie', path: `/v2/alerts/${run.record.signal.externalId}/notes`, query: { identifierType: 'id' } });
    expect(note!.body.note).toContain('Root cause: identity — feature flag');
    expect(JSON.stringify(summariesOf(run.record.investigationId)[0]?.body)).toContain('Action: disable flag of identity recommended, not run — autonomy is off for this tenant');
  });

  it('with a Slack bot, what happened after the diagnosis follows as replies in the summary’s thread', async () => {
    stack.secrets.put('causeway/tenants/demo/slack-bot', JSON.stringify({ signingSecret: 'signing-secret-for-delivery', botToken: 'xoxb-local-test-token', channel: 'C0INCIDENTS' }));
    await putTenant(stack, { ...base, policy: { ...base.policy, mode: 'auto-low-risk', allowedServices: ['identity'] }, approval: { ...base.approval, slackAppSecretRef: 'causeway/tenants/demo/slack-bot' } });
    const run = await runScenario(stack, OPSGENIE);
    const id = run.record.investigationId;
    expect(run.record.policy?.decision).toBe('auto');
    const [summary] = summariesOf(id);
    const posted = summary!.body as { channel?: string; ts?: string; blocks?: { block_id?: string }[] };
    expect(posted).toMatchObject({ channel: 'C0INCIDENTS', ts: expect.any(String) });
    expect(posted.blocks?.map((b) => b.block_id)).toContain(`causeway-feedback:${id}`);
    const replies = stack.slackMessages.map((m) => m.body as { text?: string; thread_ts?: string }).filter((m) => m.thread_ts === posted.ts);
    expect(replies).toEqual([expect.objectContaining({ text: expect.stringMatching(/^Remediation (dry-run|failed|refused):/) })]);
  }, 20_000);

  it('without the opt-in nothing is written to PagerDuty', async () => {
    await putTenant(stack, base);
    const run = await runScenario(stack, NO_ACTION);
    expect(tools.calls).toEqual([]);
    expect(summariesOf(run.record.investigationId)).toHaveLength(1);
  });
});
