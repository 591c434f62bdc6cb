import { z } from 'zod';
import type { ProposedAction } from '../../contracts/index.js';
import { ConfigurationError } from '../../shared/errors.js';
import { BackendResponseError } from '../../shared/http-client.js';
import { bearerTarget, callTarget, type HttpTarget } from './http-target.js';
import { targetField, type ExecutorContext } from './types.js';

export const REVISION = 'deployment.kubernetes.io/revision';

export const PodTemplate = z.looseObject({
  metadata: z.looseObject({ labels: z.record(z.string(), z.string()).optional(), annotations: z.record(z.string(), z.string()).optional() }).optional(),
  spec: z.looseObject({ containers: z.array(z.looseObject({ name: z.string(), image: z.string().optional() })) }),
});
export type PodTemplate = z.infer<typeof PodTemplate>;

export const Deployment = z.looseObject({
  metadata: z.looseObject({ name: z.string(), uid: z.string(), annotations: z.record(z.string(), z.string()).optional() }),
  spec: z.looseObject({ replicas: z.number().int().optional(), selector: z.looseObject({ matchLabels: z.record(z.string(), z.string()).optional() }), template: PodTemplate }),
});
export type Deployment = z.infer<typeof Deployment>;

/** The Deployment an action names, and the tenant's API server with its token. */
export async function kubernetesTarget(action: ProposedAction, ctx: ExecutorContext): Promise<{ api: HttpTarget; namespace: string; name: string; path: string }> {
  const config = ctx.targets.kubernetes;
  if (!config) throw new ConfigurationError('the tenant has no remediation.kubernetes target');
  const namespace = targetField(action, 'namespace');
  const name = targetField(action, 'deployment');
  const api = await bearerTarget(ctx, config.apiUrl, config.tokenSecretRef, config.caData);
  return { api, namespace, name, path: `apis/apps/v1/namespaces/${encodeURIComponent(namespace)}/deployments/${encodeURIComponent(name)}` };
}

/** Parses a Kubernetes answer against the fields we rely on; anything else is the API server misbehaving. */
export function parseKube<T extends z.ZodType>(schema: T, body: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new BackendResponseError(`Kubernetes ${what}: unexpected response (${parsed.error.issues[0]?.path.join('.')})`);
  return parsed.data;
}

export async function getDeployment(api: HttpTarget, path: string, ctx: ExecutorContext): Promise<Deployment> {
  return parseKube(Deployment, await callTarget(api, ctx, { method: 'GET', path }), `deployment ${path}`);
}

/** `web=registry/web:1.4, sidecar=envoy:1.30`: what a human compares between two templates. */
export function imagesOf(template: PodTemplate): string {
  return template.spec.containers.map((c) => `${c.name}=${c.image ?? '?'}`).join(', ');
}
