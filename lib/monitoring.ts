import { Duration } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { APPROVAL_DECISIONS, DIMENSION, INVESTIGATION_OUTCOMES, METRIC, METRICS_NAMESPACE, METRICS_SERVICE } from '../functions/shared/metric-names.js';
import { PROVIDER_TYPES } from './providers.js';

/** The route alert senders post to; its 4xx are a sender that cannot get in (wrong secret, bad payload). */
export const SIGNAL_ROUTE_KEY = 'POST /v1/tenants/{tenantId}/signals/{source}';

/** When the alarms fire; every value has a default tuned for a pager at 3 a.m. */
export interface AlarmThresholds {
  /**
   * Errors of one Lambda in five minutes. A stage's transient failure is retried by the
   * state machine and shows here once without harm; a failure that stops an investigation
   * also fails its execution, which alarms at one. Default 3.
   */
  readonly lambdaErrors?: number;
  /** 5xx answers of the API in five minutes: a signal not taken or an approval page broken. Default 1. */
  readonly api5xx?: number;
  /** 4xx answers on the signal route in five minutes: a sender that stopped getting in. Default 20. */
  readonly ingestRejections?: number;
  /**
   * Longest an approval may wait for a person before its end alarms (measured when it is
   * decided or expires, never while it waits). Default 30 minutes.
   */
  readonly approvalWait?: Duration;
}

export interface PipelineMonitoringProps {
  readonly stateMachine: sfn.IStateMachine;
  /**
   * The Express child that gathers and scores the evidence. Its failures alarm on their
   * own: the parent records them and ends, so the parent's execution metrics never show them.
   */
  readonly evidenceStateMachine?: sfn.IStateMachine;
  /** Every Causeway Lambda by a stable name (its construct id); each gets an errors and a throttles alarm. */
  readonly functions: Readonly<Record<string, lambda.IFunction>>;
  readonly api: apigw.IHttpApi;
  /** The API's access log group (JSON lines with `routeKey` and `status`); ingest's 4xx are counted from it. */
  readonly apiAccessLogs: logs.ILogGroup;
  /** A dead-letter queue whose depth alarms at one message (the alarm-event queue, when alarm events are on). */
  readonly deadLetterQueue?: sqs.IQueue;
  /** Where every alarm goes. Default: a topic created here, encrypted with `alias/aws/sns`. */
  readonly alarmTopic?: sns.ITopic;
  /** Subscribed by email to the topic created here; ignored when `alarmTopic` is given (its owner subscribes). */
  readonly operatorEmail?: string;
  readonly thresholds?: AlarmThresholds;
}

const FIVE_MINUTES = Duration.minutes(5);

/**
 * The pipeline watching itself: alarms on whatever leaves an alert without an answer
 * (failed, timed-out or aborted executions; Lambda errors and throttles; API 5xx; senders
 * suddenly refused; dead-lettered alarm events; approvals nobody decided in time), all to
 * one SNS topic, and one dashboard of the investigations, their outcomes and time to RCA,
 * provider errors by backend, model spend, Lambdas, the API and approvals.
 *
 * Every alarm treats missing data as not breaching: no traffic is not an incident.
 */
export class PipelineMonitoring extends Construct {
  readonly alarmTopic: sns.ITopic;
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;
  /** 4xx answers on the signal route, from the access logs. */
  readonly ingestRejections: cloudwatch.Metric;

