import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../../../functions/contracts/tenant.js';
import { getSourceAdapter } from '../../../../functions/ingest/sources/index.js';
import { inferService, podWorkload, serviceFromLabels } from '../../../../functions/ingest/sources/shared/workload.js';
import { context } from './support/fixtures.js';

function alertmanager(labels: Record<string, string>) {
  return {
    version: '4',
    status: 'firing',
    receiver: 'causeway',
    groupLabels: {},
    commonLabels: labels,
    commonAnnotations: {},
    externalURL: 'http://alertmanager:9093',
    alerts: [{ status: 'firing', labels: { alertname: 'KubePodCrashLooping', ...labels }, annotations: {}, startsAt: '2026-03-14T19:58:00Z', endsAt: '0001-01-01T00:00:00Z', generatorURL: '', fingerprint: 'f1' }],
  };
}

describe('pod names → their workload', () => {
  it.each([
    ['checkout-7d9f8c6b5-x2k4p', 'checkout', 'a Deployment pod (ReplicaSet hash and pod suffix)'],
    ['payments-api-5c8d7b9f4d-q7wzt', 'payments-api', 'a Deployment whose name has dashes'],
    ['kafka-2', 'kafka', 'a StatefulSet pod (ordinal)'],
    ['node-exporter-x8kfz', 'node-exporter', 'a DaemonSet pod'],
    ['nightly-backup-28934567-q4m9x', 'nightly-backup', 'a CronJob pod (Job name carries the scheduled minute)'],
  ])('%s → %s (%s)', (pod, workload) => {
    expect(podWorkload(pod)).toBe(workload);
  });

  it('leaves a bare pod name that no controller made alone', () => {
    expect(podWorkload('debug')).toBeUndefined();
    expect(podWorkload('user-store')).toBeUndefined();
  });
});

describe('label precedence', () => {
  it('prefers an explicit service label over the workload', () => {
    expect(serviceFromLabels([{ service: 'orders', pod: 'checkout-7d9f8c6b5-x2k4p' }])).toEqual({ service: 'orders', rule: 'label:service' });
  });

  it('prefers the recommended app.kubernetes.io/name over a bare app label', () => {
    expect(serviceFromLabels([{ app: 'web', 'app.kubernetes.io/name': 'storefront' }])).toEqual({ service: 'storefront', rule: 'label:app.kubernetes.io/name' });
  });

  it('reads controller labels from kube-state-metrics', () => {
    expect(serviceFromLabels([{ statefulset: 'redis', namespace: 'cache' }])).toEqual({ service: 'redis', rule: 'label:statefulset' });
    expect(serviceFromLabels([{ replicaset: 'cart-6d4b9c8f7', namespace: 'shop' }])).toEqual({ service: 'cart', rule: 'label:replicaset' });
    expect(serviceFromLabels([{ job_name: 'reindex-29012345' }])).toEqual({ service: 'reindex', rule: 'label:job-name' });
  });

  it('takes the pod workload over a generic container name, and a meaningful container over the scrape job', () => {
    expect(serviceFromLabels([{ pod: 'search-6f7d8b9c5-k2m4n', container: 'app', job: 'kubernetes-pods' }])).toEqual({ service: 'search', rule: 'pod-name' });
    expect(serviceFromLabels([{ container: 'istio-proxy', job: 'ledger' }])).toEqual({ service: 'ledger', rule: 'label:job' });
    expect(serviceFromLabels([{ container: 'ledger', job: 'kubernetes-cadvisor' }])).toEqual({ service: 'ledger', rule: 'label:container' });
  });

  it("reads Datadog's Kubernetes tag names", () => {
    expect(serviceFromLabels([{ kube_stateful_set: 'zookeeper' }])).toEqual({ service: 'zookeeper', rule: 'label:statefulset' });
    expect(serviceFromLabels([{ kube_daemon_set: 'fluent-bit' }])).toEqual({ service: 'fluent-bit', rule: 'label:daemonset' });
  });
});

