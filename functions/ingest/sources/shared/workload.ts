import type { CatalogEntry } from '../../../contracts/tenant.js';
import { catalogService } from './catalog.js';
import { findValue, NAMESPACE_KEYS } from './labels.js';

/*
 * Which service an alert is about, read from the labels and tags senders carry. Alerts from
 * Kubernetes (kube-state-metrics, cAdvisor rules) often name only the pod, container,
 * namespace or controller, so the workload behind a pod name counts as much as a `service`
 * label. Every answer says which rule decided, so a surprising service can be traced back.
 */

/**
 * The rule that named the service: how the investigation's record explains its choice.
 * CloudWatch alarms add their own: an alarm `tag`, a `dimension:<Name>`, a dimension value the
 * catalog knows (`catalog:<Name>`), or a catalogued name in the `alarm-name` (aws/dimensions.ts).
 */
export type ServiceRule =
  | 'catalog'
  | 'catalog-alias'
  | 'label:service'
  | 'label:app.kubernetes.io/name'
  | 'label:app'
  | 'label:k8s-app'
  | 'label:deployment'
  | 'label:statefulset'
  | 'label:daemonset'
  | 'label:replicaset'
  | 'label:job-name'
  | 'pod-name'
  | 'label:container'
  | 'label:consumer-group'
  | 'label:job'
  | 'sender-service'
  | 'entity'
  | 'tag'
  | 'alarm-name'
  | `catalog:${string}`
  | `dimension:${string}`;

export interface InferredService {
  service: string;
  rule: ServiceRule;
}

/**
 * Label keys in order of trust: explicit service names, then the workload's own name as
 * Kubernetes' recommended labels and controllers give it. `container` comes after the pod's
 * workload because containers are often named `app` or `main`. A Kafka consumer group names
 * the consumer a lag alert is about (its exporter is only the scrape job). `job` comes last
 * because a Prometheus job is usually the scrape job (`kubernetes-pods`), not the service.
 */
const LABEL_RULES: ReadonlyArray<{ keys: readonly string[]; rule: ServiceRule; strip?: (value: string) => string | undefined }> = [
  { keys: ['service', 'service_name', 'servicename'], rule: 'label:service' },
  { keys: ['app_kubernetes_io_name', 'app.kubernetes.io/name'], rule: 'label:app.kubernetes.io/name' },
  { keys: ['app'], rule: 'label:app' },
  { keys: ['k8s_app', 'k8s-app'], rule: 'label:k8s-app' },
  { keys: ['deployment', 'k8s_deployment_name', 'kube_deployment'], rule: 'label:deployment' },
  { keys: ['statefulset', 'k8s_statefulset_name', 'kube_statefulset', 'kube_stateful_set'], rule: 'label:statefulset' },
  { keys: ['daemonset', 'k8s_daemonset_name', 'kube_daemonset', 'kube_daemon_set'], rule: 'label:daemonset' },
  { keys: ['replicaset', 'k8s_replicaset_name', 'kube_replica_set'], rule: 'label:replicaset', strip: replicaSetOwner },
  { keys: ['job_name', 'k8s_job_name', 'kube_job', 'kube_cronjob'], rule: 'label:job-name', strip: cronJobOwner },
  { keys: ['pod', 'pod_name', 'k8s_pod_name', 'kubernetes_pod_name', 'kube_pod'], rule: 'pod-name', strip: podWorkload },
  { keys: ['container', 'container_name', 'k8s_container_name', 'kube_container_name'], rule: 'label:container', strip: meaningfulContainer },
  { keys: ['consumergroup', 'consumer_group', 'group_id'], rule: 'label:consumer-group' },
  { keys: ['job'], rule: 'label:job' },
];

