import { z } from 'zod';
import type { EvidencePlan } from '../../contracts/index.js';
import { ConfigurationError } from '../../shared/errors.js';

export const ArgocdOptions = z.object({
  /** Where links point when the API is reached on another host than the UI. */
  uiUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** For Applications outside the control plane's namespace (`?appNamespace=`). */
  appNamespace: z.string().min(1).max(253).optional(),
  /**
   * How far before the window to look for the revision each service is running: a leak a
   * sync shipped days ago is still that revision's fault. Free to lengthen: the one
   * Application read carries its whole `status.history` (`revisionHistoryLimit` entries).
   */
  releaseLookbackHours: z.number().int().min(0).max(336).default(168),
  maxServices: z.number().int().min(1).max(50).default(20),
});
export type ArgocdOptions = z.infer<typeof ArgocdOptions>;

/** The plan's options, validated; a bad field is a ConfigurationError naming it. */
export function argocdOptions(plan: EvidencePlan): ArgocdOptions {
  const parsed = ArgocdOptions.safeParse(plan.backend.options);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ConfigurationError(`backend ${plan.backend.id}: options.${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
}

/** The secret: an Argo CD API token (a project role or a read-only local account). */
export const ArgocdSecret = z.object({ token: z.string().min(1) });
