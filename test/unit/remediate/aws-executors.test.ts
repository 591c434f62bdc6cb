import { AppConfigClient, GetDeploymentCommand, ListDeploymentsCommand, StartDeploymentCommand } from '@aws-sdk/client-appconfig';
import { DescribeServiceDeploymentsCommand, DescribeServiceRevisionsCommand, DescribeServicesCommand, ECSClient, ListServiceDeploymentsCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { GetAliasCommand, LambdaClient, ListVersionsByFunctionCommand, UpdateAliasCommand } from '@aws-sdk/client-lambda';
import { DescribeDocumentCommand, GetParameterHistoryCommand, PutParameterCommand, SSMClient, StartAutomationExecutionCommand } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { restartEcs } from '../../../functions/remediate/executors/restart-ecs.js';
import { revertConfigAppConfig } from '../../../functions/remediate/executors/revert-config-appconfig.js';
import { revertConfigSsm } from '../../../functions/remediate/executors/revert-config-ssm.js';
import { rollbackEcs } from '../../../functions/remediate/executors/rollback-ecs.js';
import { rollbackLambda } from '../../../functions/remediate/executors/rollback-lambda.js';
import { clientTokenFor, runbookSsm } from '../../../functions/remediate/executors/runbook-ssm.js';
import { scaleOutEcs } from '../../../functions/remediate/executors/scale-out-ecs.js';
import { action, context } from './fixtures.js';

const ecs = mockClient(ECSClient);
const lambda = mockClient(LambdaClient);
const ssm = mockClient(SSMClient);
const appConfig = mockClient(AppConfigClient);

/** An SDK error as the service sends it, so the shared classifier sees name and status. */
const sdkError = (name: string, status: number) => Object.assign(new Error(name), { name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status } });

const TD = (rev: number) => `arn:aws:ecs:eu-west-1:123456789012:task-definition/pricing:${rev}`;
const ecsTarget = { platform: 'ecs', cluster: 'shop', ecsService: 'pricing' };
const service = (fields: Record<string, unknown> = {}) => ({ services: [{ serviceName: 'pricing', status: 'ACTIVE', taskDefinition: TD(42), desiredCount: 4, runningCount: 4, deployments: [{ status: 'PRIMARY', taskDefinition: TD(42), createdAt: new Date('2026-06-01T09:00:00Z') }], ...fields }] });

beforeEach(() => {
  for (const m of [ecs, lambda, ssm, appConfig]) m.reset();
});

describe('ECS', () => {
  it('rollback finds the previous task definition in the deployment history, and only apply updates the service', async () => {
    ecs.on(DescribeServicesCommand).resolves(service());
    ecs.on(ListServiceDeploymentsCommand).resolves({ serviceDeployments: [{ serviceDeploymentArn: 'arn:sd/old', createdAt: new Date('2026-05-01') }, { serviceDeploymentArn: 'arn:sd/new', createdAt: new Date('2026-06-01') }] });
    ecs.on(DescribeServiceDeploymentsCommand, { serviceDeploymentArns: ['arn:sd/new'] }).resolves({ serviceDeployments: [{ sourceServiceRevisions: [{ arn: 'arn:sr/41' }] }] });
    ecs.on(DescribeServiceRevisionsCommand, { serviceRevisionArns: ['arn:sr/41'] }).resolves({ serviceRevisions: [{ taskDefinition: TD(41) }] });
    const a = action({ kind: 'rollback', target: ecsTarget });
    const plan = await rollbackEcs.plan(a, context());
    expect(plan.changes).toEqual(['ECS service shop/pricing: task definition pricing:42 → pricing:41']);
    expect(plan.undo).toBe(`set ECS service shop/pricing back to task definition ${TD(42)}`);
    expect(ecs.commandCalls(UpdateServiceCommand)).toHaveLength(0);
    await rollbackEcs.apply(a, plan, context());
    expect(ecs.commandCalls(UpdateServiceCommand).map((c) => c.args[0].input)).toEqual([{ cluster: 'shop', service: 'pricing', taskDefinition: TD(41) }]);
  });

  it('rollback takes the draining task definition of a rollout in progress, and skips a service already there', async () => {
    ecs.on(DescribeServicesCommand).resolves(service({ deployments: [{ status: 'PRIMARY', taskDefinition: TD(42) }, { status: 'ACTIVE', taskDefinition: TD(40) }] }));
    const a = action({ kind: 'rollback', target: ecsTarget });
    const plan = await rollbackEcs.plan(a, context());
    expect(plan.desired.taskDefinition).toBe(TD(40));
    expect(ecs.commandCalls(ListServiceDeploymentsCommand)).toHaveLength(0);
    ecs.on(DescribeServicesCommand).resolves(service({ taskDefinition: TD(40) }));
    await rollbackEcs.apply(a, plan, context());
    expect(ecs.commandCalls(UpdateServiceCommand)).toHaveLength(0);
  });

  it('rollback refuses without history, and names access denied as a credentials problem', async () => {
    ecs.on(DescribeServicesCommand).resolves(service());
    ecs.on(ListServiceDeploymentsCommand).resolves({ serviceDeployments: [] });
    const a = action({ kind: 'rollback', target: ecsTarget });
    await expect(rollbackEcs.plan(a, context())).rejects.toMatchObject({ name: 'ExecutorRefusedError' });
    ecs.on(DescribeServicesCommand).rejects(sdkError('AccessDeniedException', 400));
    await expect(rollbackEcs.plan(a, context())).rejects.toMatchObject({ name: 'BackendAuthError' });
    ecs.on(DescribeServicesCommand).rejects(sdkError('ThrottlingException', 400));
    await expect(rollbackEcs.plan(a, context())).rejects.toMatchObject({ name: 'TransientError' });
  });

  it('restart forces a new deployment once: a retry that finds one started since the plan does nothing', async () => {
    ecs.on(DescribeServicesCommand).resolves(service());
    const a = action({ kind: 'restart', target: ecsTarget });
    const plan = await restartEcs.plan(a, context());
    await restartEcs.apply(a, plan, context());
    expect(ecs.commandCalls(UpdateServiceCommand).map((c) => c.args[0].input)).toEqual([{ cluster: 'shop', service: 'pricing', forceNewDeployment: true }]);
    ecs.on(DescribeServicesCommand).resolves(service({ deployments: [{ status: 'PRIMARY', taskDefinition: TD(42), createdAt: new Date('2026-06-01T10:00:05Z') }] }));
    await restartEcs.apply(a, plan, context());
    expect(ecs.commandCalls(UpdateServiceCommand)).toHaveLength(1);
  });

  it('scale_out sets an absolute desired count within the ceilings, and refuses at the ceiling', async () => {
    ecs.on(DescribeServicesCommand).resolves(service());
    const a = action({ kind: 'scale_out', target: ecsTarget, params: { scaleFactor: 2 } });
    const plan = await scaleOutEcs.plan(a, context({}, { maxReplicas: 6 }));
    expect(plan.changes).toEqual(['ECS service shop/pricing: desired count 4 → 6']);
    await scaleOutEcs.apply(a, plan, context());
    expect(ecs.commandCalls(UpdateServiceCommand)[0]?.args[0].input).toEqual({ cluster: 'shop', service: 'pricing', desiredCount: 6 });
    await expect(scaleOutEcs.plan(a, context({}, { maxReplicas: 4 }))).rejects.toThrow(/already at 4 replicas/);
  });
});

