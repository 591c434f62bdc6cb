import { callAws } from '../../shared/aws-client.js';
import { loadEcs } from './aws-clients.js';
import { describeService, ecsTarget } from './ecs-service.js';
import { scaledCount } from './scale-out.js';
import type { Executor } from './types.js';

/** scale_out on ECS: the service's desired count, bounded by the policy. */
export const scaleOutEcs: Executor = {
  async plan(action, ctx) {
    const { cluster, service } = ecsTarget(action);
    const found = await describeService(cluster, service, ctx.signal);
    const current = found.desiredCount ?? 0;
    const desiredCount = scaledCount(current, action, ctx.policy, `ECS service ${cluster}/${service}`);
    return {
      executor: 'scale-out-ecs',
      changes: [`ECS service ${cluster}/${service}: desired count ${current} → ${desiredCount}`],
      undo: `set ECS service ${cluster}/${service} desired count back to ${current}`,
      desired: { cluster, service, desiredCount, from: current },
    };
  },
  async apply(_action, plan, ctx) {
    const { client: ecs, UpdateServiceCommand } = await loadEcs();
    const { cluster, service, desiredCount } = plan.desired as { cluster: string; service: string; desiredCount: number };
    await callAws(`ecs:UpdateService ${cluster}/${service}`, ctx.signal, () => ecs.send(new UpdateServiceCommand({ cluster, service, desiredCount }), { abortSignal: ctx.signal }));
  },
};
