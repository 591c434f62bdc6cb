import { z } from 'zod';
import { IncidentSignal, InvestigationId, ProviderResult, ScoredEvidence, TenantId } from '../contracts/index.js';
import { createLogger } from '../shared/logger.js';
import { stageHandler } from '../shared/stage.js';
import { scoreInvestigation } from './core/index.js';

const logger = createLogger('score');

export const ScoreInput = z.object({
  tenantId: TenantId,
  investigationId: InvestigationId,
  signal: IncidentSignal,
  topology: z.record(z.string(), z.array(z.string())),
  results: z.array(ProviderResult),
});

/** Score replaces the whole state: the raw provider results stop here, only the bounded digest goes on. */
export const ScoreOutput = z.object({
  tenantId: TenantId,
  investigationId: InvestigationId,
  signal: IncidentSignal,
  scored: ScoredEvidence,
});

export const handler = stageHandler(ScoreInput, ScoreOutput, async (input) => {
  const scored = scoreInvestigation({ signal: input.signal, topology: input.topology, results: input.results });
  logger.info('scored', { investigationId: input.investigationId, top: scored.suspects[0], confidence: scored.confidence });
  return { tenantId: input.tenantId, investigationId: input.investigationId, signal: input.signal, scored };
});
