import { makeProviderHandler } from '../handler-factory.js';
import { cloudwatchLogsProvider } from './provider.js';

export const handler = makeProviderHandler(cloudwatchLogsProvider);
