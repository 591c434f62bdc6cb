import { z } from 'zod';
import type { EvidencePlan } from '../../contracts/index.js';
import { ConfigurationError } from '../../shared/errors.js';

export const ChangelogOptions = z.object({
  /**
   * How far before the window to look for the release each service is running: a deploy log
   * answers "what version is live" as well as "what changed", and a leak a release shipped
   * days ago is still that release's fault. A week by default: a service redeployed less
   * often than that is rare, and each extra day is one more day partition read. 0 reads the
   * window only.
   */
  releaseLookbackHours: z.number().int().min(0).max(336).default(168),
  /**
   * How far before the window to look for the last config and capacity change each service
   * runs with: a ceiling lowered is hit when demand next peaks, so one that has carried a
   * full daily peak since is no longer the likely cause. Capped by `releaseLookbackHours`.
   */
  configLookbackHours: z.number().int().min(0).max(72).default(24),
  /** Items read per Query page, and pages per day partition, before the rest is left out. */
  pageSize: z.number().int().min(10).max(1000).default(500),
  maxPages: z.number().int().min(1).max(20).default(4),
});
export type ChangelogOptions = z.infer<typeof ChangelogOptions>;

/** The plan's options, validated; a bad field is a ConfigurationError naming it. */
export function changelogOptions(plan: EvidencePlan): ChangelogOptions {
  const parsed = ChangelogOptions.safeParse(plan.backend.options);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ConfigurationError(`backend ${plan.backend.id}: options.${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
}
