import { z } from 'zod';
import { loadEnv } from '../../shared/env.js';
import { loadTenantConfig } from '../../shared/tenants.js';
import { makeProviderHandler } from '../handler-factory.js';
import { makeArgocdProvider } from './provider.js';

const env = loadEnv({ TABLE_NAME: z.string().min(1) });

/** The catalog (service → Argo CD app) comes from the tenant's config item; plans do not carry it. */
export const handler = makeProviderHandler(makeArgocdProvider(async (tenantId) => (await loadTenantConfig(env.TABLE_NAME, tenantId))?.catalog ?? {}));
