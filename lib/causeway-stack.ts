import { ArnFormat, CfnOutput, Duration, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { AlarmEvents } from './alarm-events.js';
import { CausewayApi } from './api.js';
import { CausewayFunction } from './function.js';
import { Investigation, type Stage } from './investigation.js';
import { CROSS_ACCOUNT_ROLE_PREFIX, PROVIDER_AWS_READS, PROVIDER_TABLE_READERS, PROVIDER_TYPES, type ReadScope } from './providers.js';
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

    const lambdaFor = (folder: string, timeout: Duration, memorySize?: number): lambda.Function =>
      new CausewayFunction(this, folderToId(folder), {
        folder,
        service: folder.replace('/', '-'),
        timeout,
        memorySize,
        logRetention,
      }).fn;

    // HTTP API integrations give up after 30 s.
    const ingest = lambdaFor('ingest', Duration.seconds(15));
    const approval = lambdaFor('approval', Duration.seconds(15));
    const questions = lambdaFor('questions', Duration.seconds(29));
    const feedback = lambdaFor('feedback', Duration.seconds(15));
    const changes = lambdaFor('changes', Duration.seconds(15));
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
      if (PROVIDER_AWS_READS[type]) {
        fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['sts:AssumeRole'], resources: [this.formatArn({ service: 'iam', region: '', account: '*', resource: 'role', resourceName: `${CROSS_ACCOUNT_ROLE_PREFIX}*` })] }));
      }
      for (const read of PROVIDER_AWS_READS[type] ?? []) {
        fn.addToRolePolicy(new iam.PolicyStatement({ actions: read.actions, resources: [this.readResource(read.scope)] }));
      }
    }

    const table = new InvestigationTable(this, 'Data');
    for (const fn of [stages.LoadTenant, stages.Policy, stages.Reason, ...PROVIDER_TABLE_READERS.map((type) => providers.get(type))]) if (fn) table.grantRead(fn);
    for (const fn of [ingest, approval, questions, feedback, changes, stages.Record, stages.RequestApproval, stages.Remediate, stages.VerifyOutcome, stages.Finish]) {
      table.grantReadWrite(fn);
    }

    const secrets = new CausewaySecrets(this, 'Secrets');
    for (const fn of [ingest, approval, stages.RequestApproval]) secrets.grantTenantSecretsAndPlatformKey(fn);
    for (const fn of [stages.Reason, questions, feedback, changes, stages.Remediate, stages.VerifyOutcome, stages.Finish, ...providers.values()]) secrets.grantTenantSecrets(fn);
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

    const api = new CausewayApi(this, 'Api', { ingest, approval, questions, feedback, changes, logRetention });
    if (props.alarmTenant) new AlarmEvents(this, 'AlarmEvents', { tenantId: props.alarmTenant, ingest });
    for (const fn of [stages.RequestApproval, approval, stages.Finish]) fn.addEnvironment('PUBLIC_BASE_URL', api.url);

    new CfnOutput(this, 'ApiUrl', { value: api.url, description: 'Base URL for signal webhooks and approval links' });
    new CfnOutput(this, 'StateMachineArn', { value: stateMachine.stateMachineArn });
    new CfnOutput(this, 'TableName', { value: table.table.tableName });
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

/** `providers/scenario` → `ProvidersScenario`: a stable construct id per function folder. */
function folderToId(folder: string): string {
  return folder
    .split(/[/-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
