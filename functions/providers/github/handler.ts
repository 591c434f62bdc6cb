import { z } from 'zod';
import { loadEnv } from '../../shared/env.js';
import { loadTenantConfig } from '../../shared/tenants.js';
import { makeProviderHandler } from '../handler-factory.js';
import { makeGithubProvider } from './provider.js';

const env = loadEnv({ TABLE_NAME: z.string().min(1) });

/** The catalog (service → repo and path) comes from the tenant's config item; plans do not carry it. */
export const handler = makeProviderHandler(makeGithubProvider(async (tenantId) => (await loadTenantConfig(env.TABLE_NAME, tenantId))?.catalog ?? {}));
