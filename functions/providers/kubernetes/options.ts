import { z } from 'zod';

/*
 * What a tenant configures for a Kubernetes cluster: where each service runs (the
 * service catalog's `kubernetes` entries, filled in by LoadTenant), how to
 * authenticate, and where a person should land when they click a link.
 */

const Name = z.string().regex(/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/, 'a Kubernetes object name (lowercase DNS-1123)');

export const KubernetesOptions = z.object({
  /** Service → its Deployment: `{ "orders": { "namespace": "shop", "deployment": "orders-api" } }`. */
  services: z.record(z.string(), z.object({ namespace: Name, deployment: Name })).default({}),
  /** For services not listed in `services`: the namespace where a Deployment named like the service runs. */
  namespace: Name.optional(),
  /**
   * Authenticate with an EKS token minted from the Lambda's IAM role (a presigned STS
   * GetCallerIdentity), instead of a bearer token in the secret. The role must be mapped
   * to a Kubernetes group (EKS access entry or aws-auth) with read access.
   */
  eks: z.object({ clusterName: z.string().regex(/^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$/, 'an EKS cluster name'), region: z.string().max(40).optional() }).optional(),
  /**
   * A UI link template for a Deployment (Headlamp, Rancher, the Kubernetes Dashboard):
   * `{namespace}` and `{deployment}` are filled in. Without it, EKS clusters link to the
   * EKS console and others carry no link.
   */
  uiUrl: z.url().max(1000).optional(),
  /** Where the kubelet records node conditions (NodeNotReady, NodeHasDiskPressure…). */
  nodeEventsNamespace: Name.default('default'),
});
export type KubernetesOptions = z.infer<typeof KubernetesOptions>;

/**
 * The secret, kubeconfig-style: a service account token. `caData` is accepted so a
 * kubeconfig's fields can be copied as they are, but Node's fetch cannot take a CA per
 * request: a self-hosted cluster's CA goes into the Lambda's `NODE_EXTRA_CA_CERTS`.
 */
export const KubernetesSecret = z.object({ token: z.string().min(1), caData: z.string().optional() });
