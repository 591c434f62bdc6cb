import { makeProviderHandler } from '../handler-factory.js';
import { xrayProvider } from './provider.js';

export const handler = makeProviderHandler(xrayProvider);
