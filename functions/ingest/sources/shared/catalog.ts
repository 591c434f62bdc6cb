import type { CatalogEntry } from '../../../contracts/tenant.js';

/** What a payload says about where the alert comes from, in the terms the catalog uses. */
export interface ServiceHints {
  name?: string;
  lambdaFunction?: string;
  ecs?: { cluster?: string; service: string };
  kubernetes?: { namespace?: string; deployment: string };
  pagerdutyServiceId?: string;
}

function matchEntry(entry: CatalogEntry, hints: ServiceHints): boolean {
  const { pagerdutyServiceId, lambdaFunction, ecs, kubernetes } = hints;
  const byPagerDuty = pagerdutyServiceId !== undefined && entry.pagerdutyServiceId === pagerdutyServiceId;
  const byLambda = lambdaFunction !== undefined && entry.lambda?.functionName === lambdaFunction;
  const byEcs =
    ecs !== undefined && entry.ecs?.service === ecs.service && (ecs.cluster === undefined || entry.ecs.cluster === ecs.cluster);
  const byKubernetes =
    kubernetes !== undefined &&
    entry.kubernetes?.deployment === kubernetes.deployment &&
    (kubernetes.namespace === undefined || entry.kubernetes.namespace === kubernetes.namespace);
  return byPagerDuty || byLambda || byEcs || byKubernetes;
}

/**
 * The service as the tenant names it: a catalog entry keyed by the name, else the entry whose
 * Lambda, ECS service, Kubernetes deployment or PagerDuty service matches, else undefined.
 * The catalog wins over a guessed name because it is what the tenant told us.
 */
export function catalogService(catalog: Record<string, CatalogEntry>, hints: ServiceHints): string | undefined {
  if (hints.name && Object.hasOwn(catalog, hints.name)) return hints.name;
  for (const [service, entry] of Object.entries(catalog)) if (matchEntry(entry, hints)) return service;
  return undefined;
}

/** Catalog match first, then the sender's own name for it. */
export function resolveService(catalog: Record<string, CatalogEntry>, hints: ServiceHints): string | undefined {
  return catalogService(catalog, hints) ?? hints.name;
}
