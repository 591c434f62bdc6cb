import { z } from 'zod';
import { BackendConfig, EvidenceClass, EvidencePlan, InvestigationInput, ReferenceSetting } from '../contracts/index.js';
import { loadEnv } from '../shared/env.js';
import { ConfigurationError } from '../shared/errors.js';
import { createLogger } from '../shared/logger.js';
import { stageHandler } from '../shared/stage.js';
import { loadTenantConfig } from '../shared/tenants.js';
import { withCatalog } from './catalog.js';
import { buildPlans, mergeTopology } from './plans.js';

const env = loadEnv({
  TABLE_NAME: z.string().min(1),
  PROVIDER_FUNCTIONS: z.string().transform((text, ctx) => {
    try {
      return z.record(z.string(), z.string()).parse(JSON.parse(text));
    } catch {
      ctx.addIssue({ code: 'custom', message: 'PROVIDER_FUNCTIONS must be a JSON object of type → function ARN' });
      return z.NEVER;
    }
  }),
  /** The deployment's reference setting for tenants that set none (the construct's `referenceOffsets`); absent, the built-in default. */
  DEFAULT_REFERENCE: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return undefined;
      try {
        return ReferenceSetting.parse(JSON.parse(text));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'DEFAULT_REFERENCE must be a JSON reference setting such as {"offsets":["24h","168h"]}' });
        return z.NEVER;
      }
    }),
});
const logger = createLogger('load-tenant');

const ALL_CLASSES = EvidenceClass.options;

export const LoadTenantOutput = z.object({
  plans: z.array(EvidencePlan),
  topology: z.record(z.string(), z.array(z.string())),
  unplanned: z.array(z.string()),
});

/** Turns the alert and the tenant's config into evidence plans; a replay adds the scenario as one more backend. */
export const handler = stageHandler(InvestigationInput, LoadTenantOutput, async (input) => {
  const tenant = await loadTenantConfig(env.TABLE_NAME, input.tenantId);
  if (!tenant) throw new ConfigurationError(`tenant ${input.tenantId} is not registered`);
  const backends: BackendConfig[] = tenant.backends.map((backend) => withCatalog(backend, tenant.catalog));
  if (input.replay) {
    backends.unshift(BackendConfig.parse({ id: 'scenario', type: 'scenario', classes: ALL_CLASSES, options: { file: input.replay.file } }));
  }
  const topology = mergeTopology(tenant.topology, input.replay?.topology ?? {});
  const { plans, unplanned } = buildPlans({
    tenantId: input.tenantId,
    investigationId: input.investigationId,
    signal: input.signal,
    backends,
    topology,
    providerFunctions: env.PROVIDER_FUNCTIONS,
    reference: tenant.reference ?? env.DEFAULT_REFERENCE,
  });
  if (unplanned.length > 0) logger.warn('backends without a deployed provider', { unplanned });
  logger.info('planned evidence', { investigationId: input.investigationId, plans: plans.length });
  return { plans, topology, unplanned };
});
