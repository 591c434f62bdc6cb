import { randomBytes } from 'node:crypto';
import type { InvestigationInput, InvestigationRecord, Scenario, TenantConfig } from '../contracts/index.js';
import { PayloadValidationError } from '../shared/errors.js';
import { createRecord } from '../shared/records.js';
import { getSourceAdapter } from './sources/index.js';

/**
 * Starts an investigation from a scenario. Everything after authentication runs as for
 * a live webhook (parse, normalize, service inference); authentication is skipped
 * because a scenario carries the sender's payload, not its credentials. Replays skip
 * dedup too: running a scenario again is a deliberate new investigation.
 */
export async function startReplay(
  scenario: Scenario,
  file: string,
  tenant: TenantConfig,
  deps: { tableName: string; startExecution: (input: InvestigationInput) => Promise<void> },
): Promise<InvestigationInput> {
  const receivedAt = new Date(scenario.at);
  const signals = getSourceAdapter(scenario.signal.source).normalize(scenario.signal.body, { tenantId: tenant.tenantId, receivedAt, catalog: tenant.catalog });
  const signal = signals.find((s) => s.status === 'firing') ?? signals[0];
  if (!signal) throw new PayloadValidationError('signal.body', 'the scenario signal holds no alert');
  const investigationId = `replay-${scenario.name.slice(0, 50)}-${randomBytes(4).toString('hex')}`;
  const input: InvestigationInput = { tenantId: tenant.tenantId, investigationId, signal, replay: { file, topology: scenario.topology ?? {} } };
  const now = new Date().toISOString();
  const record: InvestigationRecord = {
    tenantId: tenant.tenantId,
    investigationId,
    executionName: investigationId,
    status: 'investigating',
    createdAt: now,
    updatedAt: now,
    signal,
    relatedSignals: [],
  };
  await createRecord(deps.tableName, record);
  await deps.startExecution(input);
  return input;
}
