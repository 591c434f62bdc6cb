import { z } from 'zod';
import { ConfigurationError } from '../../shared/errors.js';
import { BackendResponseError } from '../../shared/http-client.js';
import { bearerTarget, callTarget, type HttpTarget } from './http-target.js';
import { ExecutorRefusedError, targetField, type Executor, type ExecutorContext } from './types.js';

const Application = z.looseObject({
  spec: z.looseObject({ syncPolicy: z.looseObject({ automated: z.unknown().optional() }).optional() }),
  status: z
    .looseObject({
      sync: z.looseObject({ revision: z.string().optional() }).optional(),
      history: z.array(z.looseObject({ id: z.number().int(), revision: z.string().optional(), deployedAt: z.string().optional() })).optional(),
    })
    .optional(),
});

async function target(app: string, ctx: ExecutorContext): Promise<{ api: HttpTarget; path: string }> {
  const config = ctx.targets.argoCd;
  if (!config) throw new ConfigurationError('the tenant has no remediation.argoCd target');
  return { api: await bearerTarget(ctx, config.baseUrl, config.tokenSecretRef), path: `api/v1/applications/${encodeURIComponent(app)}` };
}

async function getApplication(api: HttpTarget, path: string, ctx: ExecutorContext): Promise<z.infer<typeof Application>> {
  const parsed = Application.safeParse(await callTarget(api, ctx, { method: 'GET', path }));
  if (!parsed.success) throw new BackendResponseError(`Argo CD ${path}: unexpected response`);
  return parsed.data;
}

const short = (revision: string | undefined) => (revision && /^[0-9a-f]{40}$/.test(revision) ? revision.slice(0, 7) : (revision ?? '?'));

/**
 * rollback through Argo CD: the application back to the newest synced revision in its
 * history that differs from the current one (`POST …/rollback` with that history id).
 * Argo CD refuses a rollback while automated sync is on, and so does the plan.
 */
export const rollbackArgoCd: Executor = {
  async plan(action, ctx) {
    const app = targetField(action, 'app');
    const { api, path } = await target(app, ctx);
    const application = await getApplication(api, path, ctx);
    if (application.spec.syncPolicy?.automated) throw new ExecutorRefusedError(`Argo CD application ${app} has automated sync on: Argo CD refuses a rollback until it is turned off`);
    const history = [...(application.status?.history ?? [])].sort((a, b) => b.id - a.id);
    const current = application.status?.sync?.revision ?? history[0]?.revision;
    const previous = history.find((h) => h.revision !== current);
    if (!previous) throw new ExecutorRefusedError(`Argo CD application ${app}: no earlier synced revision in its history`);
    return {
      executor: 'rollback-argocd',
      changes: [`Argo CD application ${app}: revision ${short(current)} → ${short(previous.revision)} (history id ${previous.id}${previous.deployedAt ? `, deployed ${previous.deployedAt}` : ''}), no prune`],
      undo: `sync Argo CD application ${app} to ${current ?? 'its latest revision'} again (and re-enable automated sync if it was on)`,
      desired: { app, historyId: previous.id, revision: previous.revision ?? '' },
    };
  },
  async apply(action, plan, ctx) {
    const app = targetField(action, 'app');
    const { api, path } = await target(app, ctx);
    const application = await getApplication(api, path, ctx);
    if (plan.desired.revision && application.status?.sync?.revision === plan.desired.revision) return;
    await callTarget(api, ctx, { method: 'POST', path: `${path}/rollback`, body: { name: app, id: plan.desired.historyId, prune: false, dryRun: false } });
  },
};
