import type { ChangeEvent, EvidencePlan, ProviderQuery, RuntimeEvent } from '../../contracts/index.js';
import { parseOptions } from '../../shared/aws-client.js';
import { ConfigurationError } from '../../shared/errors.js';
import { BackendAuthError, BackendQueryError, describeUrl } from '../../shared/http-client.js';
import { fitPointEvents, foldRuntime, listSome, type RuntimeObservation } from '../../shared/point-events.js';
import type { EvidenceProvider, ProviderFindings } from '../types.js';
import { clusterAccess } from './auth.js';
import { getObject, listObjects, MAX_PAGES, PAGE_LIMIT, type Api } from './client.js';
import type { Deployment, KubeEvent, Pod, ReplicaSet } from './model.js';
import { eventObservations, nodeObservations, ownedRevisions, podObservations, rolloutChanges } from './normalize.js';
import { KubernetesOptions } from './options.js';
import { deploymentLink, describeRequest, paths, selectorString, translate, type KubernetesRequest, type Target } from './translate.js';

/*
 * Kubernetes: per service, its Deployment's rollout history (changes) or its pods'
 * restarts, OOM kills, crash loops, probe failures, evictions and node pressure (runtime).
 */

function query(plan: EvidencePlan, request: KubernetesRequest): ProviderQuery {
  return { text: describeRequest(plan, request), target: plan.backend.endpoint ? describeUrl(plan.backend.endpoint) : '(no endpoint)', window: plan.window };
}

interface Read {
  target: Target;
  deployment: Deployment;
  replicaSets: ReplicaSet[];
  pods: Pod[];
  link?: string;
}

const truncatedNote = (what: string) => `${what}: more than ${MAX_PAGES * PAGE_LIMIT} objects, the rest were not read`;

/** One Deployment and what its selector picks; a missing Deployment is a note, not a failure of the whole plan. */
async function readTarget(api: Api, plan: EvidencePlan, options: KubernetesOptions, t: Target, notes: string[]): Promise<Read | undefined> {
  let deployment: Deployment;
  try {
    deployment = await getObject<Deployment>(api, paths.deployment(t));
  } catch (error) {
    if (!(error instanceof BackendQueryError)) throw error;
    notes.push(`${t.service}: deployment ${t.namespace}/${t.deployment} could not be read (${error.message.includes(' 404') ? 'not found' : error.message.slice(0, 200)})`);
    return undefined;
  }
  const labelSelector = selectorString(deployment.spec?.selector);
  if (!labelSelector) {
    notes.push(`${t.service}: deployment ${t.namespace}/${t.deployment} has no selector`);
    return undefined;
  }
  const runtime = plan.evidenceClass === 'runtime';
  const [replicaSets, pods] = await Promise.all([
    listObjects<ReplicaSet>(api, paths.replicaSets(t), { labelSelector }),
    runtime ? listObjects<Pod>(api, paths.pods(t), { labelSelector }) : Promise.resolve({ items: [], truncated: false }),
  ]);
  if (replicaSets.truncated) notes.push(truncatedNote(`${t.service} replica sets`));
  if (pods.truncated) notes.push(truncatedNote(`${t.service} pods`));
  const link = deploymentLink(options, options.eks?.region ?? plan.backend.region, t);
  return { target: t, deployment, replicaSets: replicaSets.items, pods: pods.items, ...(link ? { link } : {}) };
}

/** Pod events per namespace and node events once; node events the role may not list are a note. */
async function runtimeObservations(api: Api, plan: EvidencePlan, options: KubernetesOptions, reads: Read[], notes: string[]): Promise<RuntimeObservation[]> {
  const observations = reads.flatMap((r) => podObservations(plan, r.target, r.pods, r.link));
  const namespaces = [...new Set(reads.map((r) => r.target.namespace))];
  const eventLists = await Promise.all(namespaces.map((ns) => listObjects<KubeEvent>(api, paths.events(ns), { fieldSelector: 'involvedObject.kind=Pod' })));
  namespaces.forEach((ns, i) => {
    const events = eventLists[i]!;
    if (events.truncated) notes.push(truncatedNote(`pod events in ${ns}`));
    for (const r of reads.filter((x) => x.target.namespace === ns)) {
      const podNames = new Set(r.pods.map((p) => p.metadata?.name));
      const prefixes = ownedRevisions(r.deployment, r.replicaSets).map(({ rs }) => `${rs.metadata?.name}-`);
      const owns = (pod: string) => podNames.has(pod) || prefixes.some((p) => pod.startsWith(p));
      observations.push(...eventObservations(plan, r.target, events.items, owns, r.link));
    }
  });
  try {
    const nodeEvents = await listObjects<KubeEvent>(api, paths.events(options.nodeEventsNamespace), { fieldSelector: 'involvedObject.kind=Node' });
    const onNode = (node: string) => reads.filter((r) => r.pods.some((p) => p.spec?.nodeName === node)).map((r) => ({ service: r.target.service, ...(r.link ? { link: r.link } : {}) }));
    observations.push(...nodeObservations(plan, nodeEvents.items, onNode));
  } catch (error) {
    if (!(error instanceof BackendAuthError || error instanceof BackendQueryError)) throw error;
    notes.push(`node events in ${options.nodeEventsNamespace} were not readable (${error.name}); node pressure is not covered`);
  }
  return observations;
}

/** The provider for backend type `kubernetes` (any conformant API server, EKS included). */
export const kubernetesProvider: EvidenceProvider = {
  type: 'kubernetes',
  classes: ['runtime', 'changes'],
  describe(plan) {
    const parsed = KubernetesOptions.safeParse(plan.backend.options);
    if (!parsed.success) return { text: `Kubernetes ${plan.evidenceClass} for ${plan.services.join(', ') || plan.focusService || '(no service)'} (options invalid)`, target: plan.backend.endpoint ?? '(no endpoint)', window: plan.window };
    return query(plan, translate(plan, parsed.data));
  },
  async query(plan, deps): Promise<ProviderFindings> {
    const options = parseOptions(KubernetesOptions, plan.backend);
    if (!plan.backend.endpoint) throw new ConfigurationError(`backend ${plan.backend.id}: endpoint: set the API server URL (https://…)`);
    const request = translate(plan, options);
    const asked = query(plan, request);
    const notes: string[] = [];
    if (request.unmapped.length > 0) notes.push(`no deployment mapped (set options.services or options.namespace) for ${listSome(request.unmapped)}`);
    if (request.dropped > 0) notes.push(`${request.dropped} more services were not read (limit ${request.targets.length} deployments per plan)`);
    if (request.targets.length === 0) return { query: asked, items: [], notes };
    const api: Api = { baseUrl: plan.backend.endpoint, ...(await clusterAccess(plan, options, deps)), signal: deps.signal };
    const reads = (await Promise.all(request.targets.map((t) => readTarget(api, plan, options, t, notes)))).filter((r): r is Read => r !== undefined);
    const items: (ChangeEvent | RuntimeEvent)[] =
      plan.evidenceClass === 'changes'
        ? reads.flatMap((r) => rolloutChanges(plan, r.target, r.deployment, r.replicaSets, r.link))
        : reads.length > 0 ? foldRuntime(await runtimeObservations(api, plan, options, reads, notes)) : [];
    const fitted = fitPointEvents(items, plan, plan.evidenceClass === 'changes' ? 'rollouts' : 'runtime events');
    return { query: asked, items: fitted.items, notes: [...fitted.notes, ...notes].map((n) => n.slice(0, 500)).slice(0, 20) };
  },
};
