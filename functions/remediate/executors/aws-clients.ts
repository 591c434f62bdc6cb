import { onFirstCall } from '../../shared/lazy.js';
import { traced } from '../../shared/tracing.js';

/*
 * The Remediate Lambda's SDK clients, each with its commands. A package is loaded and its
 * client made on the first action that needs it: an approved action uses one service, so a
 * container never loads the other three. Clients run as the Lambda's own role, which the CDK
 * grants only the enabled actions. Each client's calls appear in the invocation's X-Ray trace, as
 * every other function's do, so an approved action's AWS calls are visible beside its audit entries.
 */

export const loadEcs = onFirstCall(async () => {
  const sdk = await import('@aws-sdk/client-ecs');
  return { ...sdk, client: traced(new sdk.ECSClient({})) };
});

export const loadLambda = onFirstCall(async () => {
  const sdk = await import('@aws-sdk/client-lambda');
  return { ...sdk, client: traced(new sdk.LambdaClient({})) };
});

export const loadSsm = onFirstCall(async () => {
  const sdk = await import('@aws-sdk/client-ssm');
  return { ...sdk, client: traced(new sdk.SSMClient({})) };
});

export const loadAppConfig = onFirstCall(async () => {
  const sdk = await import('@aws-sdk/client-appconfig');
  return { ...sdk, client: traced(new sdk.AppConfigClient({})) };
});
