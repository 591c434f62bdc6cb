import { z } from 'zod';
import { IncidentSignal, InvestigationId, ProviderResult, StoredDigest, StoredProviderResult, TenantId, type ScoredEvidence } from '../contracts/index.js';
import { loadEnv } from '../shared/env.js';
import { readProviderResult, storeScored, type StoreOwner } from '../shared/evidence-store.js';
import { createLogger } from '../shared/logger.js';
import { stageHandler } from '../shared/stage.js';
import { scoreInvestigation } from './core/index.js';

const env = loadEnv({ TABLE_NAME: z.string().min(1) });
const logger = createLogger('score');

export const ScoreInput = z.object({
  tenantId: TenantId,
  investigationId: InvestigationId,
  signal: IncidentSignal,
  topology: z.record(z.string(), z.array(z.string())),
  /** Each provider's stored result, or the error entry Gather's Catch wrote for a provider that failed (nothing stored); never a whole result inline. */
  results: z.array(z.union([StoredProviderResult, ProviderResult.refine((r) => r.status === 'error', 'a provider result rides in state only as a failure entry; results are stored')])),
});

/** Score replaces the whole state: the provider results stop here, and the scored evidence goes on by reference. */
export const ScoreOutput = z.object({
  tenantId: TenantId,
  investigationId: InvestigationId,
  signal: IncidentSignal,
  digest: StoredDigest,
});

/** The state's headline of the scored evidence: its reference, the confidence and the top three suspects. */
export function digestFor(ref: StoredDigest['ref'], scored: ScoredEvidence): StoredDigest {
  return { ref, confidence: scored.confidence, suspects: scored.suspects.slice(0, 3).map(({ service, kind, score }) => ({ service, kind, score })) };
}

/** Every provider's whole result, read back through the claim check (for this investigation only). */
function resolveResults(owner: StoreOwner, results: z.infer<typeof ScoreInput>['results']): Promise<ProviderResult[]> {
  return Promise.all(results.map((r) => ('result' in r ? readProviderResult({ tableName: env.TABLE_NAME }, owner, r.result) : r)));
}

export const handler = stageHandler(ScoreInput, ScoreOutput, async (input) => {
  const owner = { tenantId: input.tenantId, investigationId: input.investigationId };
  const results = await resolveResults(owner, input.results);
  const scored = scoreInvestigation({ signal: input.signal, topology: input.topology, results });
  const ref = await storeScored({ tableName: env.TABLE_NAME }, owner, scored);
  logger.info('scored', { investigationId: input.investigationId, top: scored.suspects[0], confidence: scored.confidence, digestBytes: ref.bytes });
  return { tenantId: input.tenantId, investigationId: input.investigationId, signal: input.signal, digest: digestFor(ref, scored) };
});