  constructor(scope: Construct, id: string, props: PipelineMonitoringProps) {
    super(scope, id);
    const thresholds = props.thresholds ?? {};
    this.alarmTopic = props.alarmTopic ?? this.createTopic(props.operatorEmail);

    const executions = {
      started: props.stateMachine.metricStarted({ period: FIVE_MINUTES }),
      succeeded: props.stateMachine.metricSucceeded({ period: FIVE_MINUTES }),
      failed: props.stateMachine.metricFailed({ period: FIVE_MINUTES }),
      timedOut: props.stateMachine.metricTimedOut({ period: FIVE_MINUTES }),
      aborted: props.stateMachine.metricAborted({ period: FIVE_MINUTES }),
    };
    this.alarm('ExecutionsFailed', executions.failed, 1, 'An investigation failed: its record says why (status failed, with the error). The alert may fire again and start a new one.');
    this.alarm('ExecutionsTimedOut', executions.timedOut, 1, 'An investigation ran past the state machine timeout: nobody was told its result.');
    this.alarm('ExecutionsAborted', executions.aborted, 1, 'An investigation was stopped by hand or by a redeploy: its record may still say investigating.');

    if (props.evidenceStateMachine) {
      this.alarm('EvidenceFailed', props.evidenceStateMachine.metricFailed({ period: FIVE_MINUTES }), 1, 'Gathering or scoring the evidence failed: the investigation ended with a record naming the error, and no RCA.');
      this.alarm('EvidenceTimedOut', props.evidenceStateMachine.metricTimedOut({ period: FIVE_MINUTES }), 1, 'Gathering the evidence ran past its timeout: a provider or the scorer hangs.');
    }

    for (const [name, fn] of Object.entries(props.functions)) {
      this.alarm(`${name}Errors`, fn.metricErrors({ period: FIVE_MINUTES }), thresholds.lambdaErrors ?? 3, `The ${name} Lambda keeps failing: see its log group for the error.`);
      this.alarm(`${name}Throttles`, fn.metricThrottles({ period: FIVE_MINUTES }), 1, `The ${name} Lambda was throttled: the account's concurrency is exhausted, so signals or stages wait or fail.`);
    }

    const api = {
      requests: props.api.metricCount({ period: FIVE_MINUTES }),
      clientErrors: props.api.metricClientError({ period: FIVE_MINUTES }),
      serverErrors: props.api.metricServerError({ period: FIVE_MINUTES }),
    };
    this.alarm('Api5xx', api.serverErrors, thresholds.api5xx ?? 1, 'The API answered 5xx: a signal may not have been taken, or an approval page broke. See the API access logs and the Lambda errors.');

    new logs.MetricFilter(this, 'IngestRejectedFilter', {
      logGroup: props.apiAccessLogs,
      metricNamespace: METRICS_NAMESPACE,
      metricName: METRIC.ingestRejected,
      metricValue: '1',
      filterPattern: logs.FilterPattern.all(logs.FilterPattern.stringValue('$.routeKey', '=', SIGNAL_ROUTE_KEY), logs.FilterPattern.stringValue('$.status', '=', '4*')),
    });
    this.ingestRejections = new cloudwatch.Metric({ namespace: METRICS_NAMESPACE, metricName: METRIC.ingestRejected, statistic: 'Sum', period: FIVE_MINUTES });
    this.alarm(
      'IngestRejectionSurge',
      this.ingestRejections,
      thresholds.ingestRejections ?? 20,
      'Alert senders are being refused (4xx): a rotated or mistyped webhook secret, a disabled source or a changed payload. The ingest logs name the tenant and the reason.',
    );

    if (props.deadLetterQueue) {
      this.alarm(
        'DeadLettered',
        props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
        1,
        'CloudWatch alarm events could not be ingested and wait in the dead-letter queue; redrive them once ingest is healthy.',
      );
    }

    const approvals = Object.fromEntries(APPROVAL_DECISIONS.map((decision) => [decision, causewayMetric(METRIC.approvals, 'Sum', { [DIMENSION.decision]: decision })]));
    const approvalWait = causewayMetric(METRIC.approvalWait, 'Maximum');
    const waitLimit = thresholds.approvalWait ?? Duration.minutes(30);
    this.alarm('ApprovalsExpired', approvals.expired!, 1, 'An approval expired with nobody deciding: the fix was not applied. Check who the approvers are and that the message reached them.');
    this.alarm(
      'ApprovalWaitedTooLong',
      approvalWait,
      waitLimit.toSeconds() + 1,
      `An approval waited more than ${waitLimit.toHumanString()} for a person (measured when it was decided or expired).`,
    );

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', { defaultInterval: Duration.days(1) });
    const fns = Object.entries(props.functions);
    this.dashboard.addWidgets(
      graph('Investigations started and how the runs ended', [executions.started, executions.succeeded, executions.failed, executions.timedOut, executions.aborted], ['Started', 'Succeeded', 'Failed', 'Timed out', 'Aborted']),
      graph('Outcomes', INVESTIGATION_OUTCOMES.map((outcome) => causewayMetric(METRIC.investigations, 'Sum', { [DIMENSION.outcome]: outcome })), [...INVESTIGATION_OUTCOMES], true),
      graph('Time to RCA (signal → diagnosis recorded)', ['p50', 'p90', 'Maximum'].map((statistic) => causewayMetric(METRIC.timeToRca, statistic)), ['p50', 'p90', 'max']),
      graph('RCA confidence', ['Average', 'Minimum'].map((statistic) => causewayMetric(METRIC.rcaConfidence, statistic)), ['average', 'lowest']),
    );
    this.dashboard.addWidgets(
      graph('Provider errors by backend', PROVIDER_TYPES.map((type) => causewayMetric(METRIC.providerErrors, 'Sum', { [DIMENSION.backend]: type })), [...PROVIDER_TYPES], true),
      new cloudwatch.GraphWidget({
        title: 'LLM tokens and cost',
        width: 12,
        left: [causewayMetric(METRIC.llmPromptTokens, 'Sum').with({ label: 'Prompt tokens' }), causewayMetric(METRIC.llmCompletionTokens, 'Sum').with({ label: 'Completion tokens' })],
        right: [causewayMetric(METRIC.llmCostUsd, 'Sum').with({ label: 'Cost (USD)' })],
      }),
    );
    this.dashboard.addWidgets(
      graph('Lambda errors', fns.map(([, fn]) => fn.metricErrors({ period: FIVE_MINUTES })), fns.map(([name]) => name)),
      graph('Lambda duration p90', fns.map(([, fn]) => fn.metricDuration({ period: FIVE_MINUTES, statistic: 'p90' })), fns.map(([name]) => name)),
    );
    this.dashboard.addWidgets(
      graph('API requests, 4xx and 5xx', [api.requests, api.clientErrors, api.serverErrors, this.ingestRejections], ['Requests', '4xx', '5xx', 'Signal route 4xx']),
      new cloudwatch.GraphWidget({
        title: 'Approvals by decision, and the longest wait',
        width: 12,
        left: APPROVAL_DECISIONS.map((decision) => approvals[decision]!.with({ label: decision })),
        right: [approvalWait.with({ label: 'Longest wait (s)' })],
      }),
    );
    this.dashboard.addWidgets(new cloudwatch.AlarmStatusWidget({ title: 'Alarms', width: 24, alarms: this.alarms }));
  }

