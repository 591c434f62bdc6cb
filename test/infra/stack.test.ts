import { Match, type Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLING_TARGET } from '../../lib/function.js';
import { PROVIDER_AWS_READS, PROVIDER_TABLE_READERS, PROVIDER_TYPES } from '../../lib/providers.js';
import { allStates, evidenceDefinition } from './asl.js';
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

/** The substitution key each stage function is wired to in the evidence workflow's ASL, by service name. */
const EVIDENCE_SERVICES: Record<string, string> = {
  LoadTenantFunctionArn: 'load-tenant',
  ScoreFunctionArn: 'score',
};
/** The same for the investigation's ASL. */
const STAGE_SERVICES: Record<string, string> = {
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
const PLATFORM_KEY_HOLDERS = ['ingest', 'approval', 'request-approval', 'read-api', 'explorer', 'feedback'];
/** Internet-facing readers: records, audit trails and the list index, nothing else. */
const INVESTIGATION_READERS = ['read-api', 'explorer'];
const TENANT_SECRET_ONLY = ['reason', 'questions', 'changes', 'remediate', 'finish', 'verify-outcome', ...PROVIDER_SERVICES];
const TENANT_SECRETS_ARN = 'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:causeway/tenants/*';
/** What active tracing grants every function: writing its own trace data. */
const TRACE_WRITES = ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'];
const DYNAMODB_WRITES = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

describe('CausewayStack', () => {
  let template: Template;
  let functions: Map<string, FoundFunction>;
  let granted: Permission[];
  let stateMachineId: string;
  let stateMachineRoleId: string;
  let evidenceId: string;
  let evidenceRoleId: string;
  let tableId: string;

  const fn = (service: string) => fnFor(functions, service);
  const grantsOf = (service: string) => granted.filter((p) => p.roleId === fn(service).roleId);
  const rolesAllowed = (action: string) =>
    new Set(granted.filter((p) => p.effect === 'Allow' && p.action === action).map((p) => p.roleId));

  beforeAll(() => {
    // Bundled for real: proves every handler entry builds as ESM with the local esbuild. Some
    // thirty bundles take most of a minute on a busy two-core machine, hence the longer hook timeout.
    ({ template } = synthCauseway({ bundle: true }));
    functions = functionsByService(template);
    granted = permissions(template);
    const machines = [...resourcesOfType(template, 'AWS::StepFunctions::StateMachine')];
    expect(machines.map(([, m]) => m.Properties?.StateMachineType).sort()).toEqual(['EXPRESS', 'STANDARD']);
    let machine: Resource;
    [stateMachineId, machine] = machines.find(([, m]) => m.Properties?.StateMachineType === 'STANDARD')!;
    stateMachineRoleId = targetOf(machine.Properties?.RoleArn);
    [evidenceId, machine] = machines.find(([, m]) => m.Properties?.StateMachineType === 'EXPRESS')!;
    evidenceRoleId = targetOf(machine.Properties?.RoleArn);
    [tableId] = onlyResource(template, 'AWS::DynamoDB::GlobalTable');
    // Bundling 31 Lambdas takes about a minute on a busy two-core machine: a slow machine is not a failure.
  }, 300_000);

  it('runs a Standard, traced state machine that logs every transition without execution data', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: {
        Level: 'ALL',
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

  it('runs the evidence fan-out as a traced Express workflow, logged at ALL without data, within Express limits', () => {
    const evidence = resource(template, evidenceId).Properties as { StateMachineName: string; TracingConfiguration: unknown; LoggingConfiguration: { Level: string; IncludeExecutionData: boolean; Destinations: Array<{ CloudWatchLogsLogGroup: { LogGroupArn: unknown } }> } };
    expect(evidence.StateMachineName).toBe('Causeway-evidence');
    expect(evidence.TracingConfiguration).toEqual({ Enabled: true });
    expect(evidence.LoggingConfiguration).toMatchObject({ Level: 'ALL', IncludeExecutionData: false });
    expect(resource(template, targetOf(evidence.LoggingConfiguration.Destinations[0]?.CloudWatchLogsLogGroup.LogGroupArn)).Properties?.RetentionInDays).toBe(30);
  });

  it('lets the investigation start and follow only the evidence workflow, as states:startExecution.sync needs', () => {
    const states = granted.filter((p) => p.action.startsWith('states:') || p.action.startsWith('events:'));
    expect(states.filter((p) => p.roleId === stateMachineRoleId).map((p) => `${p.action} ${render(p.resource)}`).sort()).toEqual(
      [
        `events:DescribeRule arn:\${AWS::Partition}:events:\${AWS::Region}:\${AWS::AccountId}:rule/StepFunctionsGetEventsForStepFunctionsExecutionRule`,
        `events:PutRule arn:\${AWS::Partition}:events:\${AWS::Region}:\${AWS::AccountId}:rule/StepFunctionsGetEventsForStepFunctionsExecutionRule`,
        `events:PutTargets arn:\${AWS::Partition}:events:\${AWS::Region}:\${AWS::AccountId}:rule/StepFunctionsGetEventsForStepFunctionsExecutionRule`,
        `states:DescribeExecution arn:\${AWS::Partition}:states:\${AWS::Region}:\${AWS::AccountId}:execution:Causeway-evidence:*`,
        `states:StartExecution ${refOf(evidenceId)}`,
        `states:StopExecution arn:\${AWS::Partition}:states:\${AWS::Region}:\${AWS::AccountId}:execution:Causeway-evidence:*`,
      ].sort(),
    );
    expect(render((resource(template, stateMachineId).Properties?.DefinitionSubstitutions as Record<string, unknown>).EvidenceStateMachineArn)).toBe(refOf(evidenceId));
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

  it('serves exactly the intake, change log, approval, approver sign-in, Slack interaction, question, feedback, read and explorer routes, each on its own function with payload 2.0', () => {
    const expected: Record<string, string> = {
      'POST /v1/tenants/{tenantId}/signals/{source}': 'ingest',
      'POST /v1/tenants/{tenantId}/changes': 'changes',
      'GET /v1/tenants/{tenantId}/approvals/{approvalId}': 'approval',
      'POST /v1/tenants/{tenantId}/approvals/{approvalId}': 'approval',
      'POST /v1/tenants/{tenantId}/slack/interactions': 'approval',
      'GET /v1/tenants/{tenantId}/approvals/{approvalId}/signin': 'approval',
      'GET /v1/tenants/{tenantId}/identity/callback': 'approval',
      'GET /v1/tenants/{tenantId}/identity/signin': 'approval',
      'POST /v1/tenants/{tenantId}/investigations/{investigationId}/questions': 'questions',
      'GET /v1/tenants/{tenantId}/investigations': 'read-api',
      'GET /v1/tenants/{tenantId}/investigations/{investigationId}': 'read-api',
      'GET /explorer': 'explorer',
      'GET /explorer/{proxy+}': 'explorer',
      'POST /explorer/{proxy+}': 'explorer',
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

  it('lets each state machine invoke exactly its own stage (and, for evidence, provider) functions, by unqualified ARN only', () => {
    const invocable = (roleId: string) => new Set(granted.filter((p) => p.roleId === roleId && p.action === 'lambda:InvokeFunction').map((p) => p.resource));
    expect(invocable(stateMachineRoleId)).toEqual(new Set(Object.values(STAGE_SERVICES).map((service) => arnOf(fn(service).id))));
    expect(invocable(evidenceRoleId)).toEqual(new Set([...Object.values(EVIDENCE_SERVICES), ...PROVIDER_SERVICES].map((service) => arnOf(fn(service).id))));
    expect(rolesAllowed('lambda:InvokeFunction')).toEqual(new Set([stateMachineRoleId, evidenceRoleId]));
  });

  it('wires each ASL placeholder to its stage function', () => {
    for (const [machineId, services] of [[stateMachineId, STAGE_SERVICES], [evidenceId, EVIDENCE_SERVICES]] as const) {
      const substitutions = resource(template, machineId).Properties?.DefinitionSubstitutions as Record<string, unknown>;
      const wired = Object.fromEntries(Object.entries(substitutions).filter(([key]) => key !== 'EvidenceStateMachineArn').map(([key, value]) => [key, render(value)]));
      expect(wired).toEqual(Object.fromEntries(Object.entries(services).map(([key, service]) => [key, arnOf(fn(service).id)])));
    }
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
    // RotationSchedule grants the rotation function GetRandomPassword, which has no resource type.
    const rotation = `${fn('rotate-platform-key').roleId} Allow secretsmanager:GetRandomPassword`;
    // Active tracing: every function writes its own trace segments, which take no resource ARN either.
    const tracing = [...functions.values()].flatMap((f) => TRACE_WRITES.map((action) => `${f.roleId} Allow ${action}`));
    expect(wildcard.map((p) => `${p.roleId} ${p.effect} ${p.action}`).sort()).toEqual(
      [...expected.flatMap((action) => [`${stateMachineRoleId} Allow ${action}`, `${evidenceRoleId} Allow ${action}`]), ...providerReads, rotation, ...tracing].sort(),
    );
  });

  it('gives AWS-native providers only their read actions, each scoped to its resource type where AWS allows', () => {
    for (const [type, reads] of Object.entries(PROVIDER_AWS_READS)) {
      const actions = grantsOf(`providers-${type}`).map((p) => p.action).filter((a) => !a.startsWith('logs:Create') && !a.startsWith('logs:PutLogEvents') && !a.startsWith('secretsmanager:') && !TRACE_WRITES.includes(a) && a !== 'dynamodb:PutItem');
      expect(new Set(actions)).toEqual(new Set([...reads.flatMap((r) => r.actions), 'sts:AssumeRole', 'sts:TagSession']));
      for (const action of ['sts:AssumeRole', 'sts:TagSession']) {
        const assume = grantsOf(`providers-${type}`).find((p) => p.action === action);
        expect(render(assume?.resource)).toMatch(/:iam::\*:role\/causeway-read\*$/);
      }
    }
    // Every assumption must carry the tenant as session tag, and only that tag, for the reading role's trust policy to check.
    const assumeStatements = [...resourcesOfType(template, 'AWS::IAM::Policy').values()].flatMap(
      (policy) => (policy.Properties as { PolicyDocument: { Statement: Array<{ Action: unknown; Condition?: unknown }> } }).PolicyDocument.Statement,
    ).filter((statement) => JSON.stringify(statement.Action).includes('sts:AssumeRole'));
    expect(assumeStatements).toHaveLength(Object.keys(PROVIDER_AWS_READS).length);
    for (const statement of assumeStatements) {
      expect(statement.Condition).toEqual({ Null: { 'aws:RequestTag/causeway:tenant': 'false' }, 'ForAllValues:StringEquals': { 'aws:TagKeys': ['causeway:tenant'] } });
    }
    const scopedTo = (type: string, action: string) => render(grantsOf(`providers-${type}`).find((p) => p.action === action)?.resource);
    expect(scopedTo('cloudwatch-logs', 'logs:StartQuery')).toMatch(/:logs:\*:\$\{AWS::AccountId\}:log-group:\*$/);
    expect(scopedTo('codedeploy', 'codedeploy:BatchGetDeployments')).toMatch(/:codedeploy:\*:\$\{AWS::AccountId\}:deploymentgroup:\*$/);
    expect(scopedTo('ecs', 'ecs:DescribeServices')).toMatch(/:ecs:\*:\$\{AWS::AccountId\}:service\/\*$/);
    expect(scopedTo('ecs', 'ecs:DescribeTasks')).toMatch(/:ecs:\*:\$\{AWS::AccountId\}:task\/\*$/);
    expect(scopedTo('lambda', 'lambda:GetAlias')).toMatch(/:lambda:\*:\$\{AWS::AccountId\}:function:\*$/);
    // AWS Health scopes none of its reads by resource: the provider reads events, entities and details account-wide.
    for (const action of ['health:DescribeEvents', 'health:DescribeAffectedEntities', 'health:DescribeEventDetails']) {
      expect(grantsOf('providers-aws-health').find((p) => p.action === action)?.resource).toBe('*');
    }
    const awsRead = /^(cloudwatch|cloudtrail|codedeploy|ecs|lambda|health|logs:StartQuery|logs:Get|xray:Get|xray:Batch|sts:)/;
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

  it('reads tenant secrets only under causeway/tenants/, the platform key by its own ARN, and keeps it from tenant-directed code', () => {
    const secretGrants = granted.filter((p) => p.action.startsWith('secretsmanager:') && p.roleId !== fn('rotate-platform-key').roleId);
    const [platformId] = onlyResource(template, 'AWS::SecretsManager::Secret');
    for (const p of secretGrants) expect(p.action).toBe('secretsmanager:GetSecretValue');
    const rolesWith = (effect: Permission['effect'], resource: string) =>
      new Set(secretGrants.filter((p) => p.effect === effect && p.resource === resource).map((p) => p.roleId));
    expect(rolesWith('Allow', TENANT_SECRETS_ARN)).toEqual(new Set([...PLATFORM_KEY_HOLDERS, ...TENANT_SECRET_ONLY].map((s) => fn(s).roleId)));
    expect(rolesWith('Allow', refOf(platformId))).toEqual(new Set(PLATFORM_KEY_HOLDERS.map((s) => fn(s).roleId)));
    expect(rolesWith('Deny', refOf(platformId))).toEqual(new Set(TENANT_SECRET_ONLY.map((s) => fn(s).roleId)));
    expect(secretGrants.filter((p) => p.resource !== TENANT_SECRETS_ARN && p.resource !== refOf(platformId))).toEqual([]);

    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: 'causeway/platform',
      GenerateSecretString: { GenerateStringKey: 'key', PasswordLength: 64, ExcludePunctuation: true },
    });
    const holders = [...functions].filter(([, f]) => f.props.Environment.Variables.PLATFORM_SECRET_NAME !== undefined);
    expect(holders.map(([service]) => service).sort()).toEqual([...PLATFORM_KEY_HOLDERS].sort());
    for (const [, f] of holders) expect(f.props.Environment.Variables.PLATFORM_SECRET_NAME).toBe('causeway/platform');
  });

  it('rotates the platform secret every 30 days with its own Lambda, allowed to change that secret only', () => {
    const [platformId] = onlyResource(template, 'AWS::SecretsManager::Secret');
    const rotator = fn('rotate-platform-key');
    template.hasResourceProperties('AWS::SecretsManager::RotationSchedule', {
      SecretId: { Ref: platformId },
      RotationLambdaARN: { 'Fn::GetAtt': [rotator.id, 'Arn'] },
      RotationRules: { ScheduleExpression: 'rate(30 days)' },
    });
    const changes = grantsOf('rotate-platform-key').filter((p) => p.action.startsWith('secretsmanager:') && p.action !== 'secretsmanager:GetRandomPassword');
    expect(new Set(changes.map((p) => p.action))).toEqual(new Set(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue', 'secretsmanager:UpdateSecretVersionStage']));
    for (const p of changes) expect(p.resource).toBe(refOf(platformId));
    expect(rolesAllowed('secretsmanager:PutSecretValue')).toEqual(new Set([rotator.roleId]));
    expect(rotator.props.Environment.Variables.PLATFORM_SECRET_NAME).toBeUndefined();
  });

  it('lets only ingest start investigations (and only the investigation its evidence workflow), and only approval answer a waiting task', () => {
    const machine = refOf(stateMachineId);
    expect(grantsOf('ingest')).toContainEqual(expect.objectContaining({ action: 'states:StartExecution', resource: machine }));
    expect(granted.filter((p) => p.action === 'states:StartExecution').map((p) => `${p.roleId} ${render(p.resource)}`).sort()).toEqual([`${fn('ingest').roleId} ${machine}`, `${stateMachineRoleId} ${refOf(evidenceId)}`].sort());
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
      // The base table only: an index is granted by name to the functions that query it.
      expect(new Set(actions.map((p) => p.resource))).toEqual(new Set([arnOf(tableId)]));
      expect(actions.map((p) => p.action)).toContain('dynamodb:GetItem');
      const writes = [...new Set(actions.filter((p) => DYNAMODB_WRITES.includes(p.action)).map((p) => p.action))];
      // Table-reading providers also store their results, a PutItem held to the claim check's partitions (the next test).
      expect(writes.sort()).toEqual(TABLE_READING_PROVIDERS.includes(service) ? ['dynamodb:PutItem'] : READ_ONLY_TABLE.includes(service) ? [] : [...DYNAMODB_WRITES].sort());
      expect(render(fn(service).props.Environment.Variables.TABLE_NAME)).toBe(refOf(tableId));
    }
    // Score and the providers that read nothing else reach the claim check's items only.
    for (const service of ['score', ...PROVIDER_SERVICES.filter((s) => !TABLE_READING_PROVIDERS.includes(s))]) {
      const expected = service === 'score' ? ['dynamodb:GetItem', 'dynamodb:PutItem'] : ['dynamodb:PutItem'];
      expect({ service, actions: tableActions(service).map((p) => `${p.action} ${p.resource}`).sort() }).toEqual({ service, actions: expected.map((a) => `${a} ${arnOf(tableId)}`) });
      expect(render(fn(service).props.Environment.Variables.TABLE_NAME)).toBe(refOf(tableId));
    }
  });

  it('holds the claim-check writers (every provider, and Score) to the TENANT#*#EVIDENCE#* partitions', () => {
    const statements = [...resourcesOfType(template, 'AWS::IAM::Policy').values()].flatMap((policy) => {
      const props = policy.Properties as { Roles: unknown[]; PolicyDocument: { Statement: Array<{ Action: string | string[]; Condition?: unknown }> } };
      return props.PolicyDocument.Statement.map((statement) => ({ roles: props.Roles.map(targetOf), actions: [statement.Action].flat().sort(), condition: statement.Condition }));
    });
    for (const service of ['score', ...PROVIDER_SERVICES]) {
      const fenced = statements.filter((s) => s.roles.includes(fn(service).roleId) && s.actions.includes('dynamodb:PutItem'));
      expect({ service, fenced }).toEqual({
        service,
        fenced: [{ roles: [fn(service).roleId], actions: service === 'score' ? ['dynamodb:GetItem', 'dynamodb:PutItem'] : ['dynamodb:PutItem'], condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['TENANT#*#EVIDENCE#*'] } } }],
      });
    }
  });

  it('lets the read API and the explorer get and query records and the list index only, and the explorer delete only login codes', () => {
    for (const service of INVESTIGATION_READERS) {
      const reads = grantsOf(service).filter((p) => p.action.startsWith('dynamodb:') && p.action !== 'dynamodb:DeleteItem');
      expect(new Set(reads.map((p) => `${p.action} ${p.resource}`))).toEqual(
        new Set(['dynamodb:GetItem', 'dynamodb:Query'].flatMap((action) => [`${action} ${arnOf(tableId)}`, `${action} ${arnOf(tableId)}/index/byTenantCreated`])),
      );
      expect(render(fn(service).props.Environment.Variables.TABLE_NAME)).toBe(refOf(tableId));
    }
    expect(grantsOf('read-api').filter((p) => p.action === 'dynamodb:DeleteItem')).toEqual([]);
    expect(grantsOf('explorer').filter((p) => p.action === 'dynamodb:DeleteItem').map((p) => p.resource)).toEqual([arnOf(tableId)]);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'dynamodb:DeleteItem', Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['TENANT#*#LOGIN#*'] } } })]) },
    });
  });

  it('indexes investigations by tenant and creation time, projecting only the list summary', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      GlobalSecondaryIndexes: [
        {
          IndexName: 'byTenantCreated',
          KeySchema: [
            { AttributeName: 'listPk', KeyType: 'HASH' },
            { AttributeName: 'listSk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['listStatus', 'listSignal', 'listRca', 'listUpdatedAt'] },
        },
      ],
    });
  });

  it('runs every Lambda on the newest Node.js this aws-cdk-lib offers and ARM64, with a month-retained log group removed with the stack', () => {
    const newestNode = lambda.Runtime.ALL.map((r) => r.name)
      .filter((name) => /^nodejs\d+\.x$/.test(name))
      .sort((a, b) => Number(/\d+/.exec(b)?.[0]) - Number(/\d+/.exec(a)?.[0]))[0];
    expect(BUNDLING_TARGET).toBe(`node${/\d+/.exec(newestNode ?? '')?.[0]}`);
    for (const [service, f] of functions) {
      expect({ service, runtime: f.props.Runtime, arch: f.props.Architectures }).toEqual({
        service,
        runtime: newestNode,
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
      });
      // Source maps are off unless asked for: they more than double what a cold start loads.
      expect(f.props.Environment.Variables.NODE_OPTIONS).toBeUndefined();
    }
  });

  it('ships source maps and enables them only when the deployment asks', () => {
    const { template: withMaps } = synthCauseway({ bundle: false, props: { sourceMaps: true } });
    const functions = [...resourcesOfType(withMaps, 'AWS::Lambda::Function').values()];
    expect(functions.length).toBeGreaterThan(30);
    for (const f of functions) expect((f.Properties as { Environment: { Variables: Record<string, unknown> } }).Environment.Variables.NODE_OPTIONS).toBe('--enable-source-maps');
  });

  it('times each function out before whatever waits on it does', () => {
    for (const [name, state] of allStates()) {
      if (state.Type !== 'Task' || state.TimeoutSeconds === undefined) continue;
      if (state.Resource?.startsWith('arn:aws:states:::states:startExecution')) {
        expect({ name, outlastsChild: state.TimeoutSeconds > (evidenceDefinition().TimeoutSeconds ?? Infinity) }).toEqual({ name, outlastsChild: true });
        continue;
      }
      const key = /^\$\{(\w+)\}$/.exec(state.Resource ?? '')?.[1];
      const invoked = key
        ? [STAGE_SERVICES[key] ?? EVIDENCE_SERVICES[key] ?? key]
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
    for (const service of ['ingest', 'approval', 'questions', 'read-api', 'explorer']) expect(fn(service).props.Timeout).toBeLessThan(30);
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
      OperatorAlertsTopicArn: refOf(onlyResource(template, 'AWS::SNS::Topic')[0]),
    });
  });
});
