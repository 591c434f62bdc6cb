import { makeProviderHandler } from '../handler-factory.js';
import { awsHealthProvider } from './provider.js';

export const handler = makeProviderHandler(awsHealthProvider);
