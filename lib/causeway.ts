import { ArnFormat, CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { AlarmEvents } from './alarm-events.js';
import { CausewayApi } from './api.js';
import { belowState, memorySettings, providerNetwork, referenceSetting, type CausewayProps } from './causeway-props.js';
import { CausewayFunction, type FunctionNetwork } from './function.js';
import { Investigation, type Stage } from './investigation.js';
import { PipelineMonitoring } from './monitoring.js';
import { acknowledgeWildcard, nagArn } from './nag.js';
import { CROSS_ACCOUNT_ROLE_PREFIX, PROVIDER_AWS_READS, PROVIDER_TABLE_READERS, PROVIDER_TYPES, TENANT_SESSION_TAG, type ReadScope } from './providers.js';
import { grantRemediation } from './remediation.js';
import { CausewaySecrets } from './secrets.js';
import { InvestigationTable } from './table.js';

/** API Gateway HTTP integrations give up after 30 s: each API function answers well before. */
const API_TIMEOUT = Duration.seconds(15);

/**
 * Causeway: alerts in, a grounded root cause out, bounded fixes behind a human click. The
 * API, the investigation state machine, its stage and provider Lambdas, the table and the
 * platform secret, in one construct, with the stack outputs the `causeway` CLI reads.
 *
 * Environment-agnostic (no lookups), so it synthesizes offline and without credentials.
 */
export class Causeway extends Construct {
  /** The investigation workflow; an execution per alert, named by its dedup key. */
  readonly stateMachine: sfn.StateMachine;
  /** The single table: tenants, records, audit trails, approvals. */
  readonly table: InvestigationTable;
  /** The public API: signal webhooks, approval links, the read API and the explorer. */
  readonly api: CausewayApi;
  /** Base URL for signal webhooks and approval links, `https://…` with no trailing slash. */
  readonly apiUrl: string;
  /** Every Lambda by its service name (`ingest`, `score`, `providers-prometheus`, …), for alarms and dashboards. */
  readonly functions: ReadonlyMap<string, lambda.Function>;
  /** The platform key and tenant secret access. */
  readonly secrets: CausewaySecrets;
  /** Present with `alarmTenant`: the EventBridge rule and its dead-letter queue. */
  readonly alarmEvents?: AlarmEvents;
  /** The providers' security group, when the construct made it: admit it on your private backends. */
  readonly providerSecurityGroup?: ec2.SecurityGroup;
  /** Where the pipeline's own alarms go: the topic given in the props, or the one made here. */
  readonly alarmTopic: sns.ITopic;
  /** The alarms on the pipeline itself and its dashboard. */
  readonly monitoring: PipelineMonitoring;
  /** Whether the pipeline is traced with X-Ray, as given in the props (default true). */
  readonly tracing: boolean;

  constructor(scope: Construct, id: string, props: CausewayProps = {}) {
    super(scope, id);
    const logRetention = props.logRetention ?? logs.RetentionDays.ONE_MONTH;
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    this.tracing = props.tracing ?? true;
    const memory = memorySettings(props.memory);
    const providerTimeout = belowState(props.timeouts?.providers ?? Duration.seconds(50), 'QueryProvider', 'timeouts.providers');
    const reasonTimeout = belowState(props.timeouts?.reason ?? Duration.seconds(100), 'Reason', 'timeouts.reason');
    const referenceOffsets = props.referenceOffsets && referenceSetting(props.referenceOffsets);
    if (props.network && !props.network.securityGroups?.length) {
      this.providerSecurityGroup = new ec2.SecurityGroup(this, 'ProviderSecurityGroup', {
        vpc: props.network.vpc,
        description: 'Causeway evidence providers: no inbound; outbound to the backends tenants configure',
        allowAllOutbound: true,
      });
    }
    const network = props.network && providerNetwork(props.network, this.providerSecurityGroup);

    const functions = new Map<string, lambda.Function>();
    const lambdaFor = (folder: string, timeout: Duration, options: { memorySize?: number; network?: FunctionNetwork } = {}): lambda.Function => {
      const service = folder.replace('/', '-');
      const { fn } = new CausewayFunction(this, folderToId(folder), {
        folder,
        service,
        timeout,
        memorySize: options.memorySize ?? memory.default,
        logRetention,
        sourceMaps: props.sourceMaps ?? false,
        network: options.network,
        tracing: this.tracing,
      });
      functions.set(service, fn);
      return fn;
    };

    const ingest = lambdaFor('ingest', API_TIMEOUT);
    const approval = lambdaFor('approval', API_TIMEOUT);
    // The question waits on the LLM, so it takes nearly all the 30 s the API allows.
    const questions = lambdaFor('questions', Duration.seconds(29));
    const feedback = lambdaFor('feedback', API_TIMEOUT);
    const changes = lambdaFor('changes', API_TIMEOUT);
    const readApi = lambdaFor('read-api', API_TIMEOUT);
    const explorer = lambdaFor('explorer', API_TIMEOUT);
    // Each below the TimeoutSeconds of its ASL state.
    const stages: Record<Stage, lambda.Function> = {
      LoadTenant: lambdaFor('load-tenant', Duration.seconds(20)),
      Score: lambdaFor('score', Duration.seconds(90), { memorySize: memory.score }),
      Reason: lambdaFor('reason', reasonTimeout),
      Record: lambdaFor('record', Duration.seconds(20)),
      Policy: lambdaFor('policy', Duration.seconds(20)),
      RequestApproval: lambdaFor('request-approval', Duration.seconds(20)),
      Remediate: lambdaFor('remediate', Duration.seconds(240)),
      VerifyOutcome: lambdaFor('verify-outcome', Duration.seconds(20)),
      Finish: lambdaFor('finish', Duration.seconds(25)),
    };
    const providers = new Map(
      PROVIDER_TYPES.map((type) => [type, lambdaFor(`providers/${type}`, providerTimeout, { network: network?.providers.has(type) ? network : undefined })]),
    );
    for (const [type, fn] of providers) {
      const reads = PROVIDER_AWS_READS[type];
      if (!reads) continue;
      this.grantCrossAccountReads(fn);
      for (const read of reads) {
        fn.addToRolePolicy(new iam.PolicyStatement({ actions: read.actions, resources: [this.readResource(read.scope)] }));
        acknowledgeWildcard(fn.role, this.readResourceAsNagNames(read.scope), readScopeReason(read.actions, read.scope));
      }
    }

    this.table = new InvestigationTable(this, 'Data', { removalPolicy });
    const table = this.table;
    for (const fn of [stages.LoadTenant, stages.Policy, stages.Reason, ...PROVIDER_TABLE_READERS.map((type) => providers.get(type))]) if (fn) table.grantRead(fn);
    for (const fn of [ingest, approval, questions, feedback, changes, stages.Record, stages.RequestApproval, stages.Remediate, stages.VerifyOutcome, stages.Finish]) {
      table.grantReadWrite(fn);
    }
    for (const fn of providers.values()) table.grantStoredValues(fn, 'write');
    table.grantStoredValues(stages.Score, 'read-write');
    for (const fn of [readApi, explorer]) table.grantInvestigationReads(fn);
    table.grantLoginCodeRedemption(explorer);

    this.secrets = new CausewaySecrets(this, 'Secrets');
    const secrets = this.secrets;
    // The token check reads the tenant's secret; the platform key seals cursors and signs sessions.
    for (const fn of [readApi, explorer, feedback]) secrets.grantTenantSecretsAndPlatformKey(fn);
    for (const fn of [ingest, approval, stages.RequestApproval]) secrets.grantTenantSecretsAndPlatformKey(fn);
    for (const fn of [stages.Reason, questions, changes, stages.Remediate, stages.VerifyOutcome, stages.Finish, ...providers.values()]) secrets.grantTenantSecrets(fn);
    secrets.rotatePlatformKey(lambdaFor('rotate-platform-key', Duration.seconds(30)));
    grantRemediation(stages.Remediate, {
      actions: props.remediationActions ?? [],
      parameterPath: props.remediationParameterPath ?? '/',
      runbookDocuments: props.runbookDocuments ?? [],
    });

    const stack = Stack.of(this);
    stages.LoadTenant.addEnvironment('PROVIDER_FUNCTIONS', stack.toJsonString(Object.fromEntries([...providers].map(([type, fn]) => [type, fn.functionArn]))));
    if (referenceOffsets) stages.LoadTenant.addEnvironment('DEFAULT_REFERENCE', JSON.stringify(referenceOffsets));

    const investigation = new Investigation(this, 'Investigation', {
      stages,
      providers: [...providers.values()],
      logRetention,
      tracing: this.tracing,
    });
    this.stateMachine = investigation.stateMachine;
    ingest.addEnvironment('STATE_MACHINE_ARN', this.stateMachine.stateMachineArn);
    this.stateMachine.grantStartExecution(ingest);
    this.stateMachine.grantTaskResponse(approval);

    this.api = new CausewayApi(this, 'Api', { ingest, approval, questions, feedback, changes, readApi, explorer, logRetention });
    this.apiUrl = this.api.url;
    this.alarmEvents = props.alarmTenant
      ? new AlarmEvents(this, 'AlarmEvents', { tenantId: props.alarmTenant, ingest, removalPolicy })
      : undefined;
    this.monitoring = new PipelineMonitoring(this, 'Monitoring', {
      stateMachine: this.stateMachine,
      evidenceStateMachine: investigation.evidence,
      functions: CausewayFunction.allIn(this),
      api: this.api.httpApi,
      apiAccessLogs: this.api.accessLogs,
      deadLetterQueue: this.alarmEvents?.deadLetters,
      alarmTopic: props.alarmTopic,
      operatorEmail: props.operatorEmail,
    });
    this.alarmTopic = this.monitoring.alarmTopic;
    explorer.addEnvironment('STATE_MACHINE_ARN', this.stateMachine.stateMachineArn);
    for (const fn of [stages.RequestApproval, approval, stages.Finish]) fn.addEnvironment('PUBLIC_BASE_URL', this.apiUrl);
    this.functions = functions;
    this.addOutputs();
  }

  /**
   * The stack outputs the `causeway` CLI finds a deployment by (`--aws --stack <name>` reads
   * `TableName` and `ApiUrl`), under those exact names wherever the construct sits, so
   * `causeway tenant put` works against any stack holding it. Hence one Causeway per stack.
   */
  private addOutputs(): void {
    const output = (name: string, value: string, description?: string) => new CfnOutput(this, name, { value, description }).overrideLogicalId(name);
    output('ApiUrl', this.apiUrl, 'Base URL for signal webhooks and approval links');
    output('StateMachineArn', this.stateMachine.stateMachineArn);
    output('TableName', this.table.table.tableName);
    output('OperatorAlertsTopicArn', this.alarmTopic.topicArn, 'Every Causeway alarm goes here: subscribe the on-call operator');
    if (this.alarmEvents) {
      output('AlarmEventsDeadLetterQueueUrl', this.alarmEvents.deadLetters.queueUrl, 'Alarm events ingest could not take; redrive once it is healthy');
    }
  }

  /**
   * Lets a provider read another account through its `causeway-read*` role. The account is
   * the tenant's, named in its config after deployment, hence `*`; every assumption must
   * carry the tenant as session tag `causeway:tenant` and no other tag, so the reading
   * role's trust policy can admit only its own tenant (beside the per-tenant ExternalId).
   */
  private grantCrossAccountReads(fn: lambda.Function): void {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['sts:AssumeRole', 'sts:TagSession'],
        resources: [Stack.of(this).formatArn({ service: 'iam', region: '', account: '*', resource: 'role', resourceName: `${CROSS_ACCOUNT_ROLE_PREFIX}*` })],
        conditions: {
          Null: { [`aws:RequestTag/${TENANT_SESSION_TAG}`]: 'false' },
          'ForAllValues:StringEquals': { 'aws:TagKeys': [TENANT_SESSION_TAG] },
        },
      }),
    );
    acknowledgeWildcard(
      fn.role,
      nagArn({ service: 'iam', region: '', account: '*', resource: 'role', separator: '/', resourceName: `${CROSS_ACCOUNT_ROLE_PREFIX}*` }),
      `Tenants' accounts are registered after deployment (a backend's options.roleArn), so the account cannot be named; the grant is held to roles named ${CROSS_ACCOUNT_ROLE_PREFIX}*, and every assumption must carry the ${TENANT_SESSION_TAG} session tag that the reading role's trust policy checks, with the tenant's ExternalId.`,
    );
  }

  /** A read scope's resource as cdk-nag names it in a finding. */
  private readResourceAsNagNames(scope: ReadScope): string {
    if (scope === 'any') return '*';
    return nagArn({ service: scope.service, region: '*', resource: scope.resource, separator: scope.separator, resourceName: '*' });
  }

  /** Every resource of a read scope's type in this account, any region; `*` where AWS has no resource type for the action. */
  private readResource(scope: ReadScope): string {
    if (scope === 'any') return '*';
    return Stack.of(this).formatArn({
      service: scope.service,
      region: '*',
      resource: scope.resource,
      resourceName: '*',
      arnFormat: scope.separator === ':' ? ArnFormat.COLON_RESOURCE_NAME : ArnFormat.SLASH_RESOURCE_NAME,
    });
  }
}

/** Why a provider's read keeps a wildcard resource, written beside the acknowledgment. */
function readScopeReason(actions: readonly string[], scope: ReadScope): string {
  if (scope === 'any') return `${actions.join(', ')} accept no narrower resource than "*" (no resource-level permissions), so the read is bounded by the action alone.`;
  return `${actions.join(', ')} read whichever ${scope.service} ${scope.resource} a tenant's alert names, in any region of this account, so the grant is every resource of that type in the account: read-only and never another account's.`;
}

/** `providers/scenario` → `ProvidersScenario`: a stable construct id per function folder. */
function folderToId(folder: string): string {
  return folder
    .split(/[/-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
