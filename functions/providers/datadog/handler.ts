import { makeProviderHandler } from '../handler-factory.js';
import { datadogProvider } from './provider.js';

export const handler = makeProviderHandler(datadogProvider);
