import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledgeWildcard } from './nag.js';
import { handlerEntry, prebuiltBundleDir, REPO_ROOT } from './paths.js';

/** Where a function runs when it must reach backends on a private network. */
export interface FunctionNetwork {
  readonly vpc: ec2.IVpc;
  readonly subnets: ec2.SubnetSelection;
  readonly securityGroups: ec2.ISecurityGroup[];
}

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
  readonly memorySize: number;
  /**
   * Ship source maps and run with `--enable-source-maps`, so stack traces name the
   * TypeScript lines. Off by default: the maps more than double what each cold start
   * loads, and Node maps every stack trace through them.
   */
  readonly sourceMaps?: boolean;
  /** Runs the function in these subnets, with these security groups; absent, on Lambda's own network. */
  readonly network?: FunctionNetwork;
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
 * How every handler is bundled, whether by NodejsFunction at synth (a checkout) or by the
 * package build (`bin/bundle-functions.ts`), so both ship the same code.
 */
export const BUNDLING = {
  format: 'esm',
  target: BUNDLING_TARGET,
  mainFields: ['module', 'main'],
  // ESM output has no `require`; some CommonJS dependencies still call it.
  banner: "import { createRequire } from 'module';const require = createRequire(import.meta.url);",
  // The Node.js runtime ships SDK v3; bundling it would only slow cold starts.
  external: ['@aws-sdk/*'],
  minify: true,
} as const;

/** The bundle's file name, as NodejsFunction names an ESM bundle, so the handler is `index.handler` either way. */
export const BUNDLE_FILE = 'index.mjs';

/**
 * One Causeway Lambda: the latest Node.js on ARM64, bundled as ESM by the local esbuild (never
 * Docker, which build machines here do not have), logging to its own log group.
 *
 * In a checkout the handler is bundled from its TypeScript at synth; the installed package
 * carries no handler sources, only the bundles its build made from them, and deploys those.
 *
 * The role is built here without AWSLambdaBasicExecutionRole, whose log permissions
 * cover every log group in the account: the function may write to its own group only.
 */
export class CausewayFunction extends Construct {
  readonly fn: lambda.Function;
  readonly logGroup: logs.LogGroup;
  /** The function's folder under `functions/`; the package build bundles the folders of every CausewayFunction. */
  readonly folder: string;

  constructor(scope: Construct, id: string, props: CausewayFunctionProps) {
    super(scope, id);
    this.folder = props.folder;
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs causeway-${props.service}`,
    });
    this.logGroup.grantWrite(role);
    if (props.network) grantNetworkInterfaces(role);
    const tracing = props.tracing ?? true;

    const common = {
      runtime: LAMBDA_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role,
      logGroup: this.logGroup,
      tracing: tracing ? lambda.Tracing.ACTIVE : lambda.Tracing.DISABLED,
      ...(props.network ? { vpc: props.network.vpc, vpcSubnets: props.network.subnets, securityGroups: props.network.securityGroups } : {}),
      environment: {
        POWERTOOLS_SERVICE_NAME: `causeway-${props.service}`,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        ...(tracing ? {} : { POWERTOOLS_TRACE_ENABLED: 'false' }),
        ...(props.sourceMaps ? { NODE_OPTIONS: '--enable-source-maps' } : {}),
      },
    };
    const entry = handlerEntry(props.folder);
    this.fn = existsSync(entry)
      ? new NodejsFunction(this, 'Function', {
          ...common,
          entry,
          handler: 'handler',
          projectRoot: REPO_ROOT,
          depsLockFilePath: `${REPO_ROOT}/package-lock.json`,
          bundling: {
            forceDockerBundling: false,
            format: OutputFormat.ESM,
            target: BUNDLING.target,
            mainFields: [...BUNDLING.mainFields],
            banner: BUNDLING.banner,
            externalModules: [...BUNDLING.external],
            minify: BUNDLING.minify,
            sourceMap: props.sourceMaps ?? false,
            sourcesContent: false,
            logLevel: LogLevel.ERROR,
          },
        })
      : new lambda.Function(this, 'Function', { ...common, handler: 'index.handler', code: prebuiltCode(props.folder, props.sourceMaps ?? false) });
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

/** The package's bundle of one function, built without source maps to keep the package small. */
function prebuiltCode(folder: string, sourceMaps: boolean): lambda.Code {
  const dir = prebuiltBundleDir(folder);
  if (sourceMaps) throw new Error('causeway: sourceMaps needs a checkout of the repository, which bundles the TypeScript at synth; the package ships its bundles without source maps');
  if (!existsSync(join(dir, BUNDLE_FILE))) throw new Error(`causeway: neither functions/${folder}/handler.ts nor its prebuilt bundle ${join(dir, BUNDLE_FILE)} exists; a package must be built with \`npm pack\` (its prepack bundles every function)`);
  return lambda.Code.fromAsset(dir);
}

/**
 * What Lambda needs to attach a function to a VPC (the permissions of
 * AWSLambdaVPCAccessExecutionRole, which the role does not take, as it takes no AWS
 * managed policy). Lambda creates and deletes the interfaces itself under ids it picks.
 */
function grantNetworkInterfaces(role: iam.Role): void {
  role.addToPolicy(
    new iam.PolicyStatement({
      actions: ['ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets', 'ec2:DeleteNetworkInterface', 'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses'],
      resources: ['*'],
    }),
  );
  acknowledgeWildcard(
    role,
    '*',
    "A function in a VPC: Lambda creates, describes and deletes its network interfaces under ids it picks at run time, and ec2:Describe* accept no resource; the same actions AWSLambdaVPCAccessExecutionRole grants on '*'.",
  );
}
