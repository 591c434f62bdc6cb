import { RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledgeFinding } from './nag.js';

/**
 * How each public route authenticates, in its handler: the callers are webhook senders,
 * pipelines, Slack and people holding a link, none of which can sign with IAM or fetch a
 * JWT from an authorizer Causeway would run. A route missing here fails cdk-nag (APIG4).
 */
export const HANDLER_AUTHENTICATION: Readonly<Record<string, string>> = {
  '/v1/tenants/{tenantId}/signals/{source}':
    "Alertmanager, Grafana, Datadog, PagerDuty, Opsgenie and SNS cannot sign with IAM or present a JWT; ingest verifies each source's signature or the tenant's webhook credential and answers 401 without one.",
  '/v1/tenants/{tenantId}/approvals/{approvalId}': "Opened by a person from a signed link; the handler verifies the link's signature and expiry and the approver before any decision.",
  '/v1/tenants/{tenantId}/approvals/{approvalId}/signin': "Starts an OpenID Connect sign-in from a signed approval link; the handler verifies the link first, and the sign-in itself proves who the person is to the tenant's identity provider.",
  '/v1/tenants/{tenantId}/identity/signin': "Only starts a sign-in at the tenant's identity provider; nothing is read or decided until the callback verifies the ID token, and the redirect target is held to the tenant's explorer pages.",
  '/v1/tenants/{tenantId}/identity/callback': "The identity provider's redirect: the handler accepts it only with the state it issued to this browser (single-use, ten minutes) and verifies the ID token against the issuer's keys.",
  '/v1/tenants/{tenantId}/slack/interactions': "Slack's button clicks carry Slack's own signature; the handler verifies it with the tenant's signing secret and refuses stale timestamps.",
  '/v1/tenants/{tenantId}/investigations/{investigationId}/questions': "The handler checks the tenant's API token and answers the same 401 for an unknown tenant, a missing or a wrong token.",
  '/v1/tenants/{tenantId}/investigations': "The read API checks the tenant's API token and answers the same 401 for an unknown tenant, a missing or a wrong token.",
  '/v1/tenants/{tenantId}/investigations/{investigationId}': "The read API checks the tenant's API token and answers the same 401 for an unknown tenant, a missing or a wrong token.",
  '/explorer': 'A public landing page: it shows the sign-in form and no investigation data.',
  '/explorer/{proxy+}': "The explorer serves a tenant's pages only to a session cookie signed for that tenant (minted by the API-token sign-in or a single-use login link) and refuses cross-origin POSTs.",
  '/v1/tenants/{tenantId}/investigations/{investigationId}/feedback': "The handler takes the verdict's author from the tenant's API token or the explorer's signed session cookie, never from the body, and answers 401 without one.",
  '/v1/tenants/{tenantId}/changes': "CI/CD pipelines and LaunchDarkly sign the body; the handler verifies the signature with the tenant's change-log secret and answers 401 otherwise.",
};

export interface CausewayApiProps {
  readonly ingest: lambda.IFunction;
  readonly approval: lambda.IFunction;
  readonly questions: lambda.IFunction;
  /** Verdicts on an RCA with the tenant API token. */
  readonly feedback: lambda.IFunction;
  /** The change log: deploys and flag flips that CI/CD pipelines and LaunchDarkly post. */
  readonly changes: lambda.IFunction;
  /** The investigations list and record, read with the tenant API token. */
  readonly readApi: lambda.IFunction;
  /** The investigation explorer's pages, behind a session cookie. */
  readonly explorer: lambda.IFunction;
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
  /** JSON access logs (route key, status, latency; never query strings or headers). */
  readonly accessLogs: logs.LogGroup;
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
    this.accessLogs = accessLogs;
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
    // Sign-in on the approval page through the tenant's OpenID Connect provider: the start and the provider's redirect back.
    this.httpApi.addRoutes({
      path: '/v1/tenants/{tenantId}/approvals/{approvalId}/signin',
      methods: [apigw.HttpMethod.GET],
      integration: new HttpLambdaIntegration('ApprovalSignIn', props.approval, { payloadFormatVersion: v2 }),
    });
    this.httpApi.addRoutes({
      path: '/v1/tenants/{tenantId}/identity/callback',
      methods: [apigw.HttpMethod.GET],
      integration: new HttpLambdaIntegration('IdentityCallback', props.approval, { payloadFormatVersion: v2 }),
    });
    // Sign-in to the explorer through the same provider: it ends in an explorer session for the verified person.
    this.httpApi.addRoutes({
      path: '/v1/tenants/{tenantId}/identity/signin',
      methods: [apigw.HttpMethod.GET],
      integration: new HttpLambdaIntegration('ExplorerSignIn', props.approval, { payloadFormatVersion: v2 }),
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

    this.httpApi.addRoutes({
      path: '/v1/tenants/{tenantId}/investigations',
      methods: [apigw.HttpMethod.GET],
      integration: new HttpLambdaIntegration('ListInvestigations', props.readApi, { payloadFormatVersion: v2 }),
    });
    this.httpApi.addRoutes({
      path: '/v1/tenants/{tenantId}/investigations/{investigationId}',
      methods: [apigw.HttpMethod.GET],
      integration: new HttpLambdaIntegration('GetInvestigation', props.readApi, { payloadFormatVersion: v2 }),
    });
    // The explorer routes by path itself; its login links carry their code in the query string, which access logs leave out.
    const explorer = new HttpLambdaIntegration('Explorer', props.explorer, { payloadFormatVersion: v2 });
    this.httpApi.addRoutes({ path: '/explorer', methods: [apigw.HttpMethod.GET], integration: explorer });
    this.httpApi.addRoutes({ path: '/explorer/{proxy+}', methods: [apigw.HttpMethod.GET, apigw.HttpMethod.POST], integration: explorer });

    for (const route of this.httpApi.node.children.filter((child): child is apigw.HttpRoute => child instanceof apigw.HttpRoute)) {
      const reason = route.path === undefined ? undefined : HANDLER_AUTHENTICATION[route.path];
      if (reason) acknowledgeFinding(route, 'AwsSolutions-APIG4', reason);
    }

    this.url = this.httpApi.apiEndpoint;
  }
}
