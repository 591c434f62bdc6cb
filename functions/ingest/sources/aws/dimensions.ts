import type { CatalogEntry } from '../../../contracts/tenant.js';
import { catalogService } from '../shared/catalog.js';

/*
 * CloudWatch dimensions name the resource a metric is about; this turns them into the
 * service an engineer would name. The catalog (what the tenant told us) wins; otherwise the
 * most specific dimension does, in the order below.
 */

/** `app/my-alb/50dc6c495c0c9188` → `my-alb`; `targetgroup/my-tg/943f0175` → `my-tg`. */
function nameOfPath(value: string): string {
  const parts = value.split('/');
  return parts.length >= 2 ? parts[1]! : value;
}

/** `arn:aws:states:…:stateMachine:orders` → `orders`. */
function lastArnSegment(value: string): string {
  return value.split(/[:/]/).pop() || value;
}

type Reader = (dimensions: Record<string, string>) => string | undefined;

const dimension = (name: string, shape: (value: string) => string = (v) => v): Reader => (d) => {
  const value = Object.hasOwn(d, name) ? d[name]?.trim() : undefined;
  return value ? shape(value) : undefined;
};

/** Most specific first: a function or service beats the cluster, load balancer or host it runs on. */
const READERS: Reader[] = [
  dimension('FunctionName', (v) => v.split(':')[0]!),
  dimension('ServiceName'),
  dimension('ApiName'),
  dimension('ApiId'),
  dimension('StateMachineArn', lastArnSegment),
  dimension('QueueName'),
  dimension('TableName'),
  dimension('DBInstanceIdentifier'),
  dimension('DBClusterIdentifier'),
  dimension('CacheClusterId'),
  dimension('StreamName'),
  dimension('DeliveryStreamName'),
  dimension('TopicName'),
  dimension('TargetGroup', nameOfPath),
  dimension('LoadBalancer', nameOfPath),
  dimension('LoadBalancerName'),
  dimension('DistributionId'),
  dimension('BucketName'),
  dimension('ClusterName'),
  dimension('AutoScalingGroupName'),
  dimension('InstanceId'),
];

/** The service a set of CloudWatch dimensions is about: a catalog match first, then the most specific dimension. */
export function serviceFromDimensions(
  dimensions: Record<string, string>,
  catalog: Record<string, CatalogEntry>,
): string | undefined {
  const lambdaFunction = dimension('FunctionName', (v) => v.split(':')[0]!)(dimensions);
  const ecsService = dimension('ServiceName')(dimensions);
  const cluster = dimension('ClusterName')(dimensions);
  const fromCatalog = catalogService(catalog, {
    lambdaFunction,
    ecs: ecsService ? { service: ecsService, cluster } : undefined,
  });
  if (fromCatalog) return fromCatalog;
  for (const read of READERS) {
    const name = read(dimensions);
    if (name) return name;
  }
  return undefined;
}
