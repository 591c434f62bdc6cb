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
  if (hints.pagerdutyServiceId && entry.pagerdutyServiceId === hints.pagerdutyServiceId) return true;
  if (hints.lambdaFunction && entry.lambda?.functionName === hints.lambdaFunction) return true;
  if (hints.ecs && entry.ecs?.service === hints.ecs.service) {
    return !hints.ecs.cluster || entry.ecs.cluster === hints.ecs.cluster;
  }
  if (hints.kubernetes && entry.kubernetes?.deployment === hints.kubernetes.deployment) {
    return !hints.kubernetes.namespace || entry.kubernetes.namespace === hints.kubernetes.namespace;
  }
  return false;
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
