import { makeProviderHandler } from '../handler-factory.js';
import { codedeployProvider } from './provider.js';

export const handler = makeProviderHandler(codedeployProvider);
