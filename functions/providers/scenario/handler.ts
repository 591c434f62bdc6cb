import { makeProviderHandler } from '../handler-factory.js';
import { scenarioProvider } from './provider.js';

export const handler = makeProviderHandler(scenarioProvider);
