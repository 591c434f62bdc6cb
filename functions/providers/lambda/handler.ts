import { makeProviderHandler } from '../handler-factory.js';
import { lambdaProvider } from './provider.js';

export const handler = makeProviderHandler(lambdaProvider);
