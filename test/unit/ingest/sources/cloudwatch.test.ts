import { describe, expect, it } from 'vitest';
import { IncidentSignal } from '../../../../functions/contracts/signal.js';
import { PayloadValidationError } from '../../../../functions/shared/errors.js';
import { cloudWatchAdapter } from '../../../../functions/ingest/sources/cloudwatch/index.js';
import { context, deps, fixture, rejection, request } from './support/fixtures.js';

const normalize = (name: string, catalog = {}) => cloudWatchAdapter.normalize(fixture('cloudwatch', name).body, context(catalog));

describe('cloudwatch (EventBridge) normalize', () => {
  it('turns an ALARM state change into a firing signal about the Lambda function', () => {
    const [signal] = normalize('alarm-lambda-errors.json');

    expect(IncidentSignal.parse(signal)).toEqual(signal);
    expect(signal).toMatchObject({
      source: 'cloudwatch',
      status: 'firing',
      severity: 'high',
      title: 'checkout-handler-errors',
      service: 'checkout-handler',
      startedAt: '2026-03-14T09:26:53.406Z',
      externalId: 'arn:aws:cloudwatch:eu-west-1:210987654321:alarm:checkout-handler-errors',
      labels: { FunctionName: 'checkout-handler' },
      correlation: {
        awsAccountId: '210987654321',
        region: 'eu-west-1',
        resourceArn: 'arn:aws:cloudwatch:eu-west-1:210987654321:alarm:checkout-handler-errors',
      },
    });
    expect(signal?.description).toContain('Threshold Crossed');
    expect(signal?.links.source).toBe(
      'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#alarmsV2:alarm/checkout-handler-errors',
    );
  });

  it('resolves on OK with the same dedup key, starting when the alarm started', () => {
    const [firing] = normalize('alarm-lambda-errors.json');
    const [resolved] = normalize('alarm-lambda-errors-ok.json');

    expect(resolved).toMatchObject({ status: 'resolved', severity: 'info', startedAt: '2026-03-14T09:26:53.406Z' });
    expect(resolved?.dedupKey).toBe(firing?.dedupKey);
  });

  it('names the service as the catalog does when a Lambda function is catalogued', () => {
    const [signal] = normalize('alarm-lambda-errors.json', { checkout: { lambda: { functionName: 'checkout-handler' } } });
    expect(signal?.service).toBe('checkout');
  });

  it('keeps INSUFFICIENT_DATA firing at info, with the target group name as the service', () => {
    const [signal] = normalize('alarm-alb-insufficient-data.json');
    expect(signal).toMatchObject({ status: 'firing', severity: 'info', service: 'storefront-tg', environment: 'prod' });
    expect(signal?.labels).toMatchObject({ team: 'web', LoadBalancer: 'app/storefront-alb/50dc6c495c0c9188' });
  });

  it('reads the ECS service out of a metric-math alarm and the severity from its tags', () => {
    const [signal] = normalize('alarm-ecs-metric-math.json', { orders: { ecs: { cluster: 'shop-prod', service: 'orders-api' } } });
    expect(signal).toMatchObject({ severity: 'critical', service: 'orders', labels: { ClusterName: 'shop-prod', ServiceName: 'orders-api' } });
  });

  it.each([
    ['LoadBalancer', { LoadBalancer: 'app/my-alb/123' }, 'my-alb'],
    ['DBInstanceIdentifier', { DBInstanceIdentifier: 'orders-db' }, 'orders-db'],
    ['TableName', { TableName: 'carts' }, 'carts'],
    ['QueueName', { QueueName: 'emails-dlq' }, 'emails-dlq'],
    ['ApiName', { ApiName: 'public-api' }, 'public-api'],
    ['StateMachineArn', { StateMachineArn: 'arn:aws:states:eu-west-1:210987654321:stateMachine:fulfil' }, 'fulfil'],
    ['ServiceName over ClusterName', { ClusterName: 'prod', ServiceName: 'web' }, 'web'],
  ])('maps the %s dimension to a service', (_, dimensions, service) => {
    const event = structuredClone(fixture('cloudwatch', 'alarm-lambda-errors.json').body) as {
      detail: { configuration: { metrics: Array<{ metricStat: { metric: { dimensions: Record<string, string> } } }> } };
    };
    event.detail.configuration.metrics[0]!.metricStat.metric.dimensions = dimensions;
    expect(cloudWatchAdapter.normalize(event, context())[0]?.service).toBe(service);
  });

  it('rejects another EventBridge event naming the field', () => {
    const body = { ...(fixture('cloudwatch', 'alarm-lambda-errors.json').body as object), 'detail-type': 'EC2 Instance State-change Notification' };
    expect(() => cloudWatchAdapter.normalize(body, context())).toThrow(PayloadValidationError);
    expect(() => cloudWatchAdapter.normalize(body, context())).toThrow(/detail-type/);
  });
});

describe('cloudwatch (EventBridge) verify', () => {
  const { raw } = fixture('cloudwatch', 'alarm-lambda-errors.json');

  it('needs the tenant to have enabled it', async () => {
    expect(await rejection(cloudWatchAdapter.verify(request(raw), {}, deps()))).toMatch(/no cloudwatch credentials/);
    await expect(cloudWatchAdapter.verify(request(raw), { cloudwatch: { enabled: true } }, deps())).resolves.toBeUndefined();
  });

  it('keeps events from accounts the tenant did not list out', async () => {
    await expect(cloudWatchAdapter.verify(request(raw), { cloudwatch: { enabled: true, accountIds: ['210987654321'] } }, deps())).resolves.toBeUndefined();
    expect(await rejection(cloudWatchAdapter.verify(request(raw), { cloudwatch: { enabled: true, accountIds: ['111122223333'] } }, deps()))).toMatch(/account/);
  });
});

describe('cloudwatch console link', () => {
  it('is only built from a real region code', () => {
    const event = structuredClone(fixture('cloudwatch', 'alarm-lambda-errors.json').body) as Record<string, unknown>;
    const [signal] = cloudWatchAdapter.normalize({ ...event, region: 'evil.example/#', resources: [] }, context());
    expect(signal?.links.source).toBeUndefined();
    expect(signal?.correlation.region).toBeUndefined();
  });
});
