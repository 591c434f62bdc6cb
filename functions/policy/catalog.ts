import type { ActionKind, CatalogEntry, ProposedAction, Risk } from '../contracts/index.js';

/** What each catalogued action is, what it answers, how far it reaches and how it is undone. */
export interface CatalogAction {
  kind: Exclude<ActionKind, 'none'>;
  description: string;
  answers: string;
  risk: Risk;
  reversible: boolean;
  blastRadius: string;
  undo: string;
}

export const ACTION_CATALOG: Record<Exclude<ActionKind, 'none'>, CatalogAction> = {
  rollback: {
    kind: 'rollback',
    description: 'Return the service to its previous version',
    answers: 'a deployment that introduced the fault',
    risk: 'medium',
    reversible: true,
    blastRadius: 'one service: its running version changes',
    undo: 'roll forward again to the version that was rolled back',
  },
  restart: {
    kind: 'restart',
    description: 'Replace the service’s running instances one by one',
    answers: 'exhaustion or a stuck process with no change behind it',
    risk: 'low',
    reversible: true,
    blastRadius: 'one service: instances are replaced gradually, capacity dips briefly',
    undo: 'nothing to undo: the same version and configuration keep running',
  },
  scale_out: {
    kind: 'scale_out',
    description: 'Add capacity to the service within the policy’s ceilings',
    answers: 'demand beyond capacity',
    risk: 'low',
    reversible: true,
    blastRadius: 'one service: more instances, more cost',
    undo: 'scale back to the previous count',
  },
  revert_config: {
    kind: 'revert_config',
    description: 'Put the previous configuration value back',
    answers: 'a configuration change that introduced the fault',
    risk: 'medium',
    reversible: true,
    blastRadius: 'one service’s configuration',
    undo: 're-apply the reverted value',
  },
  disable_flag: {
    kind: 'disable_flag',
    description: 'Turn the feature flag off',
    answers: 'a flag turned on shortly before the fault',
    risk: 'low',
    reversible: true,
    blastRadius: 'the users behind the flag',
    undo: 'turn the flag back on',
  },
};

/** Where the action would land, from the tenant's service catalog; empty when the service is not catalogued. */
export function actionTarget(entry: CatalogEntry | undefined): Record<string, string> {
  if (!entry) return {};
  const target: Record<string, string> = {};
  if (entry.ecs) Object.assign(target, { platform: 'ecs', cluster: entry.ecs.cluster, ecsService: entry.ecs.service });
  else if (entry.kubernetes) Object.assign(target, { platform: 'kubernetes', namespace: entry.kubernetes.namespace, deployment: entry.kubernetes.deployment });
  else if (entry.lambda) Object.assign(target, { platform: 'lambda', functionName: entry.lambda.functionName, ...(entry.lambda.alias ? { alias: entry.lambda.alias } : {}) });
  if (entry.argoCdApp) target.argoCdApp = entry.argoCdApp;
  return target;
}

/** The dry-run: the exact changes the action would make, one line each. */
export function describePlan(action: Pick<ProposedAction, 'kind' | 'service' | 'target' | 'params'>): string[] {
  const where = Object.keys(action.target).length > 0 ? Object.entries(action.target).map(([k, v]) => `${k}=${v}`).join(' ') : `service ${action.service}`;
  const p = action.params;
  switch (action.kind) {
    case 'rollback':
      return [`${where}: version ${p.fromVersion ?? '(current)'} → ${p.toVersion ?? '(previous)'}`];
    case 'restart':
      return [`${where}: rolling restart of every instance, same version and configuration`];
    case 'scale_out':
      return [`${where}: desired count ${p.fromCount ?? '(current)'} → ${p.toCount ?? '(current × scale factor)'}`];
    case 'revert_config':
      return [`${where}: configuration ${p.key ?? '(changed value)'} back to its previous value`];
    case 'disable_flag':
      return [`${where}: flag ${p.flag ?? '(the flag changed before onset)'} → off`];
  }
}
