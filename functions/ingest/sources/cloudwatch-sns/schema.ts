import { z } from 'zod';
import { OptionalString } from '../shared/parse.js';

/*
 * The SNS HTTP(S) envelope (Notification, SubscriptionConfirmation, UnsubscribeConfirmation).
 * A Lambda subscription delivers the same fields as `Records[0].Sns` of an SNS event, spelling
 * the certificate URL `SigningCertUrl`; both spellings are accepted so either can be verified.
 */

const LambdaSnsEvent = z.object({
  Records: z.tuple([z.object({ EventSource: z.literal('aws:sns'), Sns: z.looseObject({}) })]),
});

/**
 * The SNS message itself, whether the body is the HTTPS envelope or the event an SNS → Lambda
 * subscription receives (a forwarder that posts its event on as it came). SNS gives a Lambda
 * exactly one record; the signature inside it is verified like the HTTPS envelope's.
 */
export function snsMessageOf(body: unknown): unknown {
  const event = LambdaSnsEvent.safeParse(body);
  return event.success ? event.data.Records[0].Sns : body;
}
export const SnsEnvelope = z
  .object({
    Type: z.enum(['Notification', 'SubscriptionConfirmation', 'UnsubscribeConfirmation']),
    MessageId: z.string().min(1),
    TopicArn: z.string().min(1),
    Message: z.string(),
    Timestamp: z.string().min(1),
    SignatureVersion: z.enum(['1', '2']),
    Signature: z.string().min(1),
    SigningCertURL: z.string().optional(),
    SigningCertUrl: z.string().optional(),
    Subject: z.string().nullish(),
    SubscribeURL: z.string().optional(),
    Token: z.string().optional(),
  })
  .refine((e) => e.SigningCertURL ?? e.SigningCertUrl, { message: 'SigningCertURL is required', path: ['SigningCertURL'] });
export type SnsEnvelope = z.infer<typeof SnsEnvelope>;

/** What normalize needs of the envelope; signatures are verify's business. */
export const SnsNotification = z.object({
  Type: z.literal('Notification'),
  MessageId: z.string().min(1),
  TopicArn: OptionalString,
  Message: z.string(),
  Timestamp: OptionalString,
});

const Dimension = z.object({ name: z.string(), value: z.string() });

/** The alarm JSON CloudWatch publishes to an SNS topic as the notification's `Message`. */
export const SnsAlarmMessage = z.object({
  AlarmName: z.string().min(1),
  AlarmDescription: OptionalString,
  AWSAccountId: OptionalString,
  NewStateValue: z.enum(['ALARM', 'OK', 'INSUFFICIENT_DATA']),
  NewStateReason: OptionalString,
  StateChangeTime: OptionalString,
  AlarmArn: OptionalString,
  OldStateValue: OptionalString,
  Trigger: z
    .object({
      MetricName: OptionalString,
      Namespace: OptionalString,
      Dimensions: z.array(Dimension).nullish(),
      Metrics: z
        .array(
          z.object({
            MetricStat: z
              .object({
                Metric: z.object({
                  MetricName: OptionalString,
                  Namespace: OptionalString,
                  Dimensions: z.array(Dimension).nullish(),
                }),
              })
              .nullish(),
          }),
        )
        .nullish(),
    })
    .nullish(),
});
export type SnsAlarmMessage = z.infer<typeof SnsAlarmMessage>;
