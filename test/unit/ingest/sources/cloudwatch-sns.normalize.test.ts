import { describe, expect, it } from 'vitest';
import { PayloadValidationError } from '../../../../functions/shared/errors.js';
import { cloudWatchAdapter } from '../../../../functions/ingest/sources/cloudwatch/index.js';
import { cloudWatchSnsAdapter } from '../../../../functions/ingest/sources/cloudwatch-sns/index.js';
import { context, fixture } from './support/fixtures.js';

const body = (name: string) => fixture('cloudwatch-sns', name).body as Record<string, unknown>;

describe('cloudwatch-sns normalize', () => {
  it('reads the alarm JSON out of the notification Message', () => {
    const [signal] = cloudWatchSnsAdapter.normalize(body('notification-alarm.json'), context());

    expect(signal).toMatchObject({
      source: 'cloudwatch-sns',
      status: 'firing',
      severity: 'high',
      title: 'payments-db-cpu-high',
      service: 'payments-db-1',
      startedAt: '2026-03-14T13:05:21.947Z',
      labels: { DBInstanceIdentifier: 'payments-db-1' },
      correlation: { awsAccountId: '210987654321', region: 'eu-west-1' },
    });
    expect(signal?.description).toContain('payments RDS instance CPU above 85%');
  });

  it('resolves on OK under the same dedup key', () => {
    const [firing] = cloudWatchSnsAdapter.normalize(body('notification-alarm.json'), context());
    const [resolved] = cloudWatchSnsAdapter.normalize(body('notification-ok.json'), context());
    expect(resolved?.status).toBe('resolved');
    expect(resolved?.dedupKey).toBe(firing?.dedupKey);
  });

  it('shares the dedup key with the EventBridge delivery of the same alarm', () => {
    const [viaSns] = cloudWatchSnsAdapter.normalize(body('notification-eventbridge.json'), context());
    const [viaEvents] = cloudWatchAdapter.normalize(fixture('cloudwatch', 'alarm-lambda-errors.json').body, context());
    expect(viaSns?.source).toBe('cloudwatch-sns');
    expect(viaSns?.dedupKey).toBe(viaEvents?.dedupKey);
  });

  it('reads dimensions of a metric-math alarm from Trigger.Metrics', () => {
    const message = JSON.parse(String(body('notification-alarm.json')['Message'])) as Record<string, unknown>;
    message['Trigger'] = {
      Metrics: [
        { Expression: 'm1 * 100', Id: 'e1', ReturnData: true },
        { Id: 'm1', MetricStat: { Metric: { Dimensions: [{ name: 'FunctionName', value: 'thumbnailer' }], MetricName: 'Errors', Namespace: 'AWS/Lambda' } } },
      ],
    };
    const [signal] = cloudWatchSnsAdapter.normalize({ ...body('notification-alarm.json'), Message: JSON.stringify(message) }, context());
    expect(signal?.service).toBe('thumbnailer');
  });

  it.each([
    ['a Message that is not JSON', { Message: 'hello' }, 'Message'],
    ['a Message that is not an alarm', { Message: '{"foo":1}' }, 'Message.AlarmName'],
    ['a confirmation given to normalize', { Type: 'SubscriptionConfirmation' }, 'Type'],
  ])('rejects %s naming the field', (_, patch, field) => {
    const error = (() => {
      try {
        cloudWatchSnsAdapter.normalize({ ...body('notification-alarm.json'), ...patch }, context());
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(PayloadValidationError);
    expect((error as PayloadValidationError).field).toBe(field);
  });
});

describe('cloudwatch-sns handshake', () => {
  it('asks the pipeline to confirm a subscription', () => {
    expect(cloudWatchSnsAdapter.handshake?.(body('subscription-confirmation.json'))).toEqual({
      kind: 'sns-subscription-confirmation',
      subscribeUrl: body('subscription-confirmation.json')['SubscribeURL'],
      topicArn: 'arn:aws:sns:eu-west-1:210987654321:causeway-alarms',
    });
  });

  it('acknowledges an unsubscribe without visiting its URL', () => {
    expect(cloudWatchSnsAdapter.handshake?.(body('unsubscribe-confirmation.json'))).toEqual({
      kind: 'sns-unsubscribe-confirmation',
      topicArn: 'arn:aws:sns:eu-west-1:210987654321:causeway-alarms',
    });
  });

  it('is not a handshake for a notification', () => {
    expect(cloudWatchSnsAdapter.handshake?.(body('notification-alarm.json'))).toBeUndefined();
  });

  it.each(['https://evil.example.com/?Action=ConfirmSubscription', 'http://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription', 'https://sns.eu-west-1.amazonaws.com/?Action=Publish'])(
    'refuses to hand over a subscribe URL like %s',
    (url) => {
      expect(() => cloudWatchSnsAdapter.handshake?.({ ...body('subscription-confirmation.json'), SubscribeURL: url })).toThrow(PayloadValidationError);
    },
  );
});
