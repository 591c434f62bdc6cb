import { callAws } from '../../shared/aws-client.js';
import { loadEcs } from './aws-clients.js';
import { describeService, ecsTarget, shortTaskDefinition } from './ecs-service.js';
import type { Executor } from './types.js';

/**
 * restart on ECS: a forced new deployment of the same task definition. The plan fixes
 * its time, so a retry that finds a deployment started since then does not restart twice.
 */
export const restartEcs: Executor = {
  async plan(action, ctx) {
    const { cluster, service } = ecsTarget(action);
    const found = await describeService(cluster, service, ctx.signal);
    return {
      executor: 'restart-ecs',
      changes: [`ECS service ${cluster}/${service}: force a new deployment of ${shortTaskDefinition(found.taskDefinition)} (${found.runningCount ?? 0} running tasks replaced gradually)`],
      undo: 'nothing to undo: the same task definition keeps running',
      desired: { cluster, service, requestedAt: ctx.now.toISOString() },
    };
  },
  async apply(_action, plan, ctx) {
    const { client: ecs, UpdateServiceCommand } = await loadEcs();
    const { cluster, service, requestedAt } = plan.desired as { cluster: string; service: string; requestedAt: string };
    const found = await describeService(cluster, service, ctx.signal);
    const primary = found.deployments?.find((d) => d.status === 'PRIMARY');
    if (primary?.createdAt && primary.createdAt.getTime() >= Date.parse(requestedAt)) return;
    await callAws(`ecs:UpdateService ${cluster}/${service}`, ctx.signal, () => ecs.send(new UpdateServiceCommand({ cluster, service, forceNewDeployment: true }), { abortSignal: ctx.signal }));
  },
};
