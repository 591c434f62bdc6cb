import { createHmac } from 'node:crypto';
import { safeEqual } from '../shared/compare.js';

/** Slack's replay window: a request signed more than five minutes from now is refused. */
export const SLACK_REPLAY_WINDOW_SECONDS = 300;

/** `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<raw body>` with the app's signing secret, as Slack signs requests. */
export function slackSignature(signingSecret: string, timestamp: string, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

/**
 * Verifies a Slack request over the raw body exactly as received. The timestamp is
 * checked first, so a captured request replayed later fails even with a good signature.
 */
export function verifySlackRequest(signingSecret: string, headers: Record<string, string | undefined>, rawBody: string, now: Date): 'ok' | 'stale' | 'bad_signature' {
  const timestamp = headers['x-slack-request-timestamp'] ?? '';
  const signature = headers['x-slack-signature'] ?? '';
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now.getTime() / 1000 - Number(timestamp)) > SLACK_REPLAY_WINDOW_SECONDS) return 'stale';
  return safeEqual(slackSignature(signingSecret, timestamp, rawBody), signature) ? 'ok' : 'bad_signature';
}
