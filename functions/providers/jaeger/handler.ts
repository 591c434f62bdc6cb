import { makeProviderHandler } from '../handler-factory.js';
import { jaegerProvider } from './provider.js';

export const handler = makeProviderHandler(jaegerProvider);
