import { makeProviderHandler } from '../handler-factory.js';
import { cloudwatchMetricsProvider } from './provider.js';

export const handler = makeProviderHandler(cloudwatchMetricsProvider);
