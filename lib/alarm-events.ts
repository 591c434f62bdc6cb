import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

export interface AlarmEventsProps {
  /** The tenant this account's CloudWatch alarms belong to. */
  readonly tenantId: string;
  readonly ingest: lambda.IFunction;
}

/**
 * Sends this account's CloudWatch alarm state changes straight to the ingest Lambda,
 * wrapped with the tenant they belong to. EventBridge invokes under IAM, so there is no
 * webhook credential; the tenant must still enable the cloudwatch source.
 */
export class AlarmEvents extends Construct {
  readonly rule: events.Rule;

  constructor(scope: Construct, id: string, props: AlarmEventsProps) {
    super(scope, id);
    this.rule = new events.Rule(this, 'AlarmStateChange', {
      description: `CloudWatch alarm state changes → Causeway ingest for tenant ${props.tenantId}`,
      eventPattern: { source: ['aws.cloudwatch'], detailType: ['CloudWatch Alarm State Change'] },
    });
    this.rule.addTarget(
      new targets.LambdaFunction(props.ingest, {
        event: events.RuleTargetInput.fromObject({ tenantId: props.tenantId, event: events.EventField.fromPath('$') }),
        retryAttempts: 8,
      }),
    );
  }
}
