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
  /**
   * The cluster's CA certificate, as a kubeconfig's `certificate-authority-data` (base64 of
   * the PEM) or the PEM: the API server is then trusted only if that CA signed its
   * certificate. An EKS cluster's serving certificate is signed by the cluster's own CA (its
   * `certificateAuthority.data`), so an EKS backend needs it here; a CA is public, so it may
   * sit in the config. The secret's `caData`, when set, wins.
   */
  caData: z.string().min(1).max(65_536).optional(),
  /** Where the kubelet records node conditions (NodeNotReady, NodeHasDiskPressure…). */
  nodeEventsNamespace: Name.default('default'),
});
export type KubernetesOptions = z.infer<typeof KubernetesOptions>;

/**
 * The secret, kubeconfig-style: a service account token, and the cluster's CA
 * (`certificate-authority-data`, base64 of the PEM) when a private CA signed the API
 * server's certificate; requests then trust that CA and no other.
 */
export const KubernetesSecret = z.object({ token: z.string().min(1), caData: z.string().min(1).max(65_536).optional() });
