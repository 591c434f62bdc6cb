import { z } from 'zod';
import { PayloadValidationError } from '../../../shared/errors.js';
import type { Handshake } from '../types.js';
import { snsMessageOf } from './schema.js';
import { isSubscribeUrl } from './urls.js';

const Confirmation = z.object({
  Type: z.enum(['SubscriptionConfirmation', 'UnsubscribeConfirmation']),
  TopicArn: z.string().min(1),
  SubscribeURL: z.string().optional(),
});

/**
 * Subscription and unsubscription confirmations are protocol, not alerts. The subscribe URL is
 * re-checked here (verify already bound it to the signature) because the pipeline will fetch it.
 */
export function snsHandshake(body: unknown): Handshake | undefined {
  const result = Confirmation.safeParse(snsMessageOf(body));
  if (!result.success) return undefined;
  const { Type, TopicArn, SubscribeURL } = result.data;
  if (Type === 'UnsubscribeConfirmation') return { kind: 'sns-unsubscribe-confirmation', topicArn: TopicArn };
  if (!SubscribeURL || !isSubscribeUrl(SubscribeURL)) {
    throw new PayloadValidationError('SubscribeURL', 'is not an SNS ConfirmSubscription URL');
  }
  return { kind: 'sns-subscription-confirmation', subscribeUrl: SubscribeURL, topicArn: TopicArn };
}
