import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROVIDER_AWS_READS, PROVIDER_TABLE_READERS, PROVIDER_TYPES } from '../../lib/providers.js';
import { allStates } from './asl.js';
import { synthCauseway } from './synth.js';
import {
  arnOf,
  fnFor,
  functionsByService,
  onlyResource,
  permissions,
  refOf,
  render,
  resource,
  resourcesOfType,
  targetOf,
  type FoundFunction,
  type Permission,
  type Resource,
} from './template.js';

/** The substitution key each stage function is wired to in the ASL, by service name. */
const STAGE_SERVICES: Record<string, string> = {
  LoadTenantFunctionArn: 'load-tenant',
  ScoreFunctionArn: 'score',
  ReasonFunctionArn: 'reason',
  RecordFunctionArn: 'record',
  PolicyFunctionArn: 'policy',
  RequestApprovalFunctionArn: 'request-approval',
  RemediateFunctionArn: 'remediate',
  VerifyOutcomeFunctionArn: 'verify-outcome',
  FinishFunctionArn: 'finish',
};
const PROVIDER_SERVICES = PROVIDER_TYPES.map((type) => `providers-${type}`);
const TABLE_READING_PROVIDERS = PROVIDER_TABLE_READERS.map((type) => `providers-${type}`);
const READ_ONLY_TABLE = ['load-tenant', 'policy', 'reason', ...TABLE_READING_PROVIDERS];
const READ_WRITE_TABLE = ['ingest', 'approval', 'questions', 'feedback', 'changes', 'record', 'request-approval', 'remediate', 'verify-outcome', 'finish'];
const PLATFORM_KEY_HOLDERS = ['ingest', 'approval', 'request-approval'];
const TENANT_SECRET_ONLY = ['reason', 'questions', 'feedback', 'changes', 'remediate', 'finish', 'verify-outcome', ...PROVIDER_SERVICES];
const TENANT_SECRETS_ARN = 'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:causeway/*';
const DYNAMODB_WRITES = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

