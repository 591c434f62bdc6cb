import { PROVIDER_TYPES } from '../lib/providers.js';

/**
 * The deployed Lambdas by name, each mapped to the very module CDK bundles. The local
 * runtime imports them lazily, after it has set the environment they read at load.
 */
export const STAGE_FUNCTIONS = {
  LoadTenantFunctionArn: { name: 'load-tenant', module: '../functions/load-tenant/handler.js' },
  ScoreFunctionArn: { name: 'score', module: '../functions/score/handler.js' },
  ReasonFunctionArn: { name: 'reason', module: '../functions/reason/handler.js' },
  RecordFunctionArn: { name: 'record', module: '../functions/record/handler.js' },
  PolicyFunctionArn: { name: 'policy', module: '../functions/policy/handler.js' },
  RequestApprovalFunctionArn: { name: 'request-approval', module: '../functions/request-approval/handler.js' },
  RemediateFunctionArn: { name: 'remediate', module: '../functions/remediate/handler.js' },
  VerifyOutcomeFunctionArn: { name: 'verify-outcome', module: '../functions/verify-outcome/handler.js' },
  FinishFunctionArn: { name: 'finish', module: '../functions/finish/handler.js' },
} as const;

/** Provider Lambdas by backend type: the list CDK deploys, each at its conventional path. */
export const PROVIDER_FUNCTIONS: Record<string, string> = Object.fromEntries(PROVIDER_TYPES.map((type) => [type, `../functions/providers/${type}/handler.js`]));

export const LOCAL_ACCOUNT = '000000000000';
export const LOCAL_REGION = 'us-east-1';

export function localFunctionArn(name: string): string {
  return `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:causeway-${name}`;
}

export type LambdaHandler = (event: unknown, context: unknown) => Promise<unknown>;

const loaded = new Map<string, Promise<LambdaHandler>>();

/** Loads a handler module once; the same module object serves every invocation, as a warm Lambda would. */
export function loadHandler(modulePath: string): Promise<LambdaHandler> {
  let handler = loaded.get(modulePath);
  if (!handler) {
    handler = import(modulePath.startsWith('file:') ? modulePath : new URL(modulePath, import.meta.url).href).then((m: { handler: LambdaHandler }) => m.handler);
    loaded.set(modulePath, handler);
  }
  return handler;
}

/** Every function the local runtime can invoke, by ARN; `providers` are the provider modules by backend type. */
export function localFunctionTable(providers: Record<string, string>): Map<string, string> {
  const table = new Map<string, string>();
  for (const { name, module } of Object.values(STAGE_FUNCTIONS)) table.set(localFunctionArn(name), module);
  for (const [type, module] of Object.entries(providers)) table.set(localFunctionArn(`provider-${type}`), module);
  return table;
}

export function localProviderArns(providers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(providers).map((type) => [type, localFunctionArn(`provider-${type}`)]));
}
