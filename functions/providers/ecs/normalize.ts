import type { Deployment, Service, Task } from '@aws-sdk/client-ecs';
import type { ChangeEvent, EvidencePlan, RuntimeEvent } from '../../contracts/index.js';
import { clip, inWindow, type RuntimeObservation } from '../../shared/point-events.js';
import { taskDefinitionName, type Target } from './translate.js';

/*
 * ECS answers → evidence: deployments as changes (task definition revisions, rollout
 * state), service events and stopped tasks' reasons as runtime events.
 */

const SOURCE = 'ecs';
const time = (d: Date | undefined) => (d ? d.getTime() : Number.NaN);

/** Each deployment created in the window, with the task definition it brought and the one it replaces. */
export function deploymentChanges(plan: EvidencePlan, t: Target, service: Service, link: string): ChangeEvent[] {
  const deployments = [...(service.deployments ?? [])].sort((a, b) => time(a.createdAt) - time(b.createdAt));
  const out: ChangeEvent[] = [];
  deployments.forEach((d: Deployment, i) => {
    const at = time(d.createdAt);
    if (!Number.isFinite(at) || !inWindow(plan, at)) return;
    const version = taskDefinitionName(d.taskDefinition);
    const previousVersion = taskDefinitionName(deployments[i - 1]?.taskDefinition);
    const state = [d.rolloutState, d.rolloutStateReason].filter(Boolean).join(': ');
    const summary = [
      `ECS service ${service.serviceName ?? t.ecsService} deployment ${d.id ?? '?'} (${d.status ?? '?'}) to task definition ${version ?? '?'}`,
      previousVersion ? `replacing ${previousVersion}` : undefined,
      state ? `rollout ${state}` : undefined,
      `${d.runningCount ?? 0}/${d.desiredCount ?? 0} running, ${d.failedTasks ?? 0} failed tasks`,
    ].filter(Boolean);
    out.push({
      class: 'changes',
      at: new Date(at).toISOString(),
      service: t.service,
      kind: 'deployment',
      summary: clip(summary.join('; '), 1000),
      ...(version ? { version } : {}),
      ...(previousVersion ? { previousVersion } : {}),
      source: SOURCE,
      link,
    });
  });
  return out;
}

/** What a service event message reports, if it is trouble (ECS writes the same phrases for every service). */
export function serviceEventKind(message: string): RuntimeEvent['kind'] | undefined {
  if (/deployment failed|unable to consistently start tasks/i.test(message)) return 'crash_loop';
  if (/failed (container|ELB) health checks|is unhealthy in \(target-group/i.test(message)) return 'unhealthy';
  if (/unable to place a task/i.test(message)) return 'node_pressure';
  return undefined;
}

export function serviceEventObservations(plan: EvidencePlan, t: Target, service: Service, link: string): RuntimeObservation[] {
  const out: RuntimeObservation[] = [];
  for (const e of service.events ?? []) {
    const at = time(e.createdAt);
    const kind = serviceEventKind(e.message ?? '');
    if (!kind || !Number.isFinite(at) || !inWindow(plan, at)) continue;
    out.push({ at, service: t.service, kind, count: 1, subject: e.id ?? String(at), shown: 'service events', message: clip(e.message ?? '', 300), source: SOURCE, link });
  }
  return out;
}

/** Why a task stopped, as a runtime kind: OOM, failed health checks, an exited essential container, a Spot interruption. */
export function stoppedTaskKind(task: Task): RuntimeEvent['kind'] | undefined {
  const reasons = [task.stoppedReason ?? '', ...(task.containers ?? []).map((c) => c.reason ?? '')].join(' | ');
  if (/OutOfMemory/i.test(reasons)) return 'oom_killed';
  if (/health check/i.test(reasons)) return 'unhealthy';
  if (task.stopCode === 'SpotInterruption' || task.stopCode === 'TerminationNotice') return 'evicted';
  if (task.stopCode === 'EssentialContainerExited' || /Essential container in task exited/i.test(reasons)) return 'restart';
  if (task.stopCode === 'TaskFailedToStart') return 'crash_loop';
  return undefined;
}

export function stoppedTaskObservations(plan: EvidencePlan, t: Target, tasks: readonly Task[], link: (taskArn: string) => string): RuntimeObservation[] {
  const out: RuntimeObservation[] = [];
  for (const task of tasks) {
    const at = time(task.stoppedAt ?? task.stoppingAt);
    const kind = stoppedTaskKind(task);
    if (!kind || !Number.isFinite(at) || !inWindow(plan, at)) continue;
    const containers = (task.containers ?? [])
      .filter((c) => c.exitCode !== undefined || c.reason)
      .map((c) => `${c.name} exit ${c.exitCode ?? '?'}${c.reason ? ` (${c.reason})` : ''}`);
    const message = `task stopped: ${task.stoppedReason ?? task.stopCode ?? 'no reason'}${containers.length ? `; ${containers.join(', ')}` : ''}; ${taskDefinitionName(task.taskDefinitionArn) ?? ''}`;
    const arn = task.taskArn ?? '?';
    out.push({ at, service: t.service, kind, count: 1, subject: arn.slice(arn.lastIndexOf('/') + 1), message: clip(message, 300), source: SOURCE, link: link(arn) });
  }
  return out;
}
