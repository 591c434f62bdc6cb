import type { CatalogEntry, EvidencePlan } from '../../contracts/index.js';
import type { GithubOptions } from './options.js';

const HOUR = 3600_000;

/** One service's place on GitHub, from the tenant's catalog. */
export interface RepoTarget {
  service: string;
  owner: string;
  repo: string;
  /** The folder the service lives in, for monorepos; the whole repo when absent. */
  path?: string;
}

/**
 * The planned services that have a catalog `repo` (`owner/name`), the alerting service first,
 * up to `maxServices`; the rest are named in a note.
 */
export function targetsOf(plan: EvidencePlan, catalog: Record<string, CatalogEntry>, maxServices: number): { targets: RepoTarget[]; omitted: string[]; unmapped: string[] } {
  const planned = plan.services.length > 0 ? plan.services : Object.keys(catalog);
  const ordered = [...planned].sort((a, b) => Number(b === plan.focusService) - Number(a === plan.focusService));
  const targets: RepoTarget[] = [];
  const unmapped: string[] = [];
  for (const service of ordered) {
    const entry = Object.hasOwn(catalog, service) ? catalog[service] : undefined;
    const match = entry?.repo ? /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(entry.repo.replace(/^https:\/\/[^/]+\//, '').replace(/\.git$/, '')) : null;
    if (!match) {
      unmapped.push(service);
      continue;
    }
    const path = entry?.path?.replace(/^\/+|\/+$/g, '');
    targets.push({ service, owner: match[1]!, repo: match[2]!, ...(path ? { path } : {}) });
  }
  return { targets: targets.slice(0, maxServices), omitted: targets.slice(maxServices).map((t) => t.service), unmapped };
}

/** The range read: the window, extended back by the release lookback. */
export function readRange(plan: EvidencePlan, options: GithubOptions): { fromMs: number; toMs: number } {
  return { fromMs: Date.parse(plan.window.from) - options.releaseLookbackHours * HOUR, toMs: Date.parse(plan.window.to) };
}

const repoUrl = (apiUrl: string, t: RepoTarget) => `${apiUrl}/repos/${encodeURIComponent(t.owner)}/${encodeURIComponent(t.repo)}`;

function withQuery(url: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined));
  return `${url}?${query}`;
}

/** The REST calls, one builder each, so tests and `describe` say exactly what is asked. */
export const urls = {
  deployments: (apiUrl: string, t: RepoTarget, o: GithubOptions) => withQuery(`${repoUrl(apiUrl, t)}/deployments`, { environment: o.environment, per_page: String(o.perPage) }),
  statuses: (apiUrl: string, t: RepoTarget, id: number) => withQuery(`${repoUrl(apiUrl, t)}/deployments/${id}/statuses`, { per_page: '10' }),
  releases: (apiUrl: string, t: RepoTarget, o: GithubOptions) => withQuery(`${repoUrl(apiUrl, t)}/releases`, { per_page: String(o.perPage) }),
  pulls: (apiUrl: string, t: RepoTarget, o: GithubOptions) => withQuery(`${repoUrl(apiUrl, t)}/pulls`, { state: 'closed', sort: 'updated', direction: 'desc', per_page: String(o.perPage) }),
  pullFiles: (apiUrl: string, t: RepoTarget, n: number) => withQuery(`${repoUrl(apiUrl, t)}/pulls/${n}/files`, { per_page: '100' }),
  commits: (apiUrl: string, t: RepoTarget, o: GithubOptions, fromMs: number, toMs: number) =>
    withQuery(`${repoUrl(apiUrl, t)}/commits`, { path: t.path, since: new Date(fromMs).toISOString(), until: new Date(toMs).toISOString(), per_page: String(o.perPage) }),
};
