import { z } from 'zod';
import { IncidentSignal, InvestigationId, Rca, StoredDigest, TenantId, type LlmConfig, type ScoredEvidence } from '../contracts/index.js';
import { loadEnv } from '../shared/env.js';
import { readScored } from '../shared/evidence-store.js';
import { createLogger } from '../shared/logger.js';
import { recordModelUsage } from '../shared/metrics.js';
import { stageHandler } from '../shared/stage.js';
import { loadTenantConfig } from '../shared/tenants.js';
import { writeDeterministicRca } from './deterministic.js';
import { modelClientFor, readApiKey } from './llm/config.js';
import { fallback, reasonWithModel, type ReasonOutcome } from './llm/reason.js';

const env = loadEnv({ TABLE_NAME: z.string().min(1) });
const logger = createLogger('reason');

export const ReasonInput = z.object({
  tenantId: TenantId,
  investigationId: InvestigationId,
  signal: IncidentSignal,
  /** The scored evidence by reference (claim check), read back whole before anything is written. */
  digest: StoredDigest,
});
type ReasonInput = Omit<z.infer<typeof ReasonInput>, 'digest'> & { scored: ScoredEvidence };

/**
 * The tenant's model settings, read fresh; a read failure is reported rather than thrown,
 * because not knowing about the model must not fail the investigation.
 */
async function tenantModel(tenantId: string): Promise<{ config?: LlmConfig; error?: Error }> {
  try {
    return { config: (await loadTenantConfig(env.TABLE_NAME, tenantId))?.llm };
  } catch (error) {
    return { error: error as Error };
  }
}

async function reason(input: ReasonInput): Promise<ReasonOutcome> {
  const { config, error } = await tenantModel(input.tenantId);
  if (error) return fallback(writeDeterministicRca(input), `the tenant's model settings could not be read (${error.name})`);
  if (!config) return { rca: writeDeterministicRca(input) };
  let apiKey: string | undefined;
  try {
    apiKey = await readApiKey(input.tenantId, config);
  } catch (keyError) {
    return fallback({ ...writeDeterministicRca(input), model: config.model }, `the model's API key could not be read (${(keyError as Error).name})`);
  }
  return reasonWithModel(input, { client: modelClientFor(config, apiKey), config });
}

/**
 * Writes the RCA: the tenant's model when one is configured and its answer passes
 * grounding, otherwise the deterministic writer, with a caveat saying why. The record
 * stores who wrote it, the model, the prompt version, tokens, latency and cost.
 */
export const handler = stageHandler(ReasonInput, Rca, async ({ digest, ...input }) => {
  const scored = await readScored({ tableName: env.TABLE_NAME }, input, digest.ref);
  const { rca, fallbackReason } = await reason({ ...input, scored });
  const fields = { investigationId: input.investigationId, author: rca.author, model: rca.model, usage: rca.usage, rootCause: { service: rca.rootCause.service, kind: rca.rootCause.kind } };
  if (fallbackReason && rca.model) logger.warn('model not used for the rca', { ...fields, fallbackReason });
  else logger.info('rca written', fields);
  if (rca.usage) recordModelUsage(input.tenantId, rca.usage, rca.model);
  return rca;
});
