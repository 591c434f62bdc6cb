import { z } from 'zod';
import { loadEnv } from '../../shared/env.js';
import { makeProviderHandler } from '../handler-factory.js';
import { makeChangelogProvider } from './provider.js';

const env = loadEnv({ TABLE_NAME: z.string().min(1) });

export const handler = makeProviderHandler(makeChangelogProvider(env.TABLE_NAME));
