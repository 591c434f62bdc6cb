import { makeProviderHandler } from '../handler-factory.js';
import { cloudtrailProvider } from './provider.js';

export const handler = makeProviderHandler(cloudtrailProvider);
