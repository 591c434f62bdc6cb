import type { GetDeploymentCommandOutput } from '@aws-sdk/client-appconfig';
import type { ProposedAction } from '../../contracts/index.js';
import { callAws } from '../../shared/aws-client.js';
import { loadAppConfig } from './aws-clients.js';
import { ExecutorRefusedError, targetField, type Executor } from './types.js';

interface Profile {
  applicationId: string;
  environmentId: string;
  configurationProfileId: string;
  deploymentStrategyId: string;
}

const profileOf = (action: ProposedAction): Profile => ({
  applicationId: targetField(action, 'applicationId'),
  environmentId: targetField(action, 'environmentId'),
  configurationProfileId: targetField(action, 'configurationProfileId'),
  deploymentStrategyId: targetField(action, 'deploymentStrategyId'),
});

/** The environment's newest deployments of this profile, newest first (at most ten looked at). */
async function profileDeployments(p: Profile, signal: AbortSignal): Promise<GetDeploymentCommandOutput[]> {
  const { client: appConfig, GetDeploymentCommand, ListDeploymentsCommand } = await loadAppConfig();
  const where = `appconfig ${p.applicationId}/${p.environmentId}`;
  const listed = await callAws(`appconfig:ListDeployments ${where}`, signal, () =>
    appConfig.send(new ListDeploymentsCommand({ ApplicationId: p.applicationId, EnvironmentId: p.environmentId, MaxResults: 10 }), { abortSignal: signal }),
  );
  const numbers = (listed.Items ?? []).map((d) => d.DeploymentNumber).filter((n): n is number => n !== undefined).sort((a, b) => b - a);
  const found: GetDeploymentCommandOutput[] = [];
  for (const DeploymentNumber of numbers) {
    const d = await callAws(`appconfig:GetDeployment ${where}#${DeploymentNumber}`, signal, () =>
      appConfig.send(new GetDeploymentCommand({ ApplicationId: p.applicationId, EnvironmentId: p.environmentId, DeploymentNumber }), { abortSignal: signal }),
    );
    if (d.ConfigurationProfileId === p.configurationProfileId) found.push(d);
  }
  return found;
}

/** revert_config on AppConfig: the profile's previous completed configuration version deployed again (StartDeployment). */
export const revertConfigAppConfig: Executor = {
  async plan(action, ctx) {
    const p = profileOf(action);
    const complete = (await profileDeployments(p, ctx.signal)).filter((d) => d.State === 'COMPLETE');
    const current = complete[0];
    const previous = complete.find((d) => d.ConfigurationVersion !== current?.ConfigurationVersion);
    if (!current?.ConfigurationVersion || !previous?.ConfigurationVersion) {
      throw new ExecutorRefusedError(`AppConfig profile ${p.configurationProfileId} in ${p.applicationId}/${p.environmentId}: no previous completed deployment`);
    }
    return {
      executor: 'revert-config-appconfig',
      changes: [`AppConfig ${p.applicationId}/${p.environmentId} profile ${p.configurationProfileId}: version ${current.ConfigurationVersion} → ${previous.ConfigurationVersion} (strategy ${p.deploymentStrategyId})`],
      undo: `deploy version ${current.ConfigurationVersion} of profile ${p.configurationProfileId} again`,
      desired: { ...p, configurationVersion: previous.ConfigurationVersion, from: current.ConfigurationVersion },
    };
  },
  async apply(action, plan, ctx) {
    const { client: appConfig, StartDeploymentCommand } = await loadAppConfig();
    const p = profileOf(action);
    const version = String(plan.desired.configurationVersion);
    const newest = (await profileDeployments(p, ctx.signal))[0];
    if (newest?.ConfigurationVersion === version && newest.State !== 'ROLLED_BACK' && newest.State !== 'REVERTED') return;
    await callAws(`appconfig:StartDeployment ${p.applicationId}/${p.environmentId}`, ctx.signal, () =>
      appConfig.send(
        new StartDeploymentCommand({
          ApplicationId: p.applicationId,
          EnvironmentId: p.environmentId,
          ConfigurationProfileId: p.configurationProfileId,
          DeploymentStrategyId: p.deploymentStrategyId,
          ConfigurationVersion: version,
          Description: `causeway ${action.actionId}: revert to the previous version`,
        }),
        { abortSignal: ctx.signal },
      ),
    );
  },
};
