import type { SourceAdapter } from '../types.js';
import { snsHandshake } from './handshake.js';
import { normalizeSnsNotification } from './normalize.js';
import { verifySnsMessage } from './verify.js';

/** CloudWatch alarms published to an SNS topic and delivered to the HTTPS route (or a Lambda subscription). */
export const cloudWatchSnsAdapter: SourceAdapter = {
  source: 'cloudwatch-sns',
  door: 'http',
  verify: verifySnsMessage,
  normalize: normalizeSnsNotification,
  handshake: snsHandshake,
};
