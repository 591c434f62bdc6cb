import type { DeploymentInfo, RevisionLocation } from '@aws-sdk/client-codedeploy';
import type { ChangeEvent } from '../../contracts/index.js';
import { consoleOrigin } from '../../shared/aws-console.js';
import { clip } from '../../shared/point-events.js';

/*
 * A CodeDeploy DeploymentInfo → a deployment change: the revision it shipped (commit, S3
 * object version or eTag, AppSpec digest), the one before, its status and rollback.
 */

/** A revision as a version string: the Git commit, the S3 object version or eTag, or the AppSpec digest. */
export function revisionVersion(r: RevisionLocation | undefined): string | undefined {
  if (!r) return undefined;
  if (r.gitHubLocation?.commitId) return r.gitHubLocation.commitId.slice(0, 12);
  if (r.s3Location) return (r.s3Location.version ?? r.s3Location.eTag ?? r.s3Location.key)?.slice(0, 200);
  const digest = r.appSpecContent?.sha256 ?? r.string?.sha256;
  return digest ? `sha256:${digest.slice(0, 12)}` : undefined;
}

function where(r: RevisionLocation | undefined): string | undefined {
  if (r?.gitHubLocation) return `${r.gitHubLocation.repository ?? '?'}@${r.gitHubLocation.commitId?.slice(0, 12) ?? '?'}`;
  if (r?.s3Location) return `s3://${r.s3Location.bucket ?? '?'}/${r.s3Location.key ?? '?'}`;
  return r?.revisionType;
}

export function deploymentLink(region: string, id: string): string {
  return `${consoleOrigin(region)}/codesuite/codedeploy/deployments/${encodeURIComponent(id)}?region=${region}`;
}

export function toChange(service: string, d: DeploymentInfo, region: string): ChangeEvent | undefined {
  const at = d.createTime;
  if (!at || !d.deploymentId) return undefined;
  const o = d.deploymentOverview;
  const targets = o ? `${o.Succeeded ?? 0} of ${(o.Pending ?? 0) + (o.InProgress ?? 0) + (o.Succeeded ?? 0) + (o.Failed ?? 0) + (o.Skipped ?? 0) + (o.Ready ?? 0)} targets succeeded` : undefined;
  const rollback = d.rollbackInfo;
  const parts = [
    `CodeDeploy deployment ${d.deploymentId} of ${d.applicationName ?? '?'}/${d.deploymentGroupName ?? '?'} (${[d.computePlatform, d.deploymentConfigName].filter(Boolean).join(', ')}): ${d.status ?? 'unknown status'}`,
    where(d.revision) && `revision ${where(d.revision)}`,
    d.errorInformation && `error ${d.errorInformation.code ?? ''}: ${d.errorInformation.message ?? ''}`.trim(),
    targets,
    d.completeTime && `completed ${d.completeTime.toISOString()}`,
    rollback?.rollbackTriggeringDeploymentId && `rollback of ${rollback.rollbackTriggeringDeploymentId}`,
    rollback?.rollbackDeploymentId && `rolled back by ${rollback.rollbackDeploymentId}`,
    rollback?.rollbackMessage,
    d.description && `"${d.description}"`,
  ].filter(Boolean);
  const version = revisionVersion(d.revision);
  const previousVersion = revisionVersion(d.previousRevision);
  const commit = d.revision?.gitHubLocation?.commitId;
  return {
    class: 'changes',
    at: at.toISOString(),
    service,
    kind: 'deployment',
    summary: clip(parts.join('; '), 1000),
    ...(version ? { version } : {}),
    ...(previousVersion ? { previousVersion } : {}),
    ...(d.creator ? { author: `codedeploy:${d.creator}` } : {}),
    ...(commit ? { commit: commit.slice(0, 100) } : {}),
    source: 'codedeploy',
    link: deploymentLink(region, d.deploymentId),
  };
}