describe('CausewayStack', () => {
  let template: Template;
  let functions: Map<string, FoundFunction>;
  let granted: Permission[];
  let stateMachineId: string;
  let stateMachineRoleId: string;
  let tableId: string;

  const fn = (service: string) => fnFor(functions, service);
  const grantsOf = (service: string) => granted.filter((p) => p.roleId === fn(service).roleId);
  const rolesAllowed = (action: string) =>
    new Set(granted.filter((p) => p.effect === 'Allow' && p.action === action).map((p) => p.roleId));

  beforeAll(() => {
    // Bundled for real: proves every handler entry builds as ESM with the local esbuild.
    ({ template } = synthCauseway({ bundle: true }));
    functions = functionsByService(template);
    granted = permissions(template);
    let machine: Resource;
    [stateMachineId, machine] = onlyResource(template, 'AWS::StepFunctions::StateMachine');
    stateMachineRoleId = targetOf(machine.Properties?.RoleArn);
    [tableId] = onlyResource(template, 'AWS::DynamoDB::GlobalTable');
  });

  it('runs a Standard, traced state machine that logs errors without execution data', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: {
        Level: 'ERROR',
        IncludeExecutionData: false,
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: Match.anyValue() } }],
      },
    });
    const logGroup = resource(template, stateMachineId).Properties?.LoggingConfiguration as {
      Destinations: Array<{ CloudWatchLogsLogGroup: { LogGroupArn: unknown } }>;
    };
    const logGroupId = targetOf(logGroup.Destinations[0]?.CloudWatchLogsLogGroup.LogGroupArn);
    expect(resource(template, logGroupId).Properties?.RetentionInDays).toBe(30);
  });

  it('keeps one retained, on-demand, encrypted table with PITR and TTL on expiresAt', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
      }),
    });
  });

  it('serves exactly the intake, change log, approval, Slack interaction, question and feedback routes, each on its own function with payload 2.0', () => {
    const expected: Record<string, string> = {
      'POST /v1/tenants/{tenantId}/signals/{source}': 'ingest',
      'POST /v1/tenants/{tenantId}/changes': 'changes',
      'GET /v1/tenants/{tenantId}/approvals/{approvalId}': 'approval',
      'POST /v1/tenants/{tenantId}/approvals/{approvalId}': 'approval',
      'POST /v1/tenants/{tenantId}/slack/interactions': 'approval',
      'POST /v1/tenants/{tenantId}/investigations/{investigationId}/questions': 'questions',
      'POST /v1/tenants/{tenantId}/investigations/{investigationId}/feedback': 'feedback',
    };
    const routes = [...resourcesOfType(template, 'AWS::ApiGatewayV2::Route').values()].map((route) => {
      const integrationId = targetOf((route.Properties?.Target as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1][1]);
      const integration = resource(template, integrationId).Properties ?? {};
      expect(integration.PayloadFormatVersion).toBe('2.0');
      const target = targetOf(integration.IntegrationUri);
      const service = [...functions].find(([, f]) => f.id === target)?.[0];
      return [route.Properties?.RouteKey, service];
    });
    expect(Object.fromEntries(routes)).toEqual(expected);
  });

  it('throttles the default stage and writes access logs to a retained-for-a-month group', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingBurstLimit: 100, ThrottlingRateLimit: 50 },
    });
    const [, stage] = onlyResource(template, 'AWS::ApiGatewayV2::Stage');
    const destination = (stage.Properties?.AccessLogSettings as { DestinationArn: unknown }).DestinationArn;
    expect(resource(template, targetOf(destination)).Properties?.RetentionInDays).toBe(30);
  });

  it('lets the state machine invoke exactly the stage and provider functions', () => {
    const invocable = granted
      .filter((p) => p.roleId === stateMachineRoleId && p.action === 'lambda:InvokeFunction')
      .map((p) => p.resource);
    const expected = [...Object.values(STAGE_SERVICES), ...PROVIDER_SERVICES].flatMap((service) => [
      arnOf(fn(service).id),
      `${arnOf(fn(service).id)}:*`,
    ]);
    expect(new Set(invocable)).toEqual(new Set(expected));
    expect(rolesAllowed('lambda:InvokeFunction')).toEqual(new Set([stateMachineRoleId]));
  });

  it('wires each ASL placeholder to its stage function', () => {
    const substitutions = resource(template, stateMachineId).Properties?.DefinitionSubstitutions as Record<string, unknown>;
    const wired = Object.fromEntries(Object.entries(substitutions).map(([key, value]) => [key, render(value)]));
    const expected = Object.fromEntries(
      Object.entries(STAGE_SERVICES).map(([key, service]) => [key, arnOf(fn(service).id)]),
    );
    expect(wired).toEqual(expected);
  });

  it('grants Resource "*" only where AWS has no resource-level permission', () => {
    const wildcard = granted.filter((p) => p.resource === '*');
    // CloudWatch Logs vended-log delivery (Step Functions logging) and X-Ray segment and
    // sampling calls (Step Functions tracing) accept no resource ARN.
    const expected = [
      'logs:CreateLogDelivery',
      'logs:DeleteLogDelivery',
      'logs:DescribeLogGroups',
      'logs:DescribeResourcePolicies',
      'logs:GetLogDelivery',
      'logs:ListLogDeliveries',
      'logs:PutResourcePolicy',
      'logs:UpdateLogDelivery',
      'xray:GetSamplingRules',
      'xray:GetSamplingTargets',
      'xray:PutTelemetryRecords',
      'xray:PutTraceSegments',
    ];
    const providerReads = Object.entries(PROVIDER_AWS_READS).flatMap(([type, reads]) =>
      reads.filter((r) => r.scope === 'any').flatMap((r) => r.actions.map((action) => `${fn(`providers-${type}`).roleId} Allow ${action}`)),
    );
    expect(wildcard.map((p) => `${p.roleId} ${p.effect} ${p.action}`).sort()).toEqual(
      [...expected.map((action) => `${stateMachineRoleId} Allow ${action}`), ...providerReads].sort(),
    );
  });

  it('gives AWS-native providers only their read actions, each scoped to its resource type where AWS allows', () => {
    for (const [type, reads] of Object.entries(PROVIDER_AWS_READS)) {
      const actions = grantsOf(`providers-${type}`).map((p) => p.action).filter((a) => !a.startsWith('logs:Create') && !a.startsWith('logs:PutLogEvents') && !a.startsWith('secretsmanager:'));
      expect(new Set(actions)).toEqual(new Set([...reads.flatMap((r) => r.actions), 'sts:AssumeRole']));
      const assume = grantsOf(`providers-${type}`).find((p) => p.action === 'sts:AssumeRole');
      expect(render(assume?.resource)).toMatch(/:iam::\*:role\/causeway-read\*$/);
    }
    const scopedTo = (type: string, action: string) => render(grantsOf(`providers-${type}`).find((p) => p.action === action)?.resource);
    expect(scopedTo('cloudwatch-logs', 'logs:StartQuery')).toMatch(/:logs:\*:\$\{AWS::AccountId\}:log-group:\*$/);
    expect(scopedTo('codedeploy', 'codedeploy:BatchGetDeployments')).toMatch(/:codedeploy:\*:\$\{AWS::AccountId\}:deploymentgroup:\*$/);
    expect(scopedTo('ecs', 'ecs:DescribeServices')).toMatch(/:ecs:\*:\$\{AWS::AccountId\}:service\/\*$/);
    expect(scopedTo('ecs', 'ecs:DescribeTasks')).toMatch(/:ecs:\*:\$\{AWS::AccountId\}:task\/\*$/);
    expect(scopedTo('lambda', 'lambda:GetAlias')).toMatch(/:lambda:\*:\$\{AWS::AccountId\}:function:\*$/);
    const awsRead = /^(cloudwatch|cloudtrail|codedeploy|ecs|lambda|logs:StartQuery|logs:Get|xray:Get|xray:Batch|sts:)/;
    for (const type of PROVIDER_TYPES.filter((t) => !(t in PROVIDER_AWS_READS))) {
      expect({ type, reads: grantsOf(`providers-${type}`).filter((p) => awsRead.test(p.action)) }).toEqual({ type, reads: [] });
    }
  });

  it('attaches no managed policies, so Lambdas write only to their own log group', () => {
    for (const role of resourcesOfType(template, 'AWS::IAM::Role').values()) {
      expect(role.Properties?.ManagedPolicyArns).toBeUndefined();
    }
    const providerLogReads = new Set(Object.values(PROVIDER_AWS_READS).flatMap((reads) => reads.flatMap((r) => r.actions)));
    for (const [service, f] of functions) {
      const logs = grantsOf(service).filter((p) => p.action.startsWith('logs:') && !providerLogReads.has(p.action));
      const logGroupId = targetOf(f.props.LoggingConfig?.LogGroup);
      expect(new Set(logs.map((p) => p.resource))).toEqual(new Set([arnOf(logGroupId)]));
    }
  });

  it('reads secrets only under causeway/, and keeps the platform key from tenant-directed code', () => {
    const secretGrants = granted.filter((p) => p.action.startsWith('secretsmanager:'));
    const [platformId] = onlyResource(template, 'AWS::SecretsManager::Secret');
    for (const p of secretGrants) {
      expect(p.action).toBe('secretsmanager:GetSecretValue');
      expect(p.resource).toBe(p.effect === 'Allow' ? TENANT_SECRETS_ARN : refOf(platformId));
    }
    const rolesWith = (effect: Permission['effect']) =>
      new Set(secretGrants.filter((p) => p.effect === effect).map((p) => p.roleId));
    expect(rolesWith('Allow')).toEqual(new Set([...PLATFORM_KEY_HOLDERS, ...TENANT_SECRET_ONLY].map((s) => fn(s).roleId)));
    expect(rolesWith('Deny')).toEqual(new Set(TENANT_SECRET_ONLY.map((s) => fn(s).roleId)));

    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: 'causeway/platform',
      GenerateSecretString: { GenerateStringKey: 'key', PasswordLength: 64, ExcludePunctuation: true },
    });
    const holders = [...functions].filter(([, f]) => f.props.Environment.Variables.PLATFORM_SECRET_NAME !== undefined);
    expect(holders.map(([service]) => service).sort()).toEqual([...PLATFORM_KEY_HOLDERS].sort());
    for (const [, f] of holders) expect(f.props.Environment.Variables.PLATFORM_SECRET_NAME).toBe('causeway/platform');
  });

  it('lets only ingest start investigations and only approval answer a waiting task', () => {
    const machine = refOf(stateMachineId);
    expect(grantsOf('ingest')).toContainEqual(expect.objectContaining({ action: 'states:StartExecution', resource: machine }));
    expect(rolesAllowed('states:StartExecution')).toEqual(new Set([fn('ingest').roleId]));
    expect(render(fn('ingest').props.Environment.Variables.STATE_MACHINE_ARN)).toBe(machine);
    for (const action of ['states:SendTaskSuccess', 'states:SendTaskFailure']) {
      expect(grantsOf('approval')).toContainEqual(expect.objectContaining({ action, resource: machine }));
      expect(rolesAllowed(action)).toEqual(new Set([fn('approval').roleId]));
    }
  });

  it('gives each function the narrowest table access, naming the table only where granted', () => {
    const tableActions = (service: string) => grantsOf(service).filter((p) => p.action.startsWith('dynamodb:'));
    for (const service of [...READ_ONLY_TABLE, ...READ_WRITE_TABLE]) {
      const actions = tableActions(service);
      expect(actions.map((p) => p.resource)).toEqual(actions.map(() => arnOf(tableId)));
      expect(actions.map((p) => p.action)).toContain('dynamodb:GetItem');
      const writes = actions.filter((p) => DYNAMODB_WRITES.includes(p.action)).map((p) => p.action);
      expect(writes.sort()).toEqual(READ_ONLY_TABLE.includes(service) ? [] : [...DYNAMODB_WRITES].sort());
      expect(render(fn(service).props.Environment.Variables.TABLE_NAME)).toBe(refOf(tableId));
    }
    for (const service of ['score', ...PROVIDER_SERVICES.filter((s) => !TABLE_READING_PROVIDERS.includes(s))]) {
      expect({ service, actions: tableActions(service) }).toEqual({ service, actions: [] });
      expect(fn(service).props.Environment.Variables.TABLE_NAME).toBeUndefined();
    }
  });

  it('runs every Lambda on Node 22 and ARM64 with a month-retained log group removed with the stack', () => {
    for (const [service, f] of functions) {
      expect({ service, runtime: f.props.Runtime, arch: f.props.Architectures }).toEqual({
        service,
        runtime: 'nodejs22.x',
        arch: ['arm64'],
      });
      const logGroup = resource(template, targetOf(f.props.LoggingConfig?.LogGroup));
      expect({ service, retention: logGroup.Properties?.RetentionInDays, deletion: logGroup.DeletionPolicy }).toEqual({
        service,
        retention: 30,
        deletion: 'Delete',
      });
      expect(f.props.Environment.Variables).toMatchObject({
        POWERTOOLS_SERVICE_NAME: `causeway-${service}`,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        NODE_OPTIONS: '--enable-source-maps',
      });
    }
  });

  it('times each function out before whatever waits on it does', () => {
    for (const [name, state] of allStates()) {
      if (state.Type !== 'Task' || state.TimeoutSeconds === undefined) continue;
      const key = /^\$\{(\w+)\}$/.exec(state.Resource ?? '')?.[1];
      const invoked = key
        ? [STAGE_SERVICES[key] ?? key]
        : state.Parameters?.['FunctionName.$'] === '$.functionArn'
          ? PROVIDER_SERVICES
          : [];
      expect({ name, invoked: invoked.length > 0 }).toEqual({ name, invoked: true });
      for (const service of invoked) {
        expect({ name, service, timeout: fn(service).props.Timeout < (state.TimeoutSeconds ?? 0) }).toEqual({
          name,
          service,
          timeout: true,
        });
      }
    }
    // HTTP API integrations give up after 30 s.
    for (const service of ['ingest', 'approval', 'questions']) expect(fn(service).props.Timeout).toBeLessThan(30);
  });

  it('tells LoadTenant the ARN of every provider, and both approval functions and Finish (the explorer link) the public URL', () => {
    const providers = JSON.parse(render(fn('load-tenant').props.Environment.Variables.PROVIDER_FUNCTIONS)) as unknown;
    expect(providers).toEqual(Object.fromEntries(PROVIDER_TYPES.map((type) => [type, arnOf(fn(`providers-${type}`).id)])));
    const [apiId] = onlyResource(template, 'AWS::ApiGatewayV2::Api');
    const apiUrl = `\${${apiId}.ApiEndpoint}`;
    expect(render(fn('request-approval').props.Environment.Variables.PUBLIC_BASE_URL)).toBe(apiUrl);
    expect(render(fn('approval').props.Environment.Variables.PUBLIC_BASE_URL)).toBe(apiUrl);
    expect(render(fn('finish').props.Environment.Variables.PUBLIC_BASE_URL)).toBe(apiUrl);
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(Object.fromEntries(Object.entries(outputs).map(([name, output]) => [name, render(output.Value)]))).toEqual({
      ApiUrl: apiUrl,
      StateMachineArn: refOf(stateMachineId),
      TableName: refOf(tableId),
    });
  });
});
