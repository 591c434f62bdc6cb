import { makeProviderHandler } from '../handler-factory.js';
import { ecsProvider } from './provider.js';

export const handler = makeProviderHandler(ecsProvider);
