import type { EvidencePlan } from '../../contracts/index.js';
import { consoleOrigin } from '../../shared/aws-console.js';
import { listSome, plannedServices } from '../../shared/point-events.js';
import type { EcsOptions } from './options.js';

/*
 * Canonical plan → ECS calls: DescribeServices per cluster (10 services a call), and for
 * runtime the stopped tasks of each service.
 */

/** ECS services read per plan; DescribeServices takes ten a call, ListTasks one service a call. */
export const MAX_TARGETS = 20;

export interface Target {
  service: string;
  cluster: string;
  ecsService: string;
}

export interface EcsRequest {
  targets: Target[];
  unmapped: string[];
  dropped: number;
}

export function translate(plan: EvidencePlan, options: EcsOptions): EcsRequest {
  const targets: Target[] = [];
  const unmapped: string[] = [];
  for (const service of plannedServices(plan, Object.keys(options.services))) {
    const mapped = options.services[service];
    if (mapped) targets.push({ service, cluster: mapped.cluster, ecsService: mapped.service });
    else if (options.cluster && /^[A-Za-z0-9_-]{1,255}$/.test(service)) targets.push({ service, cluster: options.cluster, ecsService: service });
    else unmapped.push(service);
  }
  return { targets: targets.slice(0, MAX_TARGETS), unmapped, dropped: Math.max(0, targets.length - MAX_TARGETS) };
}

/** The last part of an ARN or a plain name (`…:service/prod/orders-svc` → `orders-svc`). */
export const shortName = (nameOrArn: string) => nameOrArn.slice(nameOrArn.lastIndexOf('/') + 1);

/** `arn:aws:ecs:…:task-definition/orders:42` → `orders:42`. */
export const taskDefinitionName = (arn: string | undefined) => (arn ? shortName(arn) : undefined);

const enc = encodeURIComponent;

/** The ECS console page of a service's deployments or events, or of one task. */
export function consoleLink(region: string, t: Target, page: 'deployments' | 'events' | { task: string }): string {
  const base = `${consoleOrigin(region)}/ecs/v2/clusters/${enc(shortName(t.cluster))}`;
  if (typeof page === 'object') return `${base}/tasks/${enc(shortName(page.task))}/configuration?region=${region}`;
  return `${base}/services/${enc(shortName(t.ecsService))}/${page}?region=${region}`;
}

const hhmm = (iso: string) => iso.slice(11, 16);

export function describeRequest(plan: EvidencePlan, request: EcsRequest): string {
  const calls = plan.evidenceClass === 'changes' ? 'DescribeServices (deployments)' : 'DescribeServices (events), ListTasks desiredStatus=STOPPED + DescribeTasks (stop reasons)';
  const where = request.targets.map((t) => `${shortName(t.cluster)}/${shortName(t.ecsService)}`);
  const text = `ECS ${calls} for ${listSome(where, 20) || '(no mapped ECS service)'} over ${hhmm(plan.window.from)}–${hhmm(plan.window.to)}Z`;
  return text.length > 4000 ? `${text.slice(0, 3997)}...` : text;
}
