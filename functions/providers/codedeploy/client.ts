import { BatchGetDeploymentsCommand, CodeDeployClient, ListDeploymentsCommand, type DeploymentInfo } from '@aws-sdk/client-codedeploy';
import { callAws, clientsByRegion } from '../../shared/aws-client.js';

/** One CodeDeploy client per region, kept for the life of the container. */
export const codedeployFor = clientsByRegion((region, config) => new CodeDeployClient({ region, ...config }));

/** ListDeployments pages per deployment group (up to 100 ids a page); BatchGetDeployments takes 25 ids a call. */
export const MAX_PAGES = 2;
const BATCH = 25;

/** The deployments created in the range for one application (and group), described. */
export async function deploymentsOf(
  client: CodeDeployClient,
  input: { application: string; deploymentGroup?: string; start: Date; end: Date },
  signal: AbortSignal,
  where: string,
): Promise<{ deployments: DeploymentInfo[]; truncated: boolean }> {
  const ids: string[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await callAws(`${where} ListDeployments`, signal, () =>
      client.send(
        new ListDeploymentsCommand({
          applicationName: input.application,
          ...(input.deploymentGroup ? { deploymentGroupName: input.deploymentGroup } : {}),
          createTimeRange: { start: input.start, end: input.end },
          ...(nextToken ? { nextToken } : {}),
        }),
        { abortSignal: signal },
      ),
    );
    ids.push(...(page.deployments ?? []));
    nextToken = page.nextToken;
    pages++;
  } while (nextToken && pages < MAX_PAGES);
  const deployments: DeploymentInfo[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    const out = await callAws(`${where} BatchGetDeployments`, signal, () => client.send(new BatchGetDeploymentsCommand({ deploymentIds: ids.slice(i, i + BATCH) }), { abortSignal: signal }));
    deployments.push(...(out.deploymentsInfo ?? []));
  }
  return { deployments, truncated: Boolean(nextToken) };
}
