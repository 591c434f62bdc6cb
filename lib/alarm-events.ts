import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledgeFinding } from './nag.js';

export interface AlarmEventsProps {
  /** The tenant this account's CloudWatch alarms belong to. */
  readonly tenantId: string;
  readonly ingest: lambda.IFunction;
  /** Of the dead-letter queue, which may hold alarm events still to redrive: the deployment's data removal policy. */
  readonly removalPolicy: RemovalPolicy;
}

/** How often EventBridge, then Lambda, try an alarm event before it is dead-lettered. */
export const ALARM_EVENT_RETRIES = { eventBridge: 8, lambdaAsync: 2 } as const;

/**
 * Sends this account's CloudWatch alarm state changes straight to the ingest Lambda,
 * wrapped with the tenant they belong to. EventBridge invokes under IAM, so there is no
 * webhook credential; the tenant must still enable the cloudwatch source.
 *
 * No alarm is lost in silence: an event EventBridge cannot deliver (ingest throttled or
 * missing) after its retries, and an event ingest accepted but kept failing on (a
 * throttled table after Lambda's own retries), both land in one encrypted dead-letter
 * queue kept 14 days; PipelineMonitoring (lib/monitoring.ts) alarms on its first message.
 */
export class AlarmEvents extends Construct {
  readonly rule: events.Rule;
  readonly deadLetters: sqs.Queue;

  constructor(scope: Construct, id: string, props: AlarmEventsProps) {
    super(scope, id);
    this.deadLetters = new sqs.Queue(this, 'DeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: props.removalPolicy,
    });
    acknowledgeFinding(
      this.deadLetters,
      'AwsSolutions-SQS3',
      "This queue is itself the dead-letter queue (of the EventBridge target and of ingest's async invocations); cdk-nag recognises only queues named in another queue's redrive policy.",
    );
    this.rule = new events.Rule(this, 'AlarmStateChange', {
      description: `CloudWatch alarm state changes → Causeway ingest for tenant ${props.tenantId}`,
      eventPattern: { source: ['aws.cloudwatch'], detailType: ['CloudWatch Alarm State Change'] },
    });
    this.rule.addTarget(
      new targets.LambdaFunction(props.ingest, {
        event: events.RuleTargetInput.fromObject({ tenantId: props.tenantId, event: events.EventField.fromPath('$') }),
        retryAttempts: ALARM_EVENT_RETRIES.eventBridge,
        maxEventAge: Duration.hours(24),
        deadLetterQueue: this.deadLetters,
      }),
    );
    // EventBridge invokes asynchronously: once Lambda accepts the event, a failing ingest is retried by Lambda, then sent here.
    props.ingest.configureAsyncInvoke({
      retryAttempts: ALARM_EVENT_RETRIES.lambdaAsync,
      maxEventAge: Duration.hours(6),
      onFailure: new destinations.SqsDestination(this.deadLetters),
    });
  }
}
