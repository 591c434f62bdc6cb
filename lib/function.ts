import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledgeWildcard } from './nag.js';
import { handlerEntry, REPO_ROOT } from './paths.js';

/** What differs between Causeway's Lambdas; everything else is shared on purpose. */
export interface CausewayFunctionProps {
  /** Folder under `functions/` holding `handler.ts`, e.g. `ingest` or `providers/scenario`. */
  readonly folder: string;
  /** Written as `causeway-<service>` into logs, so each line says which stage wrote it. */
  readonly service: string;
  /**
   * Kept below the timeout of the ASL state or API route that waits on the function, so
   * the function fails with its own error rather than the caller giving up first.
   */
  readonly timeout: Duration;
  readonly logRetention: logs.RetentionDays;
  readonly memorySize?: number;
  /**
   * Ship source maps and run with `--enable-source-maps`, so stack traces name the
   * TypeScript lines. Off by default: the maps more than double what each cold start
   * loads, and Node maps every stack trace through them.
   */
  readonly sourceMaps?: boolean;
  /** Active X-Ray tracing, with the Powertools Tracer on; when off, the Tracer is told so too. Default on. */
  readonly tracing?: boolean;
}

/**
 * The newest Node.js runtime this aws-cdk-lib offers (cdk-nag's AwsSolutions-L1 checks the
 * same list); test/infra/stack.test.ts fails when a newer one appears.
 */
export const LAMBDA_RUNTIME = lambda.Runtime.NODEJS_24_X;

/** esbuild's target for that runtime (`nodejs24.x` → `node24`), so the bundle never assumes a newer Node than Lambda runs. */
export const BUNDLING_TARGET = LAMBDA_RUNTIME.name.replace(/^nodejs(\d+)\.x$/, 'node$1');

/**
 * One Causeway Lambda: the latest Node.js on ARM64, bundled as ESM by the local esbuild (never
 * Docker, which build machines here do not have), logging to its own log group.
 *
 * The role is built here without AWSLambdaBasicExecutionRole, whose log permissions
 * cover every log group in the account: the function may write to its own group only.
 */
export class CausewayFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: CausewayFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs causeway-${props.service}`,
    });
    this.logGroup.grantWrite(role);
    const tracing = props.tracing ?? true;

    this.fn = new NodejsFunction(this, 'Function', {
      entry: handlerEntry(props.folder),
      handler: 'handler',
      runtime: LAMBDA_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout,
      role,
      logGroup: this.logGroup,
      tracing: tracing ? lambda.Tracing.ACTIVE : lambda.Tracing.DISABLED,
      projectRoot: REPO_ROOT,
      depsLockFilePath: `${REPO_ROOT}/package-lock.json`,
      environment: {
        POWERTOOLS_SERVICE_NAME: `causeway-${props.service}`,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        ...(tracing ? {} : { POWERTOOLS_TRACE_ENABLED: 'false' }),
        ...(props.sourceMaps ? { NODE_OPTIONS: '--enable-source-maps' } : {}),
      },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: BUNDLING_TARGET,
        mainFields: ['module', 'main'],
        // ESM output has no `require`; some CommonJS dependencies still call it.
        banner: "import { createRequire } from 'module';const require = createRequire(import.meta.url);",
        // The Node.js runtime ships SDK v3; bundling it would only slow cold starts.
        externalModules: ['@aws-sdk/*'],
        minify: true,
        sourceMap: props.sourceMaps ?? false,
        sourcesContent: false,
        logLevel: LogLevel.ERROR,
      },
    });
    if (tracing) {
      acknowledgeWildcard(role, '*', 'Active tracing: X-Ray PutTraceSegments and PutTelemetryRecords support no resource-level permissions, so Lambda\'s tracing grant is on "*"; it can only write trace data.');
    }
  }

  /** Every CausewayFunction under `scope`, by construct id: what the monitoring alarms on, so a new function is watched without being listed. */
  static allIn(scope: Construct): Record<string, lambda.IFunction> {
    const found = scope.node.findAll().filter((child): child is CausewayFunction => child instanceof CausewayFunction);
    return Object.fromEntries(found.map((fn) => [fn.node.id, fn.fn]));
  }
}
