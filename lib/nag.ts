import { Validations } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type { IConstruct } from 'constructs';

/*
 * Acknowledgments of cdk-nag findings, written as validation metadata on the construct that
 * has them. They need no cdk-nag at run time: an app that runs cdk-nag reads them, others
 * carry them inertly, so the construct does not make cdk-nag its users' dependency.
 */

/**
 * A resource ARN as cdk-nag writes it in a finding id: the stack's partition, region and
 * account appear as `<AWS::Partition>`, `<AWS::Region>` and `<AWS::AccountId>`; an empty
 * or literal region or account is kept as given.
 */
export function nagArn(parts: { service: string; resource: string; resourceName: string; separator: ':' | '/'; region?: string; account?: string }): string {
  const region = parts.region ?? '<AWS::Region>';
  const account = parts.account ?? '<AWS::AccountId>';
  return `arn:<AWS::Partition>:${parts.service}:${region}:${account}:${parts.resource}${parts.separator}${parts.resourceName}`;
}

/**
 * Acknowledges exactly one wildcard resource (AwsSolutions-IAM5) on one role, with the
 * reason it cannot be narrowed. Every other finding on the role still stops the synth.
 */
export function acknowledgeWildcard(role: iam.IRole | undefined, resource: string, reason: string): void {
  if (!role) throw new Error(`no role to acknowledge the wildcard ${resource} on`);
  Validations.of(role).acknowledge({ id: `AwsSolutions-IAM5[Resource::${resource}]`, reason });
}

/** Acknowledges one whole-resource finding (e.g. `AwsSolutions-APIG4`) on one construct, with its reason. */
export function acknowledgeFinding(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}
