import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioFromRecord } from '../../cli/scenario-export.js';
import { ensureScenarioTenant, loadScenarioFile, runScenario } from '../../cli/scenario-run.js';
import { recordFeedback } from '../../functions/feedback/record-feedback.js';
import { readRecord } from '../../functions/shared/records.js';
import { startLocalStack, type LocalStack } from '../../local/stack.js';
import { putTenant } from '../../local/tenants.js';

const scenario = (name: string) => fileURLToPath(new URL(`../../scenarios/${name}.json`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'causeway-export-'));

let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({ retryIntervalMs: 5 });
  const tenant = await ensureScenarioTenant(stack, 'demo');
  await putTenant(stack, { ...tenant, policy: { ...tenant.policy, mode: 'off' } });
});

afterAll(async () => {
  await stack.stop();
});

/** Investigates a scenario, has a person confirm (or correct) it, and exports the record. */
async function investigateAndConfirm(name: string, verdict: { verdict: 'right' | 'wrong'; rootCause?: { service: string; kind: 'code_defect' } }) {
  const original = await runScenario(stack, scenario(name));
  const id = original.record.investigationId;
  const outcome = await recordFeedback(
    { tableName: stack.tableName, tenantId: 'demo', investigationId: id, feedback: { at: new Date().toISOString(), by: { issuer: 'https://slack.com', subject: 'T0ACME/U0ALICE' }, ...verdict }, requestId: `test-${id}` },
    () => readRecord(stack.tableName, 'demo', id, stack.db),
  );
  expect(outcome.kind).toBe('recorded');
  const record = (await readRecord(stack.tableName, 'demo', id, stack.db))!;
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(scenarioFromRecord(record)));
  return { original: original.record, file };
}

describe('causeway export-scenario', () => {
  for (const name of ['shop-storefront-checkout-5xx', 'payments-card-authorizations-failing']) {
    it(`${name}: the exported scenario loads as causeway.scenario/v1 and replays to the same, confirmed answer`, async () => {
      const { original, file } = await investigateAndConfirm(name, { verdict: 'right' });
      const exported = loadScenarioFile(file);
      expect(exported.signal.source).toBe('generic');
      expect(exported.expected?.rootCause).toEqual({ service: original.rca!.rootCause.service, kind: original.rca!.rootCause.kind });

      const replay = await runScenario(stack, file);
      expect(replay.record.signal).toMatchObject({ title: original.signal.title, service: original.signal.service, severity: original.signal.severity, startedAt: original.signal.startedAt });
      expect(replay.record.rca?.rootCause).toMatchObject(exported.expected!.rootCause);
      expect(replay.record.scored?.suspects[0]).toMatchObject(exported.expected!.rootCause);
      expect(replay.record.scored?.recommendedAction.kind).toBe(exported.expected!.action);
    });
  }

  it('a correction becomes the expected answer; a bare "wrong" confirms nothing', async () => {
    const corrected = await investigateAndConfirm('payments-card-authorizations-failing', { verdict: 'wrong', rootCause: { service: 'payments-api', kind: 'code_defect' } });
    expect(loadScenarioFile(corrected.file).expected).toEqual({ rootCause: { service: 'payments-api', kind: 'code_defect' } });
    const unconfirmed = await investigateAndConfirm('payments-card-authorizations-failing', { verdict: 'wrong' });
    const exported = loadScenarioFile(unconfirmed.file);
    expect(exported.expected).toBeUndefined();
    expect(exported.description).toContain('no confirmed answer yet');
  });
});
