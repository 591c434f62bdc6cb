import { RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface CausewayApiProps {
  readonly ingest: lambda.IFunction;
  readonly approval: lambda.IFunction;
  readonly questions: lambda.IFunction;
  /** Verdicts on an RCA with the tenant API token. */
  readonly feedback: lambda.IFunction;
  /** The change log: deploys and flag flips that CI/CD pipelines and LaunchDarkly post. */
  readonly changes: lambda.IFunction;
  readonly logRetention: logs.RetentionDays;
}

/**
 * The public edge: signal intake, the change log, the approval links and Slack buttons, and follow-up questions. Every route is scoped by
 * tenant in its path; the handlers authenticate (webhook signatures, signed links), so
 * the API itself has no authorizer. Throttled so a noisy sender cannot exhaust the
 * account's Lambda concurrency.
 */
export class CausewayApi extends Construct {
  readonly httpApi: apigw.HttpApi;
  /** Base URL with no trailing slash; approval links are built as `${url}/v1/…`. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: CausewayApiProps) {
    super(scope, id);
    this.httpApi = new apigw.HttpApi(this, 'HttpApi', {
      description: 'Causeway signal intake and approval links',
      createDefaultStage: false,
    });

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { burstLimit: 100, rateLimit: 50 },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        // No query string or headers: approval links carry signatures there.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            routeKey: '$context.routeKey',
            path: '$context.path',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    const v2 = apigw.PayloadFormatVersion.VERSION_2_0;
    this.httpApi.addRoutes({
      path: '/v1/tenants/{tenantId}/signals/{source}',
      methods: [apigw.HttpMethod.POST],
      integration: new HttpLambdaIntegration('Ingest', props.ingest, { payloadFormatVersion: v2 }),
    });
    this.httpApi.addRoutes({
      path: '/v1/tenants/{tenantId}/approvals/{approvalId}',
      methods: [apigw.HttpMethod.GET, apigw.HttpMethod.POST],
      integration: new HttpLambdaIntegration('Approval', props.approval, { payloadFormatVersion: v2 }),
    });
    // Slack's interactive buttons: tenant-scoped, so the handler picks the tenant's signing secret before trusting the body.
    this.httpApi.addRoutes({
      path: '/v1/tenants/{tenantId}/slack/interactions',
      methods: [apigw.HttpMethod.POST],
      integration: new HttpLambdaIntegration('SlackInteractions', props.approval, { payloadFormatVersion: v2 }),
    });

    this.httpApi.addRoutes({
      path: '/v1/tenants/{tenantId}/investigations/{investigationId}/questions',
      methods: [apigw.HttpMethod.POST],
      integration: new HttpLambdaIntegration('Questions', props.questions, { payloadFormatVersion: v2 }),
    });

    this.httpApi.addRoutes({
      path: '/v1/tenants/{tenantId}/investigations/{investigationId}/feedback',
      methods: [apigw.HttpMethod.POST],
      integration: new HttpLambdaIntegration('Feedback', props.feedback, { payloadFormatVersion: v2 }),
    });

    this.httpApi.addRoutes({
      path: '/v1/tenants/{tenantId}/changes',
      methods: [apigw.HttpMethod.POST],
      integration: new HttpLambdaIntegration('Changes', props.changes, { payloadFormatVersion: v2 }),
    });

    this.url = this.httpApi.apiEndpoint;
  }
}
