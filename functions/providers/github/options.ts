import { z } from 'zod';
import type { EvidencePlan } from '../../contracts/index.js';
import { ConfigurationError } from '../../shared/errors.js';

export const GithubOptions = z.object({
  /** The REST API root: `https://api.github.com`, or `https://<host>/api/v3` on GitHub Enterprise Server. */
  apiUrl: z.url({ protocol: /^https?$/ }).default('https://api.github.com'),
  /** The deployment environment to read (`production`); every environment when absent. */
  environment: z.string().min(1).max(200).optional(),
  /**
   * How far before the window to look for the deployment or release each service is running:
   * a leak a release shipped days ago is still that release's fault. Paging stops at the
   * running one, so a longer lookback does not read more pages.
   */
  releaseLookbackHours: z.number().int().min(0).max(336).default(168),
  /** Services read per investigation (those with a catalog `repo`), nearest the alert first. */
  maxServices: z.number().int().min(1).max(20).default(8),
  perPage: z.number().int().min(10).max(100).default(50),
  /** Pages per list (deployments, releases, pulls, commits) before the rest is left out. */
  maxPages: z.number().int().min(1).max(10).default(3),
  /** Merged pull requests per service whose files are fetched (for the path filter and the diff summary). */
  maxPullFiles: z.number().int().min(0).max(30).default(10),
  /** Deployments per service whose statuses are fetched. */
  maxDeploymentStatuses: z.number().int().min(0).max(30).default(10),
  include: z.array(z.enum(['deployments', 'releases', 'pulls', 'commits'])).min(1).default(['deployments', 'releases', 'pulls', 'commits']),
});
export type GithubOptions = z.infer<typeof GithubOptions>;

/** The plan's options, validated; a bad field is a ConfigurationError naming it. */
export function githubOptions(plan: EvidencePlan): GithubOptions {
  const parsed = GithubOptions.safeParse(plan.backend.options);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ConfigurationError(`backend ${plan.backend.id}: options.${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
}

/** The secret: a fine-grained or classic token, or a GitHub App installation token, read-only on the repos. */
export const GithubSecret = z.object({ token: z.string().min(1) });
