import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type InvestigationRecord, Scenario, type TenantConfig, tenantSecretPrefix } from '../functions/contracts/index.js';
import { startReplay } from '../functions/ingest/replay.js';
import { readScenario } from '../functions/providers/scenario/load.js';
import { PayloadValidationError } from '../functions/shared/errors.js';
import { readRecord } from '../functions/shared/records.js';
import type { LocalStack, SlackMessage } from '../local/stack.js';
import { getTenant, putTenant } from '../local/tenants.js';
import { FileError } from './file-error.js';

export interface ScenarioRun {
  scenario: Scenario;
  record: InvestigationRecord;
  executionStatus: string;
  /** The approval message posted for this investigation, if the policy asked for one. */
  approvalMessage?: SlackMessage;
  durationMs: number;
}

/**
 * Reads and checks a scenario file; a {@link FileError} naming it when it cannot be used.
 * With `logs: 'drop'` the logs are checked one entry at a time and left out of what it
 * returns: running a scenario reads them through the scenario provider, and a 1M-line file
 * held here as well would double what the run holds.
 */
export function loadScenarioFile(file: string, options: { logs?: 'keep' | 'drop' } = {}): Scenario {
  if (options.logs === 'drop') return checkedWithoutLogs(file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new FileError(file, `not a readable JSON file (${(error as Error).message})`);
  }
  const parsed = Scenario.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new FileError(file, `not a causeway.scenario/v1 file: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

function checkedWithoutLogs(file: string): Scenario {
  try {
    const reader = readScenario(readFileSync(file));
    for (const _log of reader.logs());
    return reader.scenario;
  } catch (error) {
    if (error instanceof PayloadValidationError) throw new FileError(file, `not a causeway.scenario/v1 file: ${error.field.replace(/^scenario\.?/, '') || '(root)'}: ${error.message.slice(error.field.length + 2)}`);
    throw new FileError(file, `not a readable JSON file (${(error as Error).message})`);
  }
}

/** The tenant a scenario runs under when none is registered: approval mode, dry-run, approval messages to the local Slack capture. */
export async function ensureScenarioTenant(stack: LocalStack, tenantId: string): Promise<TenantConfig> {
  const existing = await getTenant(stack, tenantId);
  if (existing) return existing;
  const slackRef = `${tenantSecretPrefix(tenantId)}slack`;
  stack.secrets.put(slackRef, JSON.stringify({ url: stack.slackWebhookUrl }));
  return putTenant(stack, {
    tenantId,
    backends: [],
    topology: {},
    catalog: {},
    policy: { mode: 'approve', dryRun: true, allowedServices: [], allowedActions: ['rollback', 'restart', 'scale_out', 'revert_config', 'disable_flag'], maxReplicas: 20, maxScaleFactor: 2, freezeWindows: [], approvers: [] },
    approval: { timeoutSeconds: 3600, slackWebhookSecretRef: slackRef },
    enabledSources: ['alertmanager', 'pagerduty', 'cloudwatch', 'cloudwatch-sns', 'grafana', 'datadog', 'opsgenie', 'generic'],
  });
}

/**
 * Runs one scenario through the whole local pipeline (ingest normalizer → state machine
 * → record) and returns once the investigation has a diagnosis: when the execution
 * ends or waits for a human.
 */
export async function runScenario(stack: LocalStack, file: string): Promise<ScenarioRun> {
  const started = Date.now();
  const scenario = loadScenarioFile(file, { logs: 'drop' });
  const tenant = await ensureScenarioTenant(stack, scenario.tenant);
  const input = await startReplay(scenario, resolve(file), tenant, {
    tableName: stack.tableName,
    startExecution: async (execution) => {
      stack.sfn.startExecution(execution.investigationId, JSON.stringify(execution));
    },
  });
  const execution = await stack.sfn.settled(input.investigationId);
  const record = await readRecord(stack.tableName, tenant.tenantId, input.investigationId, stack.db);
  if (!record) throw new Error(`no record was written for ${input.investigationId}`);
  const approvalId = record.approval?.approvalId;
  const approvalMessage = approvalId ? stack.slackMessages.find((m) => JSON.stringify(m.body).includes(approvalId)) : undefined;
  return { scenario, record, executionStatus: execution.status, approvalMessage, durationMs: Date.now() - started };
}