describe('the catalog names the service', () => {
  const catalog: Record<string, CatalogEntry> = {
    storefront: { aliases: ['web-frontend', 'Storefront-Legacy'] },
    payments: { kubernetes: { namespace: 'pay', deployment: 'payments-api' } },
  };

  it('maps an alias, case-insensitively, and says so', () => {
    expect(inferService(catalog, [{ app: 'storefront-legacy' }])).toEqual({ service: 'storefront', rule: 'catalog-alias' });
  });

  it("maps a pod's workload to the catalog entry running that Deployment in that namespace", () => {
    expect(inferService(catalog, [{ pod: 'payments-api-5c8d7b9f4d-q7wzt', namespace: 'pay' }])).toEqual({ service: 'payments', rule: 'catalog' });
    expect(inferService(catalog, [{ pod: 'payments-api-5c8d7b9f4d-q7wzt', namespace: 'staging' }])).toEqual({ service: 'payments-api', rule: 'pod-name' });
  });
});

describe('on the signal', () => {
  it('names the workload of a Kubernetes alert that carries only pod and namespace', () => {
    const [signal] = getSourceAdapter('alertmanager').normalize(alertmanager({ pod: 'inventory-84c9d7f6b8-r5t7w', namespace: 'shop' }), context());
    expect(signal).toMatchObject({ service: 'inventory', serviceInferredFrom: 'pod-name', namespace: 'shop' });
  });

  it('takes a Datadog kube_deployment tag', () => {
    const body = { id: '1', alert_id: '77', title: 'High restarts', transition: 'Triggered', tags: 'kube_deployment:ledger,kube_namespace:fin,env:prod' };
    const [signal] = getSourceAdapter('datadog').normalize(body, context());
    expect(signal).toMatchObject({ service: 'ledger', serviceInferredFrom: 'label:deployment' });
  });

  it("falls back to Opsgenie's entity only when no tag or detail names a workload", () => {
    const body = { action: 'Create', alert: { alertId: 'a-1', message: 'Disk 91%', entity: 'reports-db', tags: ['env:prod'] } };
    const [fromEntity] = getSourceAdapter('opsgenie').normalize(body, context());
    expect(fromEntity).toMatchObject({ service: 'reports-db', serviceInferredFrom: 'entity' });
    const [fromTag] = getSourceAdapter('opsgenie').normalize({ ...body, alert: { ...body.alert, tags: ['app:reports'] } }, context());
    expect(fromTag).toMatchObject({ service: 'reports', serviceInferredFrom: 'label:app' });
  });

  it('maps a PagerDuty service name through a catalog alias', () => {
    const body = {
      event: {
        id: 'e1',
        event_type: 'incident.triggered',
        occurred_at: '2026-03-14T19:59:00Z',
        data: { id: 'Q1', type: 'incident', title: 'Checkout down', service: { id: 'PABC123', summary: 'Checkout (prod)' } },
      },
    };
    const [signal] = getSourceAdapter('pagerduty').normalize(body, context({ checkout: { aliases: ['Checkout (prod)'] } }));
    expect(signal).toMatchObject({ service: 'checkout', serviceInferredFrom: 'catalog-alias' });
  });

  it('says nothing about a rule when no service was found', () => {
    const [signal] = getSourceAdapter('alertmanager').normalize(alertmanager({ instance: '10.0.0.7:9100' }), context());
    expect(signal?.service).toBeUndefined();
    expect(signal?.serviceInferredFrom).toBeUndefined();
  });
});

describe('exporters are not services', () => {
  it('names the consumer group of a Kafka lag alert, not the exporter that scraped it', () => {
    expect(serviceFromLabels([{ job: 'kafka-exporter', consumergroup: 'shipment-consumer', topic: 'shipments' }])).toEqual({ service: 'shipment-consumer', rule: 'label:consumer-group' });
  });
});
