import type { Platform } from '../../policy/catalog.js';
import type { RemediationKind } from '../../contracts/index.js';
import { disableFlagWebhook } from './disable-flag-webhook.js';
import { restartEcs } from './restart-ecs.js';
import { restartKubernetes } from './restart-kubernetes.js';
import { revertConfigAppConfig } from './revert-config-appconfig.js';
import { revertConfigSsm } from './revert-config-ssm.js';
import { rollbackArgoCd } from './rollback-argocd.js';
import { rollbackEcs } from './rollback-ecs.js';
import { rollbackKubernetes } from './rollback-kubernetes.js';
import { rollbackLambda } from './rollback-lambda.js';
import { runbookSsm } from './runbook-ssm.js';
import { scaleOutEcs } from './scale-out-ecs.js';
import { scaleOutKubernetes } from './scale-out-kubernetes.js';
import type { Executor } from './types.js';

/** Every executor, by action and platform: an explicit list, so what Causeway can do is read in one place. */
const EXECUTORS: Partial<Record<`${RemediationKind}:${Platform}`, Executor>> = {
  'rollback:ecs': rollbackEcs,
  'rollback:lambda': rollbackLambda,
  'rollback:kubernetes': rollbackKubernetes,
  'rollback:argocd': rollbackArgoCd,
  'restart:ecs': restartEcs,
  'restart:kubernetes': restartKubernetes,
  'scale_out:ecs': scaleOutEcs,
  'scale_out:kubernetes': scaleOutKubernetes,
  'disable_flag:flags': disableFlagWebhook,
  'revert_config:ssm': revertConfigSsm,
  'revert_config:appconfig': revertConfigAppConfig,
  'runbook:ssm-automation': runbookSsm,
};

/** The executor for an action's kind on its target's platform; undefined when none exists (an uncatalogued target). */
export function executorFor(kind: RemediationKind, platform: string | undefined): Executor | undefined {
  return platform ? EXECUTORS[`${kind}:${platform}` as keyof typeof EXECUTORS] : undefined;
}
