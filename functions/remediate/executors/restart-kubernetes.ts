import { callTarget } from './http-target.js';
import { getDeployment, kubernetesTarget } from './kubernetes.js';
import type { Executor } from './types.js';

const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

/**
 * restart on Kubernetes, what `kubectl rollout restart` does: a new `restartedAt`
 * annotation on the pod template. The time is fixed in the plan, so a retry patches the
 * same value and starts no second rollout.
 */
export const restartKubernetes: Executor = {
  async plan(action, ctx) {
    const { api, namespace, name, path } = await kubernetesTarget(action, ctx);
    const deployment = await getDeployment(api, path, ctx);
    const restartedAt = ctx.now.toISOString();
    return {
      executor: 'restart-kubernetes',
      changes: [`Deployment ${namespace}/${name}: rolling restart of ${deployment.spec.replicas ?? 1} pods (${RESTARTED_AT}=${restartedAt})`],
      undo: 'nothing to undo: the same pod template keeps running',
      desired: { namespace, deployment: name, restartedAt },
    };
  },
  async apply(action, plan, ctx) {
    const { api, path } = await kubernetesTarget(action, ctx);
    await callTarget(api, ctx, {
      method: 'PATCH',
      path,
      contentType: 'application/strategic-merge-patch+json',
      body: { spec: { template: { metadata: { annotations: { [RESTARTED_AT]: String(plan.desired.restartedAt) } } } } },
    });
  },
};