describe('Lambda alias rollback', () => {
  const a = action({ kind: 'rollback', target: { platform: 'lambda', functionName: 'pricing-fn', alias: 'live' } });

  it('points the alias at the newest version older than its own, across pages, clearing weighted routing', async () => {
    lambda.on(GetAliasCommand).resolves({ FunctionVersion: '7', RoutingConfig: { AdditionalVersionWeights: { '8': 0.1 } } });
    lambda.on(ListVersionsByFunctionCommand).resolvesOnce({ Versions: [{ Version: '$LATEST' }, { Version: '3' }, { Version: '5' }], NextMarker: 'p2' }).resolves({ Versions: [{ Version: '7' }, { Version: '8' }] });
    const plan = await rollbackLambda.plan(a, context());
    expect(plan.changes).toEqual(['Lambda pricing-fn:live: version 7 → 5 (weighted routing to 8 removed)']);
    expect(lambda.commandCalls(UpdateAliasCommand)).toHaveLength(0);
    await rollbackLambda.apply(a, plan, context());
    expect(lambda.commandCalls(UpdateAliasCommand)[0]?.args[0].input).toEqual({ FunctionName: 'pricing-fn', Name: 'live', FunctionVersion: '5', RoutingConfig: { AdditionalVersionWeights: {} } });
  });

  it('refuses when the alias is at its first version', async () => {
    lambda.on(GetAliasCommand).resolves({ FunctionVersion: '1' });
    lambda.on(ListVersionsByFunctionCommand).resolves({ Versions: [{ Version: '1' }] });
    await expect(rollbackLambda.plan(a, context())).rejects.toThrow(/no published version older than 1/);
  });
});

