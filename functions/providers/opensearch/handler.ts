import { makeProviderHandler } from '../handler-factory.js';
import { openSearchProvider } from './provider.js';

export const handler = makeProviderHandler(openSearchProvider);
