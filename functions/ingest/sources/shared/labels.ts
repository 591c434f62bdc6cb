import type { CorrelationKeys } from '../../../contracts/common.js';

/*
 * Reading meaning out of free-form labels, tags and details. Keys are compared after
 * lower-casing and dropping punctuation, so `trace_id`, `traceId`, `trace-id` and `TraceID`
 * are one key, as an engineer reading the alert would take them.
 */

export type Draft = Omit<Partial<CorrelationKeys>, 'traceIds' | 'requestIds'> & { traceIds: string[]; requestIds: string[] };

function squash(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Looks up a value by any of several squashed keys across maps, first map and first key winning. */
export function findValue(maps: ReadonlyArray<Record<string, string>>, keys: readonly string[]): string | undefined {
  const wanted = keys.map(squash);
  for (const wantedKey of wanted) {
    for (const map of maps) {
      for (const [key, value] of Object.entries(map)) if (squash(key) === wantedKey && value.trim()) return value.trim();
    }
  }
  return undefined;
}

/**
 * The tags of a CloudWatch alarm that name its service. `service`/`service_name` are
 * explicit; `app` and `app.kubernetes.io/name` name the workload; `container` comes before
 * `job`. Labels of the other senders go through the fuller rules of shared/workload.ts.
 */
export const SERVICE_KEYS = ['service', 'service_name', 'app', 'app_kubernetes_io_name', 'k8s_app', 'container', 'job'];
/** Keys naming the environment and namespace, most explicit first. */
export const ENVIRONMENT_KEYS = ['environment', 'env', 'deployment_environment', 'deployment_environment_name', 'stage'];
export const NAMESPACE_KEYS = ['namespace', 'k8s_namespace_name', 'kubernetes_namespace', 'kube_namespace', 'exported_namespace'];
const POD_KEYS = ['pod', 'pod_name', 'k8s_pod_name', 'kubernetes_pod_name', 'kube_pod'];
const TRACE_KEYS = ['trace_id', 'trace', 'xray_trace_id', 'otel_trace_id', 'dd_trace_id'];
const REQUEST_KEYS = ['request_id', 'x_request_id', 'aws_request_id', 'correlation_id'];
const VERSION_KEYS = ['version', 'service_version', 'app_kubernetes_io_version', 'image_tag', 'git_sha'];
const IMAGE_KEYS = ['image', 'container_image', 'k8s_container_image'];
const REGION_KEYS = ['region', 'aws_region', 'cloud_region'];
const ACCOUNT_KEYS = ['aws_account_id', 'account_id', 'aws_account', 'cloud_account_id'];

/** Id-shaped: trace, span and request ids are long; `none`, `n/a` or prose are not ids. */
const ID = /^[\w.:/-]{8,128}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const ACCOUNT = /^\d{12}$/;

/** All values of the given keys across maps: a label may carry one id, a detail another. */
function findAll(maps: ReadonlyArray<Record<string, string>>, keys: readonly string[]): string[] {
  const wanted = new Set(keys.map(squash));
  const out: string[] = [];
  for (const map of maps) {
    for (const [key, value] of Object.entries(map)) {
      if (!wanted.has(squash(key))) continue;
      for (const part of value.split(',').map((p) => p.trim())) if (ID.test(part) && !out.includes(part)) out.push(part);
    }
  }
  return out.slice(0, 20);
}

/** `registry/app:1.4.2` → `1.4.2`; a digest or an untagged image gives nothing. */
function imageTag(image: string | undefined): string | undefined {
  if (!image || image.includes('@')) return undefined;
  const tag = image.slice(image.lastIndexOf('/') + 1).split(':')[1];
  return tag && tag !== 'latest' ? tag : undefined;
}

/** Correlation keys found in labels, annotations or details, in the order the maps are given. */
export function correlationFrom(maps: ReadonlyArray<Record<string, string>>): Draft {
  const region = findValue(maps, REGION_KEYS);
  const account = findValue(maps, ACCOUNT_KEYS);
  return {
    traceIds: findAll(maps, TRACE_KEYS),
    requestIds: findAll(maps, REQUEST_KEYS),
    version: findValue(maps, VERSION_KEYS) ?? imageTag(findValue(maps, IMAGE_KEYS)),
    pod: findValue(maps, POD_KEYS),
    namespace: findValue(maps, NAMESPACE_KEYS),
    region: region && REGION.test(region) ? region : undefined,
    awsAccountId: account && ACCOUNT.test(account) ? account : undefined,
  };
}

/**
 * `key:value` tags (Datadog, Opsgenie, CloudWatch via SNS subscribers) as a map; a bare tag
 * maps to the empty string so it is kept without inventing a value.
 */
export function tagsToMap(tags: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of tags) {
    const tag = raw.trim();
    if (!tag) continue;
    const colon = tag.indexOf(':');
    if (colon > 0) out[tag.slice(0, colon).trim()] = tag.slice(colon + 1).trim();
    else out[tag] = '';
  }
  return out;
}
