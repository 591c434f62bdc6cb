import type { CatalogEntry, EvidenceItem, EvidencePlan, ProviderQuery } from '../../contracts/index.js';
import { ConfigurationError } from '../../shared/errors.js';
import { BackendQueryError } from '../../shared/http-client.js';
import { fitToBudget } from '../shared/budget.js';
import { mapBounded } from '../grafana-common.js';
import { selectChanges } from '../changelog/normalize.js';
import type { EvidenceProvider, ProviderDeps, ProviderFindings } from '../types.js';
import { getApplication } from './client.js';
import { syncChanges } from './normalize.js';
import { ArgocdOptions, ArgocdSecret, argocdOptions } from './options.js';

/*
 * Argo CD sync history for each planned service with a catalog `argoCdApp`: one
 * `GET /api/v1/applications/{name}` per app; its history, current sync and health and
 * any running or failed operation become deployments.
 */

export type LoadCatalog = (tenantId: string) => Promise<Record<string, CatalogEntry>>;

const hhmm = (iso: string) => iso.slice(11, 16);
const HOUR = 3600_000;

const baseOf = (plan: EvidencePlan) => {
  if (!plan.backend.endpoint) throw new ConfigurationError(`backend ${plan.backend.id}: endpoint must be the Argo CD server URL`);
  return plan.backend.endpoint.replace(/\/+$/, '');
};

function appsOf(plan: EvidencePlan, catalog: Record<string, CatalogEntry>, max: number) {
  const planned = plan.services.length > 0 ? plan.services : Object.keys(catalog);
  const apps = planned.flatMap((service) => {
    const app = Object.hasOwn(catalog, service) ? catalog[service]?.argoCdApp : undefined;
    return app ? [{ service, app }] : [];
  });
  const unmapped = planned.filter((s) => !apps.some((a) => a.service === s));
  return { apps: apps.slice(0, max), omitted: apps.slice(max).map((a) => a.service), unmapped };
}

/** The Argo CD change provider; `loadCatalog` reads the tenant's service catalog (the handler binds it to the table). */
export function makeArgocdProvider(loadCatalog: LoadCatalog): EvidenceProvider {
  function describe(plan: EvidencePlan): ProviderQuery {
    const parsed = ArgocdOptions.safeParse(plan.backend.options);
    const o = parsed.success ? parsed.data : ArgocdOptions.parse({});
    const who = plan.services.length > 0 ? `${plan.services.slice(0, 8).join(', ')}${plan.services.length > 8 ? ', …' : ''}` : 'every catalogued service';
    return {
      text: `Argo CD sync history of the catalog apps of ${who} over ${hhmm(plan.window.from)}–${hhmm(plan.window.to)}Z (and the revision running from ${o.releaseLookbackHours}h before)`,
      target: plan.backend.endpoint ?? '(no endpoint configured)',
      window: plan.window,
    };
  }

  async function query(plan: EvidencePlan, deps: ProviderDeps): Promise<ProviderFindings> {
    const o = argocdOptions(plan);
    const base = baseOf(plan);
    if (!plan.backend.secretRef) throw new ConfigurationError(`backend ${plan.backend.id}: secretRef must name a secret holding { "token": "…" }`);
    const secret = ArgocdSecret.safeParse(await deps.readSecret(plan.backend.secretRef));
    if (!secret.success) throw new ConfigurationError(`backend ${plan.backend.id}: secret ${plan.backend.secretRef} must be JSON { "token": "…" }`);
    const headers = { authorization: `Bearer ${secret.data.token}` };
    const { apps, omitted, unmapped } = appsOf(plan, await loadCatalog(plan.tenantId), o.maxServices);
    const fromMs = Date.parse(plan.window.from) - o.releaseLookbackHours * HOUR;
    const toMs = Date.parse(plan.window.to);
    const ui = (o.uiUrl ?? base).replace(/\/+$/, '');
    const notFound: string[] = [];
    const reads = await mapBounded(apps, 4, async ({ service, app }) => {
      const url = `${base}/api/v1/applications/${encodeURIComponent(app)}${o.appNamespace ? `?appNamespace=${encodeURIComponent(o.appNamespace)}` : ''}`;
      try {
        const application = await getApplication(url, headers, deps.signal);
        return syncChanges(service, application, fromMs, toMs, `${ui}/applications/${o.appNamespace ? `${encodeURIComponent(o.appNamespace)}/` : ''}${encodeURIComponent(app)}`);
      } catch (error) {
        // One missing app is a catalog mistake, not a reason to lose the others.
        if (error instanceof BackendQueryError && / answered 404/.test(error.message) && apps.length > 1) return notFound.push(`${app} (${service})`), { synced: [] };
        throw error;
      }
    });
    // A sync still running or failed did not replace the running revision, so it joins after the selection.
    const selected = [...selectChanges(reads.flatMap((r) => r.synced), Date.parse(plan.window.from), toMs, new Set(apps.map((a) => a.service))), ...reads.flatMap((r) => (r.unfinished ? [r.unfinished] : []))];
    const ranked = selected.map((item) => ({ item: item as EvidenceItem, priority: -Math.abs(Date.parse(item.at) - Date.parse(plan.alertAt)) }));
    const fitted = fitToBudget(ranked, plan.limits.maxBytes, 'changes', 'the closest to the alert', plan.limits.maxItems);
    const notes = [
      ...(unmapped.length > 0 ? [`no catalog argoCdApp for ${unmapped.slice(0, 10).join(', ')}${unmapped.length > 10 ? ', …' : ''}: not searched`] : []),
      ...(omitted.length > 0 ? [`read the first ${o.maxServices} apps; not read: ${omitted.join(', ')}`] : []),
      ...(notFound.length > 0 ? [`Argo CD has no application ${notFound.join(', ')}: check the catalog`] : []),
      ...fitted.notes,
    ];
    return { query: describe(plan), items: fitted.items, notes: notes.map((n) => n.slice(0, 500)) };
  }

  return { type: 'argocd', classes: ['changes'], describe, query };
}
