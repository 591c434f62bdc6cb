import type { Service } from '@aws-sdk/client-ecs';
import type { ProposedAction } from '../../contracts/index.js';
import { callAws } from '../../shared/aws-client.js';
import { loadEcs } from './aws-clients.js';
import { ExecutorRefusedError, targetField } from './types.js';

/** The cluster and service an ECS action names, from its target. */
export function ecsTarget(action: ProposedAction): { cluster: string; service: string } {
  return { cluster: targetField(action, 'cluster'), service: targetField(action, 'ecsService') };
}

/** DescribeServices for one service; refused when it does not exist or is not ACTIVE. */
export async function describeService(cluster: string, service: string, signal: AbortSignal): Promise<Service> {
  const { client: ecs, DescribeServicesCommand } = await loadEcs();
  const out = await callAws(`ecs:DescribeServices ${cluster}/${service}`, signal, () => ecs.send(new DescribeServicesCommand({ cluster, services: [service] }), { abortSignal: signal }));
  const found = out.services?.find((s) => s.serviceName === service || s.serviceArn?.endsWith(`/${service}`));
  if (!found || found.status !== 'ACTIVE') throw new ExecutorRefusedError(`ECS service ${cluster}/${service} not found or not active`);
  return found;
}

/** `arn:…:task-definition/web:42` → `web:42`, for lines a human reads. */
export function shortTaskDefinition(arn: string | undefined): string {
  return arn?.split('/').pop() ?? '(none)';
}
