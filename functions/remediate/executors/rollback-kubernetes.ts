import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { callTarget, type HttpTarget } from './http-target.js';
import { getDeployment, imagesOf, kubernetesTarget, parseKube, PodTemplate, REVISION, type Deployment } from './kubernetes.js';
import { ExecutorRefusedError, type Executor, type ExecutorContext } from './types.js';

const ReplicaSetList = z.object({
  items: z.array(
    z.looseObject({
      metadata: z.looseObject({ name: z.string(), annotations: z.record(z.string(), z.string()).optional(), ownerReferences: z.array(z.looseObject({ uid: z.string() })).optional() }),
      spec: z.looseObject({ template: PodTemplate }),
    }),
  ),
});
type ReplicaSet = z.infer<typeof ReplicaSetList>['items'][number];

/** The pod template as the Deployment would carry it: the ReplicaSet's own `pod-template-hash` label removed, as kubectl does. */
function templateOf(rs: ReplicaSet): PodTemplate {
  const template = structuredClone(rs.spec.template);
  if (template.metadata?.labels) delete template.metadata.labels['pod-template-hash'];
  return template;
}

async function ownedReplicaSets(api: HttpTarget, namespace: string, deployment: Deployment, ctx: ExecutorContext): Promise<ReplicaSet[]> {
  const selector = Object.entries(deployment.spec.selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
  const path = `apis/apps/v1/namespaces/${encodeURIComponent(namespace)}/replicasets?labelSelector=${encodeURIComponent(selector)}`;
  const list = parseKube(ReplicaSetList, await callTarget(api, ctx, { method: 'GET', path }), `replicasets of ${deployment.metadata.name}`);
  return list.items.filter((rs) => rs.metadata.ownerReferences?.some((o) => o.uid === deployment.metadata.uid));
}

const revisionOf = (annotations: Record<string, string> | undefined) => Number(annotations?.[REVISION] ?? 0);

/**
 * rollback on Kubernetes, what `kubectl rollout undo` does: the pod template of the
 * ReplicaSet with the highest revision below the Deployment's current one is written onto
 * the Deployment (JSON patch), and the Deployment controller rolls to it.
 */
export const rollbackKubernetes: Executor = {
  async plan(action, ctx) {
    const { api, namespace, name, path } = await kubernetesTarget(action, ctx);
    const deployment = await getDeployment(api, path, ctx);
    const current = revisionOf(deployment.metadata.annotations);
    const previous = (await ownedReplicaSets(api, namespace, deployment, ctx))
      .filter((rs) => revisionOf(rs.metadata.annotations) < current)
      .sort((a, b) => revisionOf(b.metadata.annotations) - revisionOf(a.metadata.annotations))[0];
    if (!previous) throw new ExecutorRefusedError(`Deployment ${namespace}/${name}: no ReplicaSet older than revision ${current}`);
    return {
      executor: 'rollback-kubernetes',
      changes: [`Deployment ${namespace}/${name}: revision ${current} (${imagesOf(deployment.spec.template)}) → revision ${revisionOf(previous.metadata.annotations)} (${imagesOf(previous.spec.template)})`],
      undo: `kubectl -n ${namespace} rollout undo deployment/${name} (back to ${imagesOf(deployment.spec.template)})`,
      desired: { namespace, deployment: name, replicaSet: previous.metadata.name, fromRevision: current },
    };
  },
  async apply(action, plan, ctx) {
    const { api, namespace, path } = await kubernetesTarget(action, ctx);
    const deployment = await getDeployment(api, path, ctx);
    const source = (await ownedReplicaSets(api, namespace, deployment, ctx)).find((rs) => rs.metadata.name === plan.desired.replicaSet);
    if (!source) throw new ExecutorRefusedError(`ReplicaSet ${plan.desired.replicaSet} is gone: nothing to roll back to`);
    const template = templateOf(source);
    if (isDeepStrictEqual(deployment.spec.template, template)) return;
    await callTarget(api, ctx, { method: 'PATCH', path, contentType: 'application/json-patch+json', body: [{ op: 'replace', path: '/spec/template', value: template }] });
  },
};
