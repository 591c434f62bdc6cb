import { describe, expect, it } from 'vitest';
import { BackendConfig, CatalogEntry } from '../../../functions/contracts/index.js';
import { withCatalog } from '../../../functions/load-tenant/catalog.js';
import { AwsHealthOptions } from '../../../functions/providers/aws-health/options.js';
import { CloudTrailOptions } from '../../../functions/providers/cloudtrail/options.js';

const catalog: Record<string, CatalogEntry> = {
  pricing: CatalogEntry.parse({ kubernetes: { namespace: 'shop', deployment: 'pricing-api' }, ssmParameter: '/shop/pricing/config' }),
  checkout: CatalogEntry.parse({ ecs: { cluster: 'prod', service: 'checkout-svc' }, lambda: { functionName: 'checkout-fn', alias: 'live' } }),
  docs: CatalogEntry.parse({ repo: 'acme/docs' }),
};
const backend = (type: string, options: Record<string, unknown> = {}) => BackendConfig.parse({ id: type, type, classes: ['runtime'], options });

describe('withCatalog: one service catalog drives every runtime and change provider', () => {
  it('gives Kubernetes, ECS and Lambda the entries the catalog has for them, and nothing for services without one', () => {
    expect(withCatalog(backend('kubernetes'), catalog).options.services).toEqual({ pricing: { namespace: 'shop', deployment: 'pricing-api' } });
    expect(withCatalog(backend('ecs'), catalog).options.services).toEqual({ checkout: { cluster: 'prod', service: 'checkout-svc' } });
    expect(withCatalog(backend('lambda'), catalog).options.services).toEqual({ checkout: { functionName: 'checkout-fn', alias: 'live' } });
  });

  it('lets CloudTrail attribute events on the function, the ECS service and the parameter to their service', () => {
    const filled = withCatalog(backend('cloudtrail'), catalog);
    expect(filled.options.services).toEqual({ pricing: ['pricing', '/shop/pricing/config'], checkout: ['checkout', 'checkout-fn', 'checkout-svc'] });
    expect(CloudTrailOptions.parse(filled.options).services).toEqual(filled.options.services);
  });

  it('lets AWS Health put an event on the service owning the function, ECS service or cluster it affected', () => {
    const filled = withCatalog(backend('aws-health', { services: { pricing: ['pricing-table'] } }), catalog);
    expect(filled.options.services).toEqual({ checkout: ['checkout', 'checkout-fn', 'checkout-svc', 'prod'], pricing: ['pricing-table'] });
    expect(AwsHealthOptions.parse(filled.options).services).toEqual(filled.options.services);
  });

  it('keeps what the backend says about a service over the catalog, and keeps its other options', () => {
    const own = backend('kubernetes', { namespace: 'default', services: { pricing: { namespace: 'canary', deployment: 'pricing-canary' } } });
    expect(withCatalog(own, catalog).options).toEqual({ namespace: 'default', services: { pricing: { namespace: 'canary', deployment: 'pricing-canary' } } });
  });

  it('leaves other backend types, an empty catalog and a malformed services option alone', () => {
    const loki = backend('loki', { tenantHeader: 'acme' });
    expect(withCatalog(loki, catalog)).toBe(loki);
    const ecs = backend('ecs');
    expect(withCatalog(ecs, {})).toBe(ecs);
    const broken = backend('ecs', { services: 'checkout' });
    expect(withCatalog(broken, catalog)).toBe(broken);
  });
});
