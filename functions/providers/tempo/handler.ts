import { makeProviderHandler } from '../handler-factory.js';
import { tempoProvider } from './provider.js';

export const handler = makeProviderHandler(tempoProvider);
