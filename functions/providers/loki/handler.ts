import { makeProviderHandler } from '../handler-factory.js';
import { lokiProvider } from './provider.js';

export const handler = makeProviderHandler(lokiProvider);