/** Deployment pods: `<deployment>-<pod-template-hash>-<5 chars>`; the hash is 5–10 of Kubernetes' safe alphabet. */
const DEPLOYMENT_POD = /^(.+)-[bcdfghjklmnpqrstvwxz24-9]{5,10}-[bcdfghjklmnpqrstvwxz24-9]{5}$/;
/** StatefulSet pods: `<statefulset>-<ordinal>`. */
const STATEFULSET_POD = /^(.+)-\d{1,4}$/;
/** DaemonSet and bare ReplicaSet pods, and Job pods: `<owner>-<5 chars>`. */
const OWNED_POD = /^(.+)-[bcdfghjklmnpqrstvwxz24-9]{5}$/;
/** A ReplicaSet's name: `<deployment>-<pod-template-hash>`. */
const REPLICASET = /^(.+)-[bcdfghjklmnpqrstvwxz24-9]{5,10}$/;
/** A CronJob's Job: `<cronjob>-<scheduled minute since the epoch>`. */
const CRONJOB_JOB = /^(.+)-\d{8,}$/;

/** The workload a pod belongs to, by the names Kubernetes gives pods of each controller. */
export function podWorkload(pod: string): string | undefined {
  const name = pod.trim();
  const match = DEPLOYMENT_POD.exec(name) ?? STATEFULSET_POD.exec(name) ?? OWNED_POD.exec(name);
  return match?.[1] ? (cronJobOwner(match[1]) ?? match[1]) : undefined;
}

function replicaSetOwner(replicaSet: string): string | undefined {
  return REPLICASET.exec(replicaSet.trim())?.[1];
}

function cronJobOwner(job: string): string | undefined {
  return CRONJOB_JOB.exec(job.trim())?.[1] ?? job.trim();
}

/** Sidecars and placeholders name the machinery, not the service. */
const GENERIC_CONTAINERS = new Set(['pod', 'app', 'main', 'server', 'istio-proxy', 'envoy', 'linkerd-proxy', 'daprd']);

function meaningfulContainer(container: string): string | undefined {
  return GENERIC_CONTAINERS.has(container.trim().toLowerCase()) ? undefined : container.trim();
}

/** The first label rule that yields a name; undefined when no label names a workload. */
export function serviceFromLabels(maps: ReadonlyArray<Record<string, string>>): InferredService | undefined {
  for (const { keys, rule, strip } of LABEL_RULES) {
    const value = findValue(maps, keys);
    const service = value && (strip ? strip(value) : value);
    if (service) return { service, rule };
  }
  return undefined;
}

/** A catalog entry whose `aliases` list the name (case-insensitive): the name the tenant's alerts use for it. */
export function catalogAlias(catalog: Record<string, CatalogEntry>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [service, entry] of Object.entries(catalog)) if (entry.aliases?.some((alias) => alias.toLowerCase() === wanted)) return service;
  return undefined;
}

/** A name the sender gave outright: the catalog's key if it is one, else the entry that lists it as an alias, else the name. */
export function namedService(catalog: Record<string, CatalogEntry>, name: string, rule: ServiceRule): InferredService {
  if (Object.hasOwn(catalog, name)) return { service: name, rule };
  const alias = catalogAlias(catalog, name);
  return alias ? { service: alias, rule: 'catalog-alias' } : { service: name, rule };
}

/**
 * The tenant's name for what the labels point at: the catalog entry keyed by the inferred
 * name, listing it as an alias, or matching its Kubernetes deployment; else the name the
 * labels gave. The catalog wins because it is what the tenant told us.
 */
export function inferService(
  catalog: Record<string, CatalogEntry>,
  maps: ReadonlyArray<Record<string, string>>,
  fallback?: { name: string | undefined; rule: ServiceRule },
): InferredService | undefined {
  const found = serviceFromLabels(maps) ?? (fallback?.name ? { service: fallback.name, rule: fallback.rule } : undefined);
  if (!found) return undefined;
  const named = namedService(catalog, found.service, found.rule);
  if (named.service !== found.service || Object.hasOwn(catalog, found.service)) return named;
  const namespace = findValue(maps, NAMESPACE_KEYS);
  const byDeployment = catalogService(catalog, { kubernetes: { deployment: found.service, namespace } });
  return byDeployment ? { service: byDeployment, rule: 'catalog' } : found;
}
