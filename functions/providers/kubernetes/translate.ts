import type { EvidencePlan } from '../../contracts/index.js';
import { consoleOrigin } from '../../shared/aws-console.js';
import { listSome, plannedServices } from '../../shared/point-events.js';
import type { LabelSelector } from './model.js';
import type { KubernetesOptions } from './options.js';

/*
 * Canonical plan → Kubernetes API requests: each service's Deployment, the ReplicaSets
 * and Pods its selector picks, and the namespace's Pod events.
 */

/** Deployments read per plan: each costs three to four API calls. */
export const MAX_TARGETS = 20;

export interface Target {
  service: string;
  namespace: string;
  deployment: string;
}

export interface KubernetesRequest {
  targets: Target[];
  /** Services with no namespace to look in. */
  unmapped: string[];
  dropped: number;
}

/** Where each planned service runs: its `options.services` entry, else a Deployment of its name in `options.namespace`. */
export function translate(plan: EvidencePlan, options: KubernetesOptions): KubernetesRequest {
  const targets: Target[] = [];
  const unmapped: string[] = [];
  for (const service of plannedServices(plan, Object.keys(options.services))) {
    const mapped = options.services[service];
    if (mapped) targets.push({ service, ...mapped });
    else if (options.namespace && /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(service)) targets.push({ service, namespace: options.namespace, deployment: service });
    else unmapped.push(service);
  }
  return { targets: targets.slice(0, MAX_TARGETS), unmapped, dropped: Math.max(0, targets.length - MAX_TARGETS) };
}

const enc = encodeURIComponent;

export const paths = {
  deployment: (t: Target) => `/apis/apps/v1/namespaces/${enc(t.namespace)}/deployments/${enc(t.deployment)}`,
  replicaSets: (t: Target) => `/apis/apps/v1/namespaces/${enc(t.namespace)}/replicasets`,
  pods: (t: Target) => `/api/v1/namespaces/${enc(t.namespace)}/pods`,
  events: (namespace: string) => `/api/v1/namespaces/${enc(namespace)}/events`,
};

/** A Deployment's selector as a `labelSelector` query value (`app=orders,tier in (api,worker)`). */
export function selectorString(selector: LabelSelector | undefined): string {
  const parts = Object.entries(selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of selector?.matchExpressions ?? []) {
    const values = (e.values ?? []).join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${values})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${values})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else parts.push(`!${e.key}`);
  }
  return parts.join(',');
}

/** Where a person should look at a Deployment: the tenant's UI template, the EKS console, or nowhere. */
export function deploymentLink(options: KubernetesOptions, region: string | undefined, t: Target): string | undefined {
  if (options.uiUrl) return options.uiUrl.replaceAll('{namespace}', enc(t.namespace)).replaceAll('{deployment}', enc(t.deployment));
  if (options.eks && region) return `${consoleOrigin(region)}/eks/home?region=${region}#/clusters/${enc(options.eks.clusterName)}/deployments/${enc(t.deployment)}?namespace=${enc(t.namespace)}`;
  return undefined;
}

const hhmm = (iso: string) => iso.slice(11, 16);

/** The query as a person would type it: kubectl for each Deployment, over the window. */
export function describeRequest(plan: EvidencePlan, request: KubernetesRequest): string {
  const what = plan.evidenceClass === 'changes' ? 'rollout history (ReplicaSet revisions and images)' : 'pod restarts, OOM kills, crash loops, probe failures, evictions and node pressure (pods and events)';
  const where = request.targets.map((t) => `${t.namespace}/deployment/${t.deployment}`);
  const text = `Kubernetes ${what} for ${listSome(where, 20) || '(no mapped deployment)'} over ${hhmm(plan.window.from)}–${hhmm(plan.window.to)}Z`;
  return text.length > 4000 ? `${text.slice(0, 3997)}...` : text;
}
