import type { Service } from '@aws-sdk/client-ecs';
import type { ChangeEvent, EvidencePlan, ProviderQuery, RuntimeEvent } from '../../contracts/index.js';
import { describeAwsQuery, parseOptions, regionOf, serviceEndpoint } from '../../shared/aws-client.js';
import { fitPointEvents, foldRuntime, listSome } from '../../shared/point-events.js';
import type { EvidenceProvider, ProviderFindings } from '../types.js';
import { describeServices, ecsFor, stoppedTasks } from './client.js';
import { deploymentChanges, serviceEventObservations, stoppedTaskObservations } from './normalize.js';
import { EcsOptions } from './options.js';
import { consoleLink, describeRequest, shortName, translate, type EcsRequest, type Target } from './translate.js';

/*
 * Amazon ECS: per service, its deployments (changes) or its service events and stopped
 * tasks' reasons (runtime).
 */

function query(plan: EvidencePlan, request: EcsRequest, region: string): ProviderQuery {
  return { text: describeRequest(plan, request), target: serviceEndpoint('ecs', region), window: plan.window };
}

/** The provider for backend type `ecs`. */
export const ecsProvider: EvidenceProvider = {
  type: 'ecs',
  classes: ['runtime', 'changes'],
  describe(plan) {
    return describeAwsQuery(plan, EcsOptions, `ECS ${plan.evidenceClass}`, 'ecs', (options, region) => query(plan, translate(plan, options), region));
  },
  async query(plan, deps): Promise<ProviderFindings> {
    const options = parseOptions(EcsOptions, plan.backend);
    const region = regionOf(plan.backend);
    const request = translate(plan, options);
    const asked = query(plan, request, region);
    const notes: string[] = [];
    if (request.unmapped.length > 0) notes.push(`no ECS service mapped (set options.services or options.cluster) for ${listSome(request.unmapped)}`);
    if (request.dropped > 0) notes.push(`${request.dropped} more services were not read (limit ${request.targets.length} per plan)`);
    if (request.targets.length === 0) return { query: asked, items: [], notes };
    const client = ecsFor(region, options.roleArn, plan.tenantId);
    const where = `ECS in ${region}:`;

    const found = new Map<Target, Service>();
    const byCluster = new Map<string, Target[]>();
    for (const t of request.targets) byCluster.set(t.cluster, [...(byCluster.get(t.cluster) ?? []), t]);
    for (const [cluster, targets] of byCluster) {
      for (let i = 0; i < targets.length; i += 10) {
        const chunk = targets.slice(i, i + 10);
        const { services, failures } = await describeServices(client, cluster, chunk.map((t) => t.ecsService), deps.signal, where);
        for (const t of chunk) {
          const s = services.find((x) => x.serviceName === shortName(t.ecsService) || x.serviceArn === t.ecsService);
          if (s) found.set(t, s);
        }
        for (const f of failures) notes.push(`${shortName(f.arn ?? '?')} in cluster ${shortName(cluster)}: ${f.reason ?? 'failure'}${f.detail ? ` (${f.detail})` : ''}`);
      }
    }

    let items: (ChangeEvent | RuntimeEvent)[];
    if (plan.evidenceClass === 'changes') {
      items = [...found].flatMap(([t, s]) => deploymentChanges(plan, t, s, consoleLink(region, t, 'deployments')));
    } else {
      const observations = [...found].flatMap(([t, s]) => serviceEventObservations(plan, t, s, consoleLink(region, t, 'events')));
      for (const [t] of found) {
        const stopped = await stoppedTasks(client, t.cluster, shortName(t.ecsService), deps.signal, where);
        if (stopped.truncated) notes.push(`${t.service}: more than ${stopped.listed} stopped tasks; the rest were not read`);
        observations.push(...stoppedTaskObservations(plan, t, stopped.tasks, (arn) => consoleLink(region, t, { task: arn })));
      }
      if (Date.now() - Date.parse(plan.window.from) > 3_600_000) notes.push('ECS keeps stopped tasks about an hour: tasks stopped earlier in the window are not listed');
      items = foldRuntime(observations);
    }
    const fitted = fitPointEvents(items, plan, plan.evidenceClass === 'changes' ? 'deployments' : 'runtime events');
    return { query: asked, items: fitted.items, notes: [...fitted.notes, ...notes].map((n) => n.slice(0, 500)).slice(0, 20) };
  },
};
