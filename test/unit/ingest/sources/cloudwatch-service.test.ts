import { describe, expect, it } from 'vitest';
import { cloudWatchAdapter } from '../../../../functions/ingest/sources/cloudwatch/index.js';
import { cloudWatchSnsAdapter } from '../../../../functions/ingest/sources/cloudwatch-sns/index.js';
import { context, fixture } from './support/fixtures.js';

/*
 * Which service a CloudWatch alarm is about, and the rule that said so, for the
 * dimensions people alarm on, for metric math, for composite alarms and through SNS.
 */

type Metric = { metricStat?: { metric: { namespace?: string; name?: string; dimensions: Record<string, string> } }; id?: string; expression?: string; returnData?: boolean };

/** The Lambda alarm event with its metrics replaced, and optionally renamed and re-tagged. */
function event(metrics: Metric[], patch: { alarmName?: string; alarmTags?: Record<string, string> } = {}): unknown {
  const body = structuredClone(fixture('cloudwatch', 'alarm-lambda-errors.json').body) as { detail: Record<string, any> };
  body.detail.configuration.metrics = metrics;
  if (patch.alarmName) body.detail.alarmName = patch.alarmName;
  if (patch.alarmTags) body.detail.alarmTags = patch.alarmTags;
  return body;
}
const stat = (dimensions: Record<string, string>, namespace = 'Custom'): Metric => ({ id: 'm1', metricStat: { metric: { namespace, name: 'Errors', dimensions } } });
const inferred = (body: unknown, catalog = {}) => {
  const [signal] = cloudWatchAdapter.normalize(body, context(catalog));
  return [signal?.service, signal?.serviceInferredFrom];
};

describe('cloudwatch alarm service inference', () => {
  it.each([
    ['Service', { Service: 'checkout', Operation: 'PlaceOrder' }, 'checkout'],
    ['ServiceName', { ServiceName: 'orders-api', ClusterName: 'prod' }, 'orders-api'],
    ['FunctionName', { FunctionName: 'thumbnailer:live' }, 'thumbnailer'],
    ['ApiName', { ApiName: 'public-api', Stage: 'prod' }, 'public-api'],
    ['StateMachineArn', { StateMachineArn: 'arn:aws:states:eu-west-1:210987654321:stateMachine:fulfil' }, 'fulfil'],
    ['QueueName', { QueueName: 'emails-dlq' }, 'emails-dlq'],
    ['TopicName', { TopicName: 'order-events' }, 'order-events'],
    ['TableName', { TableName: 'carts' }, 'carts'],
    ['DBInstanceIdentifier', { DBInstanceIdentifier: 'orders-db-1' }, 'orders-db-1'],
    ['DBClusterIdentifier', { DBClusterIdentifier: 'orders-aurora' }, 'orders-aurora'],
    ['CacheClusterId', { CacheClusterId: 'sessions-001', CacheNodeId: '0001' }, 'sessions-001'],
    ['DomainName', { DomainName: 'search-logs', ClientId: '210987654321' }, 'search-logs'],
    ['TargetGroup', { TargetGroup: 'targetgroup/storefront-tg/943f0175', LoadBalancer: 'app/storefront-alb/50dc6c495c0c9188' }, 'storefront-tg'],
    ['LoadBalancer', { LoadBalancer: 'app/storefront-alb/50dc6c495c0c9188' }, 'storefront-alb'],
    ['BucketName', { BucketName: 'uploads', StorageType: 'StandardStorage' }, 'uploads'],
    ['ClusterName', { ClusterName: 'prod' }, 'prod'],
  ])('names the service from the %s dimension', (dimension, dimensions, service) => {
    expect(inferred(event([stat(dimensions)]))).toEqual([service, `dimension:${dimension}`]);
  });

  it('puts an explicit Service dimension before the function or ECS service it runs in', () => {
    expect(inferred(event([stat({ FunctionName: 'orders-fn', Service: 'orders' })]))).toEqual(['orders', 'dimension:Service']);
    expect(inferred(event([stat({ ClusterName: 'prod', ServiceName: 'web' })]))).toEqual(['web', 'dimension:ServiceName']);
  });

  it('lets the catalog win: a dimension holding a catalogued name, then a catalogued function or ECS service, over a more specific raw dimension', () => {
    const catalog = { carts: {}, checkout: { lambda: { functionName: 'checkout-handler' } }, orders: { ecs: { cluster: 'prod', service: 'orders-api' } } };
    expect(inferred(event([stat({ FunctionName: 'cart-writer', TableName: 'carts' })]), catalog)).toEqual(['carts', 'catalog:TableName']);
    expect(inferred(event([stat({ FunctionName: 'checkout-handler' })]), catalog)).toEqual(['checkout', 'catalog:FunctionName']);
    expect(inferred(event([stat({ ClusterName: 'prod', ServiceName: 'orders-api' })]), catalog)).toEqual(['orders', 'catalog:ServiceName']);
  });

  it('reads the dimensions of a metric-math alarm\'s inputs, the first input naming a dimension they disagree on', () => {
    const math = [{ id: 'e1', expression: 'm1 / m2 * 100', returnData: true }, { ...stat({ TableName: 'orders' }), id: 'm1' }, { ...stat({ TableName: 'carts', Operation: 'PutItem' }), id: 'm2' }];
    expect(inferred(event(math))).toEqual(['orders', 'dimension:TableName']);
  });

  it('falls back, for a composite alarm with no dimensions, to the alarm name only when it contains a catalogued service', () => {
    const catalog = { checkout: {}, 'checkout-api': {}, pricing: {} };
    expect(inferred(event([], { alarmName: 'checkout-api-slo-burn' }), catalog)).toEqual(['checkout-api', 'alarm-name']);
    expect(inferred(event([], { alarmName: 'Pricing 5xx composite' }), catalog)).toEqual(['pricing', 'alarm-name']);
    expect(inferred(event([], { alarmName: 'checkoutapi-burn' }), catalog)).toEqual([undefined, undefined]);
    expect(inferred(event([], { alarmName: 'checkout-api-slo-burn' }))).toEqual([undefined, undefined]);
  });

  it('takes a service tag on the alarm first, through the catalog', () => {
    expect(inferred(event([stat({ TableName: 'carts' })], { alarmTags: { service: 'cart' } }))).toEqual(['cart', 'tag']);
  });

  it('infers the same way through SNS, from the Trigger\'s dimensions and its metric-math inputs', () => {
    const envelope = fixture('cloudwatch-sns', 'notification-alarm.json').body as Record<string, unknown>;
    const message = JSON.parse(String(envelope['Message'])) as Record<string, unknown>;
    const viaSns = (trigger: unknown, catalog = {}) => {
      const [signal] = cloudWatchSnsAdapter.normalize({ ...envelope, Message: JSON.stringify({ ...message, Trigger: trigger }) }, context(catalog));
      return [signal?.service, signal?.serviceInferredFrom];
    };
    expect(viaSns({ MetricName: 'Latency', Namespace: 'Shop', Dimensions: [{ name: 'Service', value: 'checkout' }] })).toEqual(['checkout', 'dimension:Service']);
    const math = { Metrics: [{ Id: 'e1', Expression: 'm1', ReturnData: true }, { Id: 'm1', MetricStat: { Metric: { Namespace: 'AWS/SQS', MetricName: 'ApproximateAgeOfOldestMessage', Dimensions: [{ name: 'QueueName', value: 'emails' }] } } }] };
    expect(viaSns(math)).toEqual(['emails', 'dimension:QueueName']);
    expect(viaSns(math, { emails: {} })).toEqual(['emails', 'catalog:QueueName']);
  });
});