  private createTopic(operatorEmail: string | undefined): sns.Topic {
    const topic = new sns.Topic(this, 'OperatorAlerts', {
      displayName: 'Causeway operator alerts',
      masterKey: kms.Alias.fromAliasName(this, 'SnsKey', 'alias/aws/sns'),
      enforceSSL: true,
    });
    if (operatorEmail) topic.addSubscription(new subscriptions.EmailSubscription(operatorEmail));
    return topic;
  }

  /** An alarm at `threshold` or more in one period, to the alarm topic. */
  private alarm(id: string, metric: cloudwatch.IMetric, threshold: number, description: string): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, id, {
      alarmDescription: description,
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.alarmTopic));
    this.alarms.push(alarm);
    return alarm;
  }
}

/** One of Causeway's own metrics (EMF, see functions/shared/metrics.ts), under `service=causeway` and the given dimensions. */
function causewayMetric(metricName: string, statistic: string, dimensions: Record<string, string> = {}): cloudwatch.Metric {
  return new cloudwatch.Metric({ namespace: METRICS_NAMESPACE, metricName, statistic, period: FIVE_MINUTES, dimensionsMap: { service: METRICS_SERVICE, ...dimensions } });
}

function graph(title: string, metrics: readonly cloudwatch.IMetric[], labels: readonly string[], stacked = false): cloudwatch.GraphWidget {
  return new cloudwatch.GraphWidget({
    title,
    width: 12,
    stacked,
    left: metrics.map((metric, i) => (metric instanceof cloudwatch.Metric ? metric.with({ label: labels[i] }) : metric)),
  });
}
