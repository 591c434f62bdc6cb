import { z } from 'zod';
import { ConfigurationError } from '../../shared/errors.js';
import { BackendResponseError } from '../../shared/http-client.js';
import { apiKeyTarget, callTarget } from './http-target.js';
import { ExecutorRefusedError, targetField, type Executor, type ExecutorContext } from './types.js';

const Flag = z.looseObject({ environments: z.record(z.string(), z.looseObject({ on: z.boolean() })) });

async function flagTarget(action: Parameters<Executor['plan']>[0], ctx: ExecutorContext) {
  const config = ctx.targets.flags;
  if (!config) throw new ConfigurationError('the tenant has no remediation.flags target');
  const flag = action.params.flag;
  if (typeof flag !== 'string' || flag.length === 0) throw new ExecutorRefusedError('the action names no flag');
  const project = targetField(action, 'project');
  const environment = targetField(action, 'environment');
  return { api: await apiKeyTarget(ctx, config.baseUrl, config.apiKeySecretRef), flag, environment, path: `api/v2/flags/${encodeURIComponent(project)}/${encodeURIComponent(flag)}` };
}

/**
 * disable_flag through a LaunchDarkly-compatible API: reads the flag in the environment,
 * then turns it off with a semantic patch (`turnFlagOff`), which is idempotent by nature.
 */
export const disableFlagWebhook: Executor = {
  async plan(action, ctx) {
    const { api, flag, environment, path } = await flagTarget(action, ctx);
    const parsed = Flag.safeParse(await callTarget(api, ctx, { method: 'GET', path: `${path}?env=${encodeURIComponent(environment)}` }));
    if (!parsed.success) throw new BackendResponseError(`flag ${flag}: unexpected response from the flag API`);
    const state = parsed.data.environments[environment];
    if (!state) throw new ExecutorRefusedError(`flag ${flag} has no environment ${environment}`);
    return {
      executor: 'disable-flag-webhook',
      changes: [`flag ${flag} in ${environment}: ${state.on ? 'on → off' : 'already off, nothing changes'}`],
      undo: `turn flag ${flag} back on in ${environment}`,
      desired: { flag, environment, on: false },
      noop: !state.on,
    };
  },
  async apply(action, _plan, ctx) {
    const { api, environment, path } = await flagTarget(action, ctx);
    await callTarget(api, ctx, {
      method: 'PATCH',
      path,
      contentType: 'application/json; domain-model=launchdarkly.semanticpatch',
      body: { environmentKey: environment, comment: `causeway ${action.actionId}`, instructions: [{ kind: 'turnFlagOff' }] },
    });
  },
};
