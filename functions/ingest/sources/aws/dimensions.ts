import type { CatalogEntry } from '../../../contracts/tenant.js';
import { catalogService } from '../shared/catalog.js';
import type { InferredService } from '../shared/workload.js';

/*
 * CloudWatch dimensions name the resource a metric is about; this turns them into the
 * service an engineer would name, and says which rule decided. The catalog (what the
 * tenant told us) wins; otherwise the most specific dimension does, in the order below.
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

/** `checkout-handler:live` (a function with its alias) → `checkout-handler`. */
const functionName = (value: string) => value.split(':')[0]!;

/**
 * The dimensions that name a service, most specific first: an explicit `Service` (what
 * people put on their own metrics), a service or function, then the API, workflow, queue,
 * topic, table, database, cache or search domain it owns, then the load balancer in front
 * of it, and last the bucket, cluster or host it runs on. `ServiceName` comes before
 * `ClusterName`, so an ECS alarm names the ECS service, not its cluster.
 */
export const SERVICE_DIMENSIONS: readonly (readonly [name: string, shape: (value: string) => string])[] = [
  ['Service', (v) => v],
  ['ServiceName', (v) => v],
  ['FunctionName', functionName],
  ['ApiName', (v) => v],
  ['ApiId', (v) => v],
  ['StateMachineArn', lastArnSegment],
  ['QueueName', (v) => v],
  ['TopicName', (v) => v],
  ['TableName', (v) => v],
  ['DBInstanceIdentifier', (v) => v],
  ['DBClusterIdentifier', (v) => v],
  ['CacheClusterId', (v) => v],
  ['DomainName', (v) => v],
  ['StreamName', (v) => v],
  ['DeliveryStreamName', (v) => v],
  ['TargetGroup', nameOfPath],
  ['LoadBalancer', nameOfPath],
  ['LoadBalancerName', (v) => v],
  ['DistributionId', (v) => v],
  ['BucketName', (v) => v],
  ['ClusterName', (v) => v],
  ['AutoScalingGroupName', (v) => v],
  ['InstanceId', (v) => v],
];

function read(dimensions: Record<string, string>, name: string, shape: (value: string) => string): string | undefined {
  const value = Object.hasOwn(dimensions, name) ? dimensions[name]?.trim() : undefined;
  return value ? shape(value) : undefined;
}

/**
 * The service a set of CloudWatch dimensions is about. Precedence: a dimension whose value
 * is a catalogued service's name (in the order above); then a catalogued Lambda function
 * or ECS service; then the most specific dimension as it is.
 */
export function serviceFromDimensions(dimensions: Record<string, string>, catalog: Record<string, CatalogEntry>): InferredService | undefined {
  const values = SERVICE_DIMENSIONS.flatMap(([name, shape]) => {
    const value = read(dimensions, name, shape);
    return value ? [{ name, value }] : [];
  });
  const named = values.find(({ value }) => Object.hasOwn(catalog, value));
  if (named) return { service: named.value, rule: `catalog:${named.name}` };
  const lambdaFunction = read(dimensions, 'FunctionName', functionName);
  const ecsService = read(dimensions, 'ServiceName', (v) => v);
  const byLambda = lambdaFunction ? catalogService(catalog, { lambdaFunction }) : undefined;
  if (byLambda) return { service: byLambda, rule: 'catalog:FunctionName' };
  const byEcs = ecsService ? catalogService(catalog, { ecs: { service: ecsService, cluster: read(dimensions, 'ClusterName', (v) => v) } }) : undefined;
  if (byEcs) return { service: byEcs, rule: 'catalog:ServiceName' };
  const first = values[0];
  return first ? { service: first.value, rule: `dimension:${first.name}` } : undefined;
}

/**
 * A catalogued service the alarm's name is about, for alarms with no dimensions
 * (composite alarms, metric-math over searches): the longest catalog name that the alarm
 * name contains as a whole word (`checkout-5xx-high` → `checkout`). No catalog match, no
 * guess: an alarm name alone is too free-form to name a service nobody catalogued.
 */
export function serviceFromAlarmName(alarmName: string, catalog: Record<string, CatalogEntry>): InferredService | undefined {
  const name = alarmName.toLowerCase();
  const matches = Object.keys(catalog).filter((service) => {
    const at = name.indexOf(service.toLowerCase());
    if (at < 0) return false;
    const before = name[at - 1];
    const after = name[at + service.length];
    return (before === undefined || !/[a-z0-9]/.test(before)) && (after === undefined || !/[a-z0-9]/.test(after));
  });
  const longest = matches.sort((a, b) => b.length - a.length)[0];
  return longest ? { service: longest, rule: 'alarm-name' } : undefined;
}
