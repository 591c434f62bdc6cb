import type { BackendConfig, CatalogEntry } from '../contracts/index.js';

type Catalog = Record<string, CatalogEntry>;
type ServiceMap = Record<string, unknown>;

/** What each catalog-aware backend type reads from one catalog entry, as its `options.services` value. */
const FROM_CATALOG: Record<string, (entry: CatalogEntry, service: string) => unknown> = {
  kubernetes: (entry) => entry.kubernetes,
  ecs: (entry) => entry.ecs,
  lambda: (entry) => entry.lambda,
  // A listed service matches only its listed names, so its own name stays among them.
  cloudtrail: (entry, service) => {
    const names = [entry.lambda?.functionName, entry.ecs?.service, entry.ssmParameter].filter((name): name is string => name !== undefined);
    return names.length > 0 ? [...new Set([service, ...names])] : undefined;
  },
  // The resources AWS Health names as affected entities: the function, the ECS service and its cluster.
  'aws-health': (entry, service) => {
    const names = [entry.lambda?.functionName, entry.ecs?.service, entry.ecs?.cluster].filter((name): name is string => name !== undefined);
    return names.length > 0 ? [...new Set([service, ...names])] : undefined;
  },
};

/**
 * The backend with the tenant's service catalog filled into `options.services`, so a
 * service is described once (its Deployment, ECS service, Lambda function, parameter) and
 * every provider that needs it finds it. What the backend's own options say about a
 * service wins over the catalog; other backend types are returned unchanged.
 */
export function withCatalog(backend: BackendConfig, catalog: Catalog): BackendConfig {
  const read = FROM_CATALOG[backend.type];
  if (!read) return backend;
  const fromCatalog: ServiceMap = {};
  for (const [service, entry] of Object.entries(catalog)) {
    const value = read(entry, service);
    if (value !== undefined) fromCatalog[service] = value;
  }
  if (Object.keys(fromCatalog).length === 0) return backend;
  const own = backend.options.services ?? {};
  // A malformed `services` is left for the provider's option check to name.
  if (own === null || typeof own !== 'object' || Array.isArray(own)) return backend;
  return { ...backend, options: { ...backend.options, services: { ...fromCatalog, ...(own as ServiceMap) } } };
}
