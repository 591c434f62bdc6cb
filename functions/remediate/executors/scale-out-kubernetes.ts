import { z } from 'zod';
import { callTarget } from './http-target.js';
import { kubernetesTarget, parseKube } from './kubernetes.js';
import { scaledCount } from './scale-out.js';
import type { Executor } from './types.js';

const Scale = z.looseObject({ spec: z.looseObject({ replicas: z.number().int().nonnegative().default(0) }) });

/** scale_out on Kubernetes: the Deployment's scale subresource, bounded by the policy. */
export const scaleOutKubernetes: Executor = {
  async plan(action, ctx) {
    const { api, namespace, name, path } = await kubernetesTarget(action, ctx);
    const scale = parseKube(Scale, await callTarget(api, ctx, { method: 'GET', path: `${path}/scale` }), `scale of ${namespace}/${name}`);
    const current = scale.spec.replicas;
    const replicas = scaledCount(current, action, ctx.policy, `Deployment ${namespace}/${name}`);
    return {
      executor: 'scale-out-kubernetes',
      changes: [`Deployment ${namespace}/${name}: replicas ${current} → ${replicas}`],
      undo: `kubectl -n ${namespace} scale deployment/${name} --replicas=${current}`,
      desired: { namespace, deployment: name, replicas, from: current },
    };
  },
  async apply(action, plan, ctx) {
    const { api, path } = await kubernetesTarget(action, ctx);
    await callTarget(api, ctx, { method: 'PATCH', path: `${path}/scale`, contentType: 'application/merge-patch+json', body: { spec: { replicas: plan.desired.replicas } } });
  },
};
