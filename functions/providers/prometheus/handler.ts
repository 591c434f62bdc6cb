import { makeProviderHandler } from '../handler-factory.js';
import { prometheusProvider } from './provider.js';

export const handler = makeProviderHandler(prometheusProvider);
