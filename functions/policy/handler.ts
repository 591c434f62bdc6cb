import { z } from 'zod';
import { IncidentSignal, InvestigationId, PolicyDecision, Rca, StoredDigest, TenantId } from '../contracts/index.js';
import { loadEnv } from '../shared/env.js';
import { ConfigurationError } from '../shared/errors.js';
import { readScored } from '../shared/evidence-store.js';
import { readRecord, recordStageResult } from '../shared/records.js';
import { stageHandler } from '../shared/stage.js';
import { loadTenantConfig } from '../shared/tenants.js';
import { decide } from './decide.js';

const env = loadEnv({ TABLE_NAME: z.string().min(1) });

export const PolicyInput = z.object({
  tenantId: TenantId,
  investigationId: InvestigationId,
  signal: IncidentSignal,
  digest: StoredDigest,
  rca: Rca,
});

/** Reads the tenant's policy fresh (never from state) and records the decision with its reasons, once. */
export const handler = stageHandler(PolicyInput, PolicyDecision, async (input) => {
  const tenant = await loadTenantConfig(env.TABLE_NAME, input.tenantId);
  if (!tenant) throw new ConfigurationError(`tenant ${input.tenantId} is not registered`);
  const scored = await readScored({ tableName: env.TABLE_NAME }, input, input.digest.ref);
  const decision = decide({ tenant, investigationId: input.investigationId, scored, now: new Date() });
  const written = await recordStageResult(env.TABLE_NAME, input.tenantId, input.investigationId, 'policy', decision, {
    entry: { type: 'policy.decided', actor: 'causeway:policy', detail: { decision: decision.decision, reasons: decision.reasons, action: decision.action?.kind } },
    entryId: `policy-${input.investigationId}`,
  });
  if (written) return decision;
  // A retry after an earlier attempt recorded its decision (a freeze window may have opened since): the run goes on with the recorded one, as Remediate checks.
  return (await readRecord(env.TABLE_NAME, input.tenantId, input.investigationId))?.policy ?? decision;
});
