import type { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { ReferenceSetting } from '../functions/contracts/tenant.js';
import type { FunctionNetwork } from './function.js';
import { stateTimeoutSeconds } from './investigation.js';
import { PROVIDER_TYPES, type ProviderType } from './providers.js';

/*
 * The Causeway construct's props, each optional with its default and the reason for it, and
 * the checks that turn them into settings: a bad value fails the synth, naming the prop.
 */

/**
 * Providers whose backends are usually self-hosted, so often on a private network: the
 * ones placed in the VPC when {@link CausewayNetworkProps.providers} is not given.
 */
export const SELF_HOSTED_PROVIDERS: readonly ProviderType[] = ['prometheus', 'loki', 'tempo', 'jaeger', 'opensearch', 'kubernetes', 'argocd'];

/** Placing the providers that read private backends (a Prometheus, Loki or API server with no public endpoint) in your VPC. */
export interface CausewayNetworkProps {
  /** The VPC the private backends are reachable from. */
  readonly vpc: ec2.IVpc;
  /**
   * Where the provider functions run. Default: the VPC's private subnets with egress, because
   * a provider also calls AWS (Secrets Manager for the backend's credentials), so the subnets
   * need a NAT gateway or a Secrets Manager interface endpoint; isolated subnets without the
   * endpoint time out on the first secret read.
   */
  readonly subnets?: ec2.SubnetSelection;
  /**
   * Default: one security group for all of them (exposed as `providerSecurityGroup`), with no
   * inbound rule and all outbound allowed, because a backend's address and port are tenant
   * configuration known only at run time. Admit it on your backends' security groups.
   */
  readonly securityGroups?: ec2.ISecurityGroup[];
  /**
   * Which providers run in the VPC. Default: {@link SELF_HOSTED_PROVIDERS}. Providers of SaaS
   * and AWS APIs stay on Lambda's network, where they need no NAT gateway to reach them.
   */
  readonly providers?: readonly ProviderType[];
}

/** Memory for the functions, in MB; more memory also means proportionally more CPU. */
export interface CausewayMemoryProps {
  /** Every function but Score. Default 512: the handlers are I/O bound, and 512 MB keeps cold starts short. */
  readonly default?: number;
  /** Score, which is CPU bound (anomaly detection over every series). Default 1024. */
  readonly score?: number;
}

/**
 * Timeouts the workload decides. Each must stay below the `TimeoutSeconds` the
 * investigation definition gives its state (checked at synth), so the function fails with
 * its own named error instead of the state machine giving up on it first.
 */
export interface CausewayTimeoutProps {
  /** Each evidence provider (one backend query). Default 50 s, below the QueryProvider state's 60 s. */
  readonly providers?: Duration;
  /** Reason, which waits on the LLM. Default 100 s, below the Reason state's 120 s. */
  readonly reason?: Duration;
}

/** Everything is optional: `new Causeway(stack, 'Causeway')` deploys the whole pipeline with safe defaults. */
export interface CausewayProps {
  /** Private networking for providers that read backends inside a VPC. Default: none, every function on Lambda's own network. */
  readonly network?: CausewayNetworkProps;
  /** Default: 512 MB, Score 1024 MB. */
  readonly memory?: CausewayMemoryProps;
  /** Default: providers 50 s, Reason 100 s. */
  readonly timeouts?: CausewayTimeoutProps;
  /** Retention of every log group the construct creates. Default one month: long enough to look back on last month's incidents, short enough not to pile up cost. */
  readonly logRetention?: logs.RetentionDays;
  /**
   * What happens to the data when the construct is removed: the table (tenant config,
   * investigation records, audit trails, approvals) and the alarm-event dead-letter queue.
   * Default RETAIN, because the table is the system of record and the audit trail of every
   * action taken; DESTROY suits throwaway test deployments only. Log groups are always
   * removed with it and keep only `logRetention` anyway.
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * The reference offsets for tenants whose config sets no `reference`: each metrics, logs
   * and traces query is also run this far back, so evidence is judged against what is normal
   * for the service. Default `['24h', '168h']` (a day and a week before: daily and weekly
   * cycles); one to three offsets of 6h to 30d. A tenant's own setting still wins.
   */
  readonly referenceOffsets?: readonly string[];
  /**
   * Where the pipeline's own alarms go (failed, timed-out and aborted investigations, Lambda
   * errors and throttles, API 5xx, ingest refusals, dead-lettered events, approvals left
   * waiting). Default: a topic made here (output `OperatorAlertsTopicArn`; `operatorEmail`
   * subscribes to it).
   */
  readonly alarmTopic?: sns.ITopic;
  /**
   * X-Ray tracing of the pipeline: every investigation's execution, each Lambda call a
   * segment of it. Default true: a trace is what shows, at 3 a.m., which stage was slow or
   * failed; its cost is per sampled request.
   */
  readonly tracing?: boolean;
  /** When set, this account's CloudWatch alarm state changes go to ingest for this tenant through EventBridge. Default: none. */
  readonly alarmTenant?: string;
  /** Subscribed by email to the operator topic every alarm goes to (ignored with `alarmTopic`, whose owner subscribes). Default: none. */
  readonly operatorEmail?: string;
  /**
   * Catalog actions the Remediate Lambda may run for real. Each brings only its own IAM;
   * none by default, so a fresh deployment can dry-run Kubernetes, Argo CD and flag actions
   * but change nothing in AWS.
   */
  readonly remediationActions?: readonly string[];
  /** revert_config reaches parameters under this path only. Default `/`. */
  readonly remediationParameterPath?: string;
  /** SSM Automation documents runbook may start; required when runbook is enabled. Default: none. */
  readonly runbookDocuments?: readonly string[];
  /**
   * Ship source maps with every function for TypeScript stack traces. Default false, for
   * faster cold starts. Only from a checkout of the repository, which bundles at synth: the
   * package's prebuilt bundles carry no maps.
   */
  readonly sourceMaps?: boolean;
}

const DEFAULT_MEMORY_MB = 512;
const DEFAULT_SCORE_MEMORY_MB = 1024;

/** The subnets and security groups the VPC providers run in, and which providers those are. */
export function providerNetwork(props: CausewayNetworkProps, madeSecurityGroup: ec2.ISecurityGroup | undefined): FunctionNetwork & { providers: ReadonlySet<ProviderType> } {
  const unknown = (props.providers ?? []).filter((type) => !(PROVIDER_TYPES as readonly string[]).includes(type));
  if (unknown.length > 0) throw new Error(`network.providers: unknown provider ${unknown.join(', ')}; the providers are ${PROVIDER_TYPES.join(', ')}`);
  const securityGroups = props.securityGroups?.length ? props.securityGroups : madeSecurityGroup ? [madeSecurityGroup] : [];
  return {
    vpc: props.vpc,
    subnets: props.subnets ?? { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    securityGroups,
    providers: new Set(props.providers ?? SELF_HOSTED_PROVIDERS),
  };
}

/** The memory sizes, each checked against what Lambda accepts. */
export function memorySettings(props: CausewayMemoryProps = {}): { default: number; score: number } {
  const settings = { default: props.default ?? DEFAULT_MEMORY_MB, score: props.score ?? DEFAULT_SCORE_MEMORY_MB };
  for (const [name, mb] of Object.entries(settings)) {
    if (!Number.isInteger(mb) || mb < 128 || mb > 10_240) throw new Error(`memory.${name}: ${mb} MB; Lambda takes a whole number of MB from 128 to 10240`);
  }
  return settings;
}

/** A function timeout, refused unless it ends before the ASL state waiting on it gives up. */
export function belowState(timeout: Duration, stateName: string, prop: string): Duration {
  const limit = stateTimeoutSeconds(stateName);
  const seconds = timeout.toSeconds();
  if (seconds < 1 || seconds >= limit) throw new Error(`${prop}: ${seconds} s; it must be at least 1 s and below the ${stateName} state's TimeoutSeconds (${limit} s), so the function fails with its own error before the state machine gives up on it`);
  return timeout;
}

/** The deployment's default reference, checked by the same schema LoadTenant applies to a tenant's own. */
export function referenceSetting(offsets: readonly string[]): ReferenceSetting {
  const parsed = ReferenceSetting.safeParse({ offsets });
  if (!parsed.success) throw new Error(`referenceOffsets: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'offsets'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
