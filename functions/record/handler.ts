import { z } from 'zod';
import { IncidentSignal, InvestigationId, Rca, StoredDigest, TenantId, type ScoredEvidence } from '../contracts/index.js';
import { recallSimilar } from '../memory/store.js';
import { appendAudit } from '../shared/audit.js';
import { loadEnv } from '../shared/env.js';
import { readScored } from '../shared/evidence-store.js';
import { createLogger } from '../shared/logger.js';
import { recordTimeToRca } from '../shared/metrics.js';
import { stageHandler } from '../shared/stage.js';
import { recordDiagnosis } from '../shared/records.js';

const env = loadEnv({ TABLE_NAME: z.string().min(1) });
const logger = createLogger('record');

export const RecordInput = z.object({
  tenantId: TenantId,
  investigationId: InvestigationId,
  executionName: z.string(),
  signal: IncidentSignal,
  digest: StoredDigest,
  rca: Rca,
});

/** The tenant's similar past incidents; a failed recall leaves them out rather than failing the diagnosis. */
async function similarOrNone(input: Omit<z.infer<typeof RecordInput>, 'digest'> & { scored: ScoredEvidence }) {
  try {
    return await recallSimilar(env.TABLE_NAME, input, new Date());
  } catch (error) {
    logger.warn('could not recall similar incidents; the record goes without them', { tenantId: input.tenantId, investigationId: input.investigationId, error: (error as Error).name });
    return undefined;
  }
}

/** Stores the diagnosis on the investigation record, with the similar past incidents memory recalls: the system of record, whatever happens next. */
export const handler = stageHandler(RecordInput, z.object({ status: z.literal('diagnosed') }), async ({ digest, ...rest }) => {
  const input = { ...rest, scored: await readScored({ tableName: env.TABLE_NAME }, rest, digest.ref) };
  await recordDiagnosis(env.TABLE_NAME, input.tenantId, input.investigationId, {
    executionName: input.executionName,
    scoredRef: digest.ref,
    rca: input.rca,
    similar: await similarOrNone(input),
  });
  await appendAudit(
    env.TABLE_NAME,
    input.tenantId,
    input.investigationId,
    {
      type: 'investigation.diagnosed',
      actor: `causeway:${input.rca.author}`,
      detail: { rootCause: { service: input.rca.rootCause.service, kind: input.rca.rootCause.kind }, confidence: input.rca.confidence },
    },
    { entryId: `diagnosed-${input.executionName}` },
  );
  recordTimeToRca({ tenantId: input.tenantId, investigationId: input.investigationId, receivedAt: input.signal.receivedAt, diagnosedAt: new Date(), confidence: input.rca.confidence, author: input.rca.author });
  return { status: 'diagnosed' as const };
});
