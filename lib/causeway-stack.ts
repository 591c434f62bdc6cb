import { ArnFormat, CfnOutput, Duration, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { AlarmEvents } from './alarm-events.js';
import { CausewayApi } from './api.js';
import { CausewayFunction } from './function.js';
import { Investigation, type Stage } from './investigation.js';
import { PipelineMonitoring } from './monitoring.js';
import { acknowledgeWildcard, nagArn } from './nag.js';
import { CROSS_ACCOUNT_ROLE_PREFIX, PROVIDER_AWS_READS, PROVIDER_TABLE_READERS, PROVIDER_TYPES, TENANT_SESSION_TAG, type ReadScope } from './providers.js';
import { grantRemediation, listSetting } from './remediation.js';
import { CausewaySecrets } from './secrets.js';
import { InvestigationTable } from './table.js';

export interface CausewayStackProps extends StackProps {
  /** Retention of every log group the stack creates. */
  readonly logRetention?: logs.RetentionDays;
  /** Deployment name (`dev`, `prod`, …), tagged on every resource to tell installations apart. */
  readonly environment?: string;
  /** When set, this account's CloudWatch alarm state changes go to ingest for this tenant through EventBridge. */
  readonly alarmTenant?: string;
  /** Subscribed by email to the operator topic every alarm goes to (context `operatorEmail`). */
  readonly operatorEmail?: string;
  /** Where every alarm goes; default a topic created by the stack (output `OperatorAlertsTopicArn`). */
  readonly alarmTopic?: sns.ITopic;
  /** Active X-Ray tracing of every Lambda with the Powertools Tracer (context `tracing=false` turns it off). Default on. */
  readonly tracing?: boolean;
  /**
   * Catalog actions the Remediate Lambda may run for real (context `remediationActions`,
   * comma-separated). Each brings only its own IAM; none by default, so a fresh deployment
   * can dry-run Kubernetes, Argo CD and flag actions but change nothing in AWS.
   */
  readonly remediationActions?: readonly string[];
  /** revert_config reaches parameters under this path only (context `remediationParameterPath`; default `/`). */
  readonly remediationParameterPath?: string;
  /** SSM Automation documents runbook may start (context `runbookDocuments`). */
  readonly runbookDocuments?: readonly string[];
  /** Ship source maps with every function for TypeScript stack traces (context `sourceMaps=true`); off by default for faster cold starts. */
  readonly sourceMaps?: boolean;
}

/**
 * The whole of Causeway in one account and region: the API, the investigation state
 * machine, its stage and provider Lambdas, the table and the platform secret.
 *
 * Environment-agnostic (no lookups), so it synthesizes offline and without credentials.
 */
export class CausewayStack extends Stack {
  constructor(scope: Construct, id: string, props: CausewayStackProps = {}) {
    super(scope, id, props);
    const logRetention = props.logRetention ?? logs.RetentionDays.ONE_MONTH;
    Tags.of(this).add('causeway:environment', props.environment ?? 'dev');

    const sourceMaps = props.sourceMaps ?? this.node.tryGetContext('sourceMaps') === 'true';
    const tracing = props.tracing ?? this.node.tryGetContext('tracing') !== 'false';
    const lambdaFor = (folder: string, timeout: Duration, memorySize?: number): lambda.Function =>
      new CausewayFunction(this, folderToId(folder), {
        folder,
        service: folder.replace('/', '-'),
        timeout,
        memorySize,
        logRetention,
        sourceMaps,
        tracing,
      }).fn;

    // HTTP API integrations give up after 30 s.
    const ingest = lambdaFor('ingest', Duration.seconds(15));
    const approval = lambdaFor('approval', Duration.seconds(15));
    const questions = lambdaFor('questions', Duration.seconds(29));
    const feedback = lambdaFor('feedback', Duration.seconds(15));
    const changes = lambdaFor('changes', Duration.seconds(15));
    const readApi = lambdaFor('read-api', Duration.seconds(15));
    const explorer = lambdaFor('explorer', Duration.seconds(15));
    // Each below the TimeoutSeconds of its ASL state.
    const stages: Record<Stage, lambda.Function> = {
      LoadTenant: lambdaFor('load-tenant', Duration.seconds(20)),
      Score: lambdaFor('score', Duration.seconds(90), 1024),
      Reason: lambdaFor('reason', Duration.seconds(100)),
      Record: lambdaFor('record', Duration.seconds(20)),
      Policy: lambdaFor('policy', Duration.seconds(20)),
      RequestApproval: lambdaFor('request-approval', Duration.seconds(20)),
      Remediate: lambdaFor('remediate', Duration.seconds(240)),
      VerifyOutcome: lambdaFor('verify-outcome', Duration.seconds(20)),
      Finish: lambdaFor('finish', Duration.seconds(25)),
    };
    const providers = new Map(PROVIDER_TYPES.map((type) => [type, lambdaFor(`providers/${type}`, Duration.seconds(50))]));
    for (const [type, fn] of providers) {
      const reads = PROVIDER_AWS_READS[type];
      if (!reads) continue;
      this.grantCrossAccountReads(fn);
      for (const read of reads) {
        fn.addToRolePolicy(new iam.PolicyStatement({ actions: read.actions, resources: [this.readResource(read.scope)] }));
        acknowledgeWildcard(fn.role, this.readResourceAsNagNames(read.scope), readScopeReason(read.actions, read.scope));
      }
    }

    const table = new InvestigationTable(this, 'Data');
    for (const fn of [stages.LoadTenant, stages.Policy, stages.Reason, ...PROVIDER_TABLE_READERS.map((type) => providers.get(type))]) if (fn) table.grantRead(fn);
    for (const fn of [ingest, approval, questions, feedback, changes, stages.Record, stages.RequestApproval, stages.Remediate, stages.VerifyOutcome, stages.Finish]) {
      table.grantReadWrite(fn);
    }

    for (const fn of providers.values()) table.grantStoredValues(fn, 'write');
    table.grantStoredValues(stages.Score, 'read-write');
    for (const fn of [readApi, explorer]) table.grantInvestigationReads(fn);
    table.grantLoginCodeRedemption(explorer);

    const secrets = new CausewaySecrets(this, 'Secrets');
    // The token check reads the tenant's secret; the platform key seals cursors and signs sessions.
    for (const fn of [readApi, explorer, feedback]) secrets.grantTenantSecretsAndPlatformKey(fn);
    for (const fn of [ingest, approval, stages.RequestApproval]) secrets.grantTenantSecretsAndPlatformKey(fn);
    for (const fn of [stages.Reason, questions, changes, stages.Remediate, stages.VerifyOutcome, stages.Finish, ...providers.values()]) secrets.grantTenantSecrets(fn);
    secrets.rotatePlatformKey(lambdaFor('rotate-platform-key', Duration.seconds(30)));
    grantRemediation(stages.Remediate, {
      actions: props.remediationActions ?? listSetting(this.node.tryGetContext('remediationActions')) ?? [],
      parameterPath: props.remediationParameterPath ?? (this.node.tryGetContext('remediationParameterPath') as string | undefined) ?? '/',
      runbookDocuments: props.runbookDocuments ?? listSetting(this.node.tryGetContext('runbookDocuments')) ?? [],
    });

    stages.LoadTenant.addEnvironment(
      'PROVIDER_FUNCTIONS',
      this.toJsonString(Object.fromEntries([...providers].map(([type, fn]) => [type, fn.functionArn]))),
    );

    const investigation = new Investigation(this, 'Investigation', {
      stages,
      providers: [...providers.values()],
      logRetention,
    });
    const { stateMachine } = investigation;
    ingest.addEnvironment('STATE_MACHINE_ARN', stateMachine.stateMachineArn);
    stateMachine.grantStartExecution(ingest);
    stateMachine.grantTaskResponse(approval);

    const api = new CausewayApi(this, 'Api', { ingest, approval, questions, feedback, changes, readApi, explorer, logRetention });
    const operatorEmail = props.operatorEmail ?? (this.node.tryGetContext('operatorEmail') as string | undefined);
    const alarmEvents = props.alarmTenant ? new AlarmEvents(this, 'AlarmEvents', { tenantId: props.alarmTenant, ingest }) : undefined;
    const monitoring = new PipelineMonitoring(this, 'Monitoring', {
      stateMachine,
      evidenceStateMachine: investigation.evidence,
      functions: CausewayFunction.allIn(this),
      api: api.httpApi,
      apiAccessLogs: api.accessLogs,
      deadLetterQueue: alarmEvents?.deadLetters,
      alarmTopic: props.alarmTopic,
      operatorEmail,
    });
    explorer.addEnvironment('STATE_MACHINE_ARN', stateMachine.stateMachineArn);
    for (const fn of [stages.RequestApproval, approval, stages.Finish]) fn.addEnvironment('PUBLIC_BASE_URL', api.url);

    new CfnOutput(this, 'ApiUrl', { value: api.url, description: 'Base URL for signal webhooks and approval links' });
    new CfnOutput(this, 'StateMachineArn', { value: stateMachine.stateMachineArn });
    new CfnOutput(this, 'TableName', { value: table.table.tableName });
    new CfnOutput(this, 'OperatorAlertsTopicArn', { value: monitoring.alarmTopic.topicArn, description: 'Every Causeway alarm goes here: subscribe the on-call operator' });
    if (alarmEvents) {
      new CfnOutput(this, 'AlarmEventsDeadLetterQueueUrl', { value: alarmEvents.deadLetters.queueUrl, description: 'Alarm events ingest could not take; redrive once it is healthy' });
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
        resources: [this.formatArn({ service: 'iam', region: '', account: '*', resource: 'role', resourceName: `${CROSS_ACCOUNT_ROLE_PREFIX}*` })],
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
    return this.formatArn({
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