describe('Parameter Store revert', () => {
  const a = action({ kind: 'revert_config', target: { platform: 'ssm', parameter: '/shop/pricing/rounding' } });
  const history = { Parameters: [{ Version: 1, Value: 'half-even', Type: 'String' as const }, { Version: 2, Value: 'half-up', Type: 'String' as const }] };

  it('puts the previous version’s value back with Overwrite, and keeps values out of the plan for SecureStrings', async () => {
    ssm.on(GetParameterHistoryCommand).resolves(history);
    const plan = await revertConfigSsm.plan(a, context());
    expect(plan.changes).toEqual(['SSM parameter /shop/pricing/rounding: version 2 "half-up" → value of version 1 "half-even"']);
    expect(plan.desired).toEqual({ name: '/shop/pricing/rounding', toVersion: 1, fromVersion: 2 });
    await revertConfigSsm.apply(a, plan, context());
    expect(ssm.commandCalls(PutParameterCommand)[0]?.args[0].input).toEqual({ Name: '/shop/pricing/rounding', Value: 'half-even', Type: 'String', Overwrite: true });
    ssm.on(GetParameterHistoryCommand).resolves({ Parameters: history.Parameters.map((p) => ({ ...p, Type: 'SecureString' as const })) });
    expect(JSON.stringify(await revertConfigSsm.plan(a, context()))).not.toContain('half');
  });

  it('refuses a parameter with a single version, and does not put again once reverted', async () => {
    ssm.on(GetParameterHistoryCommand).resolves({ Parameters: [history.Parameters[0]!] });
    await expect(revertConfigSsm.plan(a, context())).rejects.toMatchObject({ name: 'ExecutorRefusedError' });
    ssm.on(GetParameterHistoryCommand).resolves({ Parameters: [...history.Parameters, { Version: 3, Value: 'half-even', Type: 'String' as const }] });
    await revertConfigSsm.apply(a, { executor: 'revert-config-ssm', changes: [], undo: '', desired: { name: '/shop/pricing/rounding', toVersion: 1 } }, context());
    expect(ssm.commandCalls(PutParameterCommand)).toHaveLength(0);
  });
});

describe('AppConfig revert', () => {
  const profile = { applicationId: 'app1', environmentId: 'env1', configurationProfileId: 'prof1', deploymentStrategyId: 'AppConfig.AllAtOnce' };
  const a = action({ kind: 'revert_config', target: { platform: 'appconfig', ...profile } });

  it('redeploys the profile’s previous completed version', async () => {
    appConfig.on(ListDeploymentsCommand).resolves({ Items: [{ DeploymentNumber: 9 }, { DeploymentNumber: 8 }, { DeploymentNumber: 7 }] });
    appConfig.on(GetDeploymentCommand, { DeploymentNumber: 9 }).resolves({ ConfigurationProfileId: 'prof1', ConfigurationVersion: '12', State: 'COMPLETE' });
    appConfig.on(GetDeploymentCommand, { DeploymentNumber: 8 }).resolves({ ConfigurationProfileId: 'other', ConfigurationVersion: '3', State: 'COMPLETE' });
    appConfig.on(GetDeploymentCommand, { DeploymentNumber: 7 }).resolves({ ConfigurationProfileId: 'prof1', ConfigurationVersion: '11', State: 'COMPLETE' });
    const plan = await revertConfigAppConfig.plan(a, context());
    expect(plan.changes).toEqual(['AppConfig app1/env1 profile prof1: version 12 → 11 (strategy AppConfig.AllAtOnce)']);
    expect(appConfig.commandCalls(StartDeploymentCommand)).toHaveLength(0);
    await revertConfigAppConfig.apply(a, plan, context());
    expect(appConfig.commandCalls(StartDeploymentCommand)[0]?.args[0].input).toMatchObject({ ApplicationId: 'app1', EnvironmentId: 'env1', ConfigurationProfileId: 'prof1', DeploymentStrategyId: 'AppConfig.AllAtOnce', ConfigurationVersion: '11' });
  });

  it('refuses without an earlier completed deployment', async () => {
    appConfig.on(ListDeploymentsCommand).resolves({ Items: [{ DeploymentNumber: 1 }] });
    appConfig.on(GetDeploymentCommand).resolves({ ConfigurationProfileId: 'prof1', ConfigurationVersion: '1', State: 'COMPLETE' });
    await expect(revertConfigAppConfig.plan(a, context())).rejects.toMatchObject({ name: 'ExecutorRefusedError' });
  });
});

describe('SSM Automation runbook', () => {
  const a = action({ kind: 'runbook', target: { platform: 'ssm-automation', document: 'Acme-RecycleHosts' }, params: { document: 'Acme-RecycleHosts' } });

  it('starts only an allowlisted Automation document, with an idempotency token derived from the action', async () => {
    ssm.on(DescribeDocumentCommand).resolves({ Document: { DocumentType: 'Automation', DefaultVersion: '3', Description: 'Recycle the hosts' } });
    await expect(runbookSsm.plan(a, context())).rejects.toThrow(/not in the tenant's allowed runbooks/);
    const ctx = context({}, { allowedRunbooks: ['Acme-RecycleHosts'] });
    const plan = await runbookSsm.plan(a, ctx);
    expect(plan.changes).toEqual(['start SSM Automation Acme-RecycleHosts version 3: Recycle the hosts']);
    await runbookSsm.apply(a, plan, ctx);
    const input = ssm.commandCalls(StartAutomationExecutionCommand)[0]?.args[0].input;
    expect(input).toEqual({ DocumentName: 'Acme-RecycleHosts', DocumentVersion: '3', ClientToken: clientTokenFor('inv-1-action') });
    expect(input?.ClientToken).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('refuses a document that is not an Automation runbook', async () => {
    ssm.on(DescribeDocumentCommand).resolves({ Document: { DocumentType: 'Command' } });
    await expect(runbookSsm.plan(a, context({}, { allowedRunbooks: ['Acme-RecycleHosts'] }))).rejects.toThrow(/not an Automation runbook/);
  });
});
