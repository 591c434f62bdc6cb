import { makeProviderHandler } from '../handler-factory.js';
import { kubernetesProvider } from './provider.js';

export const handler = makeProviderHandler(kubernetesProvider);
