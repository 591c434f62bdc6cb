import { z } from 'zod';
import { IncidentSignal, InvestigationId, Rca, ScoredEvidence, TenantId } from '../contracts/index.js';
import { createLogger } from '../shared/logger.js';
import { stageHandler } from '../shared/stage.js';
import { writeDeterministicRca } from './deterministic.js';

const logger = createLogger('reason');

export const ReasonInput = z.object({
  tenantId: TenantId,
  investigationId: InvestigationId,
  signal: IncidentSignal,
  scored: ScoredEvidence,
});

/** Writes the RCA. Until a model is configured for the tenant, the deterministic writer is the author. */
export const handler = stageHandler(ReasonInput, Rca, async (input) => {
  const rca = writeDeterministicRca({ signal: input.signal, scored: input.scored });
  logger.info('rca written', { investigationId: input.investigationId, author: rca.author, rootCause: { service: rca.rootCause.service, kind: rca.rootCause.kind } });
  return rca;
});
