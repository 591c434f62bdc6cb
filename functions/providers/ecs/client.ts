import { DescribeServicesCommand, DescribeTasksCommand, ECSClient, ListTasksCommand, type Failure, type Service, type Task } from '@aws-sdk/client-ecs';
import { callAws, clientsByRegion } from '../../shared/aws-client.js';

/** One ECS client per region, kept for the life of the container. */
export const ecsFor = clientsByRegion((region, config) => new ECSClient({ region, ...config }));

/** ListTasks pages per service (100 task ARNs a page); ECS keeps stopped tasks about an hour anyway. */
export const MAX_TASK_PAGES = 2;

/** DescribeServices for up to ten services of one cluster. */
export async function describeServices(client: ECSClient, cluster: string, services: string[], signal: AbortSignal, where: string): Promise<{ services: Service[]; failures: Failure[] }> {
  const out = await callAws(`${where} DescribeServices`, signal, () => client.send(new DescribeServicesCommand({ cluster, services }), { abortSignal: signal }));
  return { services: out.services ?? [], failures: out.failures ?? [] };
}

/** The stopped tasks of one service, described; `truncated` when more ARNs were listed than read. */
export async function stoppedTasks(client: ECSClient, cluster: string, serviceName: string, signal: AbortSignal, where: string): Promise<{ tasks: Task[]; listed: number; truncated: boolean }> {
  const arns: string[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await callAws(`${where} ListTasks`, signal, () =>
      client.send(new ListTasksCommand({ cluster, serviceName, desiredStatus: 'STOPPED', maxResults: 100, ...(nextToken ? { nextToken } : {}) }), { abortSignal: signal }),
    );
    arns.push(...(page.taskArns ?? []));
    nextToken = page.nextToken;
    pages++;
  } while (nextToken && pages < MAX_TASK_PAGES);
  const tasks: Task[] = [];
  for (let i = 0; i < arns.length; i += 100) {
    const out = await callAws(`${where} DescribeTasks`, signal, () => client.send(new DescribeTasksCommand({ cluster, tasks: arns.slice(i, i + 100) }), { abortSignal: signal }));
    tasks.push(...(out.tasks ?? []));
  }
  return { tasks, listed: arns.length, truncated: Boolean(nextToken) };
}
