import type { CatalogEntry, ChangeEvent, ProposedAction, RemediationKind, RemediationTargets, Risk, RootCauseKind } from '../contracts/index.js';

/** Where an executor lands; each pairs with one action kind in `functions/remediate/executors/`. */
export type Platform = 'ecs' | 'lambda' | 'kubernetes' | 'argocd' | 'flags' | 'ssm' | 'appconfig' | 'ssm-automation';

/** What each catalogued action is, what it answers, how far it reaches, how it is undone and when to check it worked. */
export interface CatalogAction {
  kind: RemediationKind;
  description: string;
  /** The evidence that calls for it, in words, and as the root-cause kinds it answers. */
  answers: string;
  answersRootCause: RootCauseKind[];
  risk: Risk;
  reversible: boolean;
  blastRadius: string;
  undo: string;
  /** Where it can run, in the order a target is chosen from the service's catalog entry. */
  platforms: Platform[];
  /** How long after the action the signal is re-checked: long enough for the fix to show. */
  verifyAfterSeconds: number;
}

export const ACTION_CATALOG: Record<RemediationKind, CatalogAction> = {
  rollback: {
    kind: 'rollback',
    description: 'Return the service to its previous version',
    answers: 'a deployment that introduced the fault',
    answersRootCause: ['deployment', 'code_defect'],
    risk: 'medium',
    reversible: true,
    blastRadius: 'one service: its running version changes',
    undo: 'roll forward again to the version that was rolled back',
    platforms: ['argocd', 'kubernetes', 'ecs', 'lambda'],
    verifyAfterSeconds: 300,
  },
  restart: {
    kind: 'restart',
    description: 'Replace the service’s running instances one by one',
    answers: 'exhaustion or a stuck process with no change behind it',
    answersRootCause: ['resource_exhaustion'],
    risk: 'low',
    reversible: true,
    blastRadius: 'one service: instances are replaced gradually, capacity dips briefly',
    undo: 'nothing to undo: the same version and configuration keep running',
    platforms: ['kubernetes', 'ecs'],
    verifyAfterSeconds: 180,
  },
  scale_out: {
    kind: 'scale_out',
    description: 'Add capacity to the service within the policy’s ceilings',
    answers: 'demand beyond capacity',
    answersRootCause: ['traffic_surge', 'resource_exhaustion'],
    risk: 'low',
    reversible: true,
    blastRadius: 'one service: more instances, more cost',
    undo: 'scale back to the previous count',
    platforms: ['kubernetes', 'ecs'],
    verifyAfterSeconds: 240,
  },
  revert_config: {
    kind: 'revert_config',
    description: 'Put the previous configuration value back',
    answers: 'a configuration change that introduced the fault',
    answersRootCause: ['config_change'],
    risk: 'medium',
    reversible: true,
    blastRadius: 'one service’s configuration',
    undo: 're-apply the reverted value',
    platforms: ['appconfig', 'ssm'],
    verifyAfterSeconds: 180,
  },
  disable_flag: {
    kind: 'disable_flag',
    description: 'Turn the feature flag off',
    answers: 'a flag turned on shortly before the fault',
    answersRootCause: ['feature_flag'],
    risk: 'low',
    reversible: true,
    blastRadius: 'the users behind the flag',
    undo: 'turn the flag back on',
    platforms: ['flags'],
    verifyAfterSeconds: 120,
  },
  runbook: {
    kind: 'runbook',
    description: 'Start an SSM Automation document the tenant allowlisted',
    answers: 'whatever the tenant mapped the recommendation to',
    answersRootCause: [],
    risk: 'high',
    reversible: false,
    blastRadius: 'whatever the document does: read it before approving',
    undo: 'per the document; Causeway cannot undo a runbook',
    platforms: ['ssm-automation'],
    verifyAfterSeconds: 600,
  },
};

/** The flag key a flag change names first (`identity.sign-es256: enabled for 100%`). */
export function flagKeyOf(change: ChangeEvent | undefined): string | undefined {
  return change?.kind === 'feature_flag' ? /^([A-Za-z0-9._-]{1,200}):/.exec(change.summary)?.[1] : undefined;
}

function platformTarget(platform: Platform, entry: CatalogEntry, targets: RemediationTargets): Record<string, string> | undefined {
  switch (platform) {
    case 'argocd':
      return entry.argoCdApp && targets.argoCd ? { app: entry.argoCdApp } : undefined;
    case 'kubernetes':
      return entry.kubernetes && targets.kubernetes ? { namespace: entry.kubernetes.namespace, deployment: entry.kubernetes.deployment } : undefined;
    case 'ecs':
      return entry.ecs ? { cluster: entry.ecs.cluster, ecsService: entry.ecs.service } : undefined;
    case 'lambda':
      return entry.lambda?.alias ? { functionName: entry.lambda.functionName, alias: entry.lambda.alias } : undefined;
    case 'appconfig':
      return entry.appConfig ? { ...entry.appConfig } : undefined;
    case 'ssm':
      return entry.ssmParameter ? { parameter: entry.ssmParameter } : undefined;
    case 'flags':
      return targets.flags ? { project: targets.flags.projectKey, environment: targets.flags.environmentKey } : undefined;
    case 'ssm-automation':
      return undefined;
  }
}

/**
 * Where the action would land: the first platform, in the catalog's order, that the
 * service's catalog entry and the tenant's configured targets both name. Empty when the
 * service is not catalogued for this action: the plan can then only be described.
 */
export function actionTarget(kind: RemediationKind, entry: CatalogEntry | undefined, targets: RemediationTargets): Record<string, string> {
  if (!entry) return {};
  for (const platform of ACTION_CATALOG[kind].platforms) {
    const target = platformTarget(platform, entry, targets);
    if (target) return { platform, ...target };
  }
  return {};
}

/** The plan as the policy can state it before any state is read; Remediate's dry-run replaces it with the exact change. */
export function describePlan(action: Pick<ProposedAction, 'kind' | 'service' | 'target' | 'params'>): string[] {
  const where = Object.keys(action.target).length > 0 ? Object.entries(action.target).map(([k, v]) => `${k}=${v}`).join(' ') : `service ${action.service}`;
  const p = action.params;
  switch (action.kind) {
    case 'rollback':
      return [`${where}: version ${p.fromVersion ?? '(current)'} → ${p.toVersion ?? '(previous)'}`];
    case 'restart':
      return [`${where}: rolling restart of every instance, same version and configuration`];
    case 'scale_out':
      return [`${where}: desired count ${p.fromCount ?? '(current)'} → ${p.toCount ?? `(current × ${p.scaleFactor ?? 'scale factor'}, at most ${p.maxReplicas ?? 'the ceiling'})`}`];
    case 'revert_config':
      return [`${where}: configuration ${p.key ?? '(changed value)'} back to its previous value`];
    case 'disable_flag':
      return [`${where}: flag ${p.flag ?? '(the flag changed before onset)'} → off`];
    case 'runbook':
      return [`start SSM Automation ${p.document} for ${action.service}${p.answers ? ` (in place of ${p.answers})` : ''}`];
  }
}
