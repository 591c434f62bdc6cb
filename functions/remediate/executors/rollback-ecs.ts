import { callAws } from '../../shared/aws-client.js';
import { loadEcs } from './aws-clients.js';
import { describeService, ecsTarget, shortTaskDefinition } from './ecs-service.js';
import { ExecutorRefusedError, type Executor } from './types.js';

/**
 * The task definition the service ran before the current one: the one still draining in
 * a rollout in progress, else the source revision of its newest successful deployment.
 */
async function previousTaskDefinition(cluster: string, service: string, current: string, draining: string | undefined, signal: AbortSignal): Promise<string | undefined> {
  const { client: ecs, DescribeServiceDeploymentsCommand, DescribeServiceRevisionsCommand, ListServiceDeploymentsCommand } = await loadEcs();
  if (draining && draining !== current) return draining;
  const where = `${cluster}/${service}`;
  const listed = await callAws(`ecs:ListServiceDeployments ${where}`, signal, () =>
    ecs.send(new ListServiceDeploymentsCommand({ cluster, service, status: ['SUCCESSFUL'], maxResults: 5 }), { abortSignal: signal }),
  );
  const newest = [...(listed.serviceDeployments ?? [])].sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))[0];
  if (!newest?.serviceDeploymentArn) return undefined;
  const described = await callAws(`ecs:DescribeServiceDeployments ${where}`, signal, () =>
    ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [newest.serviceDeploymentArn!] }), { abortSignal: signal }),
  );
  const source = described.serviceDeployments?.[0]?.sourceServiceRevisions?.[0]?.arn;
  if (!source) return undefined;
  const revisions = await callAws(`ecs:DescribeServiceRevisions ${where}`, signal, () =>
    ecs.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: [source] }), { abortSignal: signal }),
  );
  return revisions.serviceRevisions?.[0]?.taskDefinition;
}

/** rollback on ECS: the service back to its previous task definition (UpdateService). */
export const rollbackEcs: Executor = {
  async plan(action, ctx) {
    const { cluster, service } = ecsTarget(action);
    const found = await describeService(cluster, service, ctx.signal);
    const current = found.taskDefinition;
    if (!current) throw new ExecutorRefusedError(`ECS service ${cluster}/${service} has no task definition`);
    const draining = found.deployments?.find((d) => d.status === 'ACTIVE')?.taskDefinition;
    const previous = await previousTaskDefinition(cluster, service, current, draining, ctx.signal);
    if (!previous || previous === current) throw new ExecutorRefusedError(`ECS service ${cluster}/${service}: no previous task definition in its deployment history`);
    return {
      executor: 'rollback-ecs',
      changes: [`ECS service ${cluster}/${service}: task definition ${shortTaskDefinition(current)} → ${shortTaskDefinition(previous)}`],
      undo: `set ECS service ${cluster}/${service} back to task definition ${current}`,
      desired: { cluster, service, taskDefinition: previous, from: current },
    };
  },
  async apply(_action, plan, ctx) {
    const { client: ecs, UpdateServiceCommand } = await loadEcs();
    const { cluster, service, taskDefinition } = plan.desired as { cluster: string; service: string; taskDefinition: string };
    const found = await describeService(cluster, service, ctx.signal);
    if (found.taskDefinition === taskDefinition) return;
    await callAws(`ecs:UpdateService ${cluster}/${service}`, ctx.signal, () => ecs.send(new UpdateServiceCommand({ cluster, service, taskDefinition }), { abortSignal: ctx.signal }));
  },
};
